-- Undoes V11__add_currencies_and_exchange_rates.sql. Exchange rates, a base currency other
-- than ILS and settlements in another currency are data: downgrade refuses without --force
-- while any exist. The entries keep the currency text they were written with.
DROP FUNCTION IF EXISTS fx_rate(integer, text, text, date);
DROP TABLE IF EXISTS exchange_rates;
ALTER TABLE settlements DROP COLUMN currency;
ALTER TABLE households DROP COLUMN base_currency;
DROP INDEX IF EXISTS idx_expenses_household_date_category;
CREATE INDEX idx_expenses_household_date_category ON expenses (household_id, date, category_id) INCLUDE (amount);
DROP INDEX IF EXISTS idx_incomes_household_date;
CREATE INDEX idx_incomes_household_date ON incomes (household_id, date, id) INCLUDE (amount);
DROP INDEX IF EXISTS idx_expenses_household_date;
CREATE INDEX idx_expenses_household_date ON expenses (household_id, date, id) INCLUDE (amount);
ALTER TABLE incomes DROP COLUMN currency_code;
ALTER TABLE expenses DROP COLUMN currency_code;
DROP FUNCTION IF EXISTS currency_code(text);
