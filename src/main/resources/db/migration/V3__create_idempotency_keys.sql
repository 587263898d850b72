-- Responses of POST requests sent with an Idempotency-Key, stored in the same transaction
-- as the rows they created, so that a retried request is answered with the first response
-- instead of being applied twice.
CREATE TABLE idempotency_keys (
    scope           varchar(100) NOT NULL,
    key             varchar(255) NOT NULL,
    request_hash    char(64)     NOT NULL,
    response_status smallint,
    response_body   text,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, key)
);

CREATE INDEX idx_idempotency_keys_created_at ON idempotency_keys (created_at);
