-- Undoes V3: drops the stored Idempotency-Key responses.
DROP TABLE idempotency_keys;
