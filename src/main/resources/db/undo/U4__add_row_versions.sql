-- Undoes V4: drops the row versions (ETags). Versions other than 0 are data: downgrade
-- refuses without --force while any row holds one.
ALTER TABLE expenses DROP COLUMN version;
ALTER TABLE incomes DROP COLUMN version;
