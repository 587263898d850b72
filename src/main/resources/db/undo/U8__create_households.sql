-- Undoes V8__create_households.sql. Rows of households other than the first (household_id
-- other than its default 1), households created after the migration, memberships and
-- invitations are data: downgrade refuses without --force while any exist. Afterwards
-- every remaining row is shared again, as before households existed.
ALTER TABLE expenses DROP COLUMN household_id;
ALTER TABLE incomes DROP COLUMN household_id;
CREATE INDEX idx_expenses_date ON expenses (date, id) INCLUDE (amount);
CREATE INDEX idx_expenses_date_category ON expenses (date, category) INCLUDE (amount);
CREATE INDEX idx_incomes_date ON incomes (date, id) INCLUDE (amount);
ALTER TABLE users DROP COLUMN current_household_id;
DROP TABLE IF EXISTS household_invitations;
DROP TABLE IF EXISTS household_members;
DROP TABLE IF EXISTS households;
