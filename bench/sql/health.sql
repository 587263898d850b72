-- The health route sends no SQL: this is only the round trip the ceiling column shows for
-- the smallest request PostgreSQL answers.
SELECT 1;
