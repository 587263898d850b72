-- Undoes V9__add_payers_shares_and_settlements.sql. Payers, shares and settlements are
-- data: downgrade refuses without --force while any exist. The expenses themselves stay.
DROP TABLE IF EXISTS settlements;
DROP TABLE IF EXISTS expense_shares;
DROP INDEX IF EXISTS idx_expenses_household_paid_by;
ALTER TABLE expenses DROP COLUMN for_whom;
ALTER TABLE expenses DROP COLUMN paid_by;
ALTER TABLE expenses DROP COLUMN entered_by;
