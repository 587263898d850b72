-- Writes committed to PostgreSQL (phase P2) whose copy to the JSON files has not been
-- confirmed yet. An entry is inserted in the same transaction as the write it describes,
-- so a crash between the commit and the JSON write still leaves it behind; it is deleted
-- once the JSON files hold the same state, or marked resolved by ./hbw repair. Entries
-- name records by id and never hold amounts.
CREATE TABLE repair_journal (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entity         varchar(20)  NOT NULL CHECK (entity IN ('expense', 'income')),
    operation      varchar(20)  NOT NULL,
    entry_ids      integer[]    NOT NULL,
    opened_at      timestamptz  NOT NULL DEFAULT now(),
    error_kind     varchar(100),
    attempts       integer      NOT NULL DEFAULT 0,
    last_failed_at timestamptz,
    resolved_at    timestamptz,
    resolution     varchar(30)
);

CREATE INDEX idx_repair_journal_open ON repair_journal (id) WHERE resolved_at IS NULL;
