-- Progress of ./hbw import-json, one row per JSON file. Each batch of the import commits its
-- rows and this row in one transaction, so after a kill the row says exactly which batches
-- are in the database, and a rerun over the same records (records_sha256: the SHA-256 of the
-- file's canonical records in id order) with the same batch size resumes after them.
CREATE TABLE json_import_checkpoints (
    ledger          varchar(20)  PRIMARY KEY,
    records_sha256  char(64)     NOT NULL,
    batch_size      integer      NOT NULL,
    batches_total   integer      NOT NULL,
    batches_done    integer      NOT NULL,
    rows_done       integer      NOT NULL,
    inserted        integer      NOT NULL,
    updated         integer      NOT NULL,
    unchanged       integer      NOT NULL,
    started_at      timestamptz  NOT NULL DEFAULT now(),
    updated_at      timestamptz  NOT NULL DEFAULT now(),
    finished_at     timestamptz
);
