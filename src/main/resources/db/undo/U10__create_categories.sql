-- Undoes V10__create_categories.sql. Categories are data: downgrade refuses without --force
-- while any exist. The entries keep their category text, as before.
DROP INDEX IF EXISTS idx_expenses_household_business;
DROP INDEX IF EXISTS idx_incomes_household_category;
DROP INDEX IF EXISTS idx_expenses_household_category;
DROP INDEX IF EXISTS idx_expenses_household_date_category;
CREATE INDEX idx_expenses_household_date_category ON expenses (household_id, date, category) INCLUDE (amount);
DROP TRIGGER IF EXISTS incomes_category ON incomes;
DROP TRIGGER IF EXISTS expenses_category ON expenses;
ALTER TABLE incomes DROP COLUMN category_id;
ALTER TABLE expenses DROP COLUMN category_id;
DROP FUNCTION IF EXISTS entry_category();
DROP FUNCTION IF EXISTS category_name(integer, text, text);
DROP FUNCTION IF EXISTS category_for(integer, text, text);
DROP TABLE IF EXISTS category_aliases;
DROP TABLE IF EXISTS categories;
DROP FUNCTION IF EXISTS name_key(text);
DROP FUNCTION IF EXISTS name_spelling(text);
