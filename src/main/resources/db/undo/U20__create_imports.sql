-- Undoes V20__create_imports.sql. Staged rows, batches and profiles are data: downgrade
-- refuses without --force while any exist. Entries created by committed imports stay (they
-- are ordinary expenses and incomes); only the record of which batch created them goes.
DROP TABLE IF EXISTS import_rows;
DROP TABLE IF EXISTS import_batches;
DROP TABLE IF EXISTS import_profiles;
