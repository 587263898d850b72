-- Undoes V6__create_json_import_checkpoints.sql. Only the progress record of past imports is
-- lost; a later import-json starts from its first batch, which is safe (it is idempotent).
DROP TABLE IF EXISTS json_import_checkpoints;
