-- Undoes V14__create_budgets.sql. Budget plans are data: downgrade refuses without --force
-- while any exist (budget_spent is derived from the entries, and no data).
-- Entries are not touched.
DROP TRIGGER IF EXISTS exchange_rates_budget_spent_truncate ON exchange_rates;
DROP TRIGGER IF EXISTS expenses_budget_spent_truncate ON expenses;
DROP TRIGGER IF EXISTS exchange_rates_budget_spent ON exchange_rates;
DROP TRIGGER IF EXISTS expenses_budget_spent ON expenses;
DROP FUNCTION IF EXISTS budget_spent_forget_all();
DROP FUNCTION IF EXISTS budget_spent_forget_rates();
DROP FUNCTION IF EXISTS budget_spent_forget();
DROP TABLE IF EXISTS budget_spent;
DROP TABLE IF EXISTS budget_lines;
DROP TABLE IF EXISTS budget_settings;
