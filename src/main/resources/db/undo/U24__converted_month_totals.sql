-- Undoes V24__converted_month_totals.sql: the kept converted totals are derived from the
-- entries and the rates, and no data; the reports convert with fx_rate again.
DROP TRIGGER IF EXISTS households_month_converted_base ON households;
DROP TRIGGER IF EXISTS exchange_rates_month_converted_truncate ON exchange_rates;
DROP TRIGGER IF EXISTS exchange_rates_month_converted_delete ON exchange_rates;
DROP TRIGGER IF EXISTS exchange_rates_month_converted_update ON exchange_rates;
DROP TRIGGER IF EXISTS exchange_rates_month_converted_insert ON exchange_rates;
DROP TRIGGER IF EXISTS incomes_month_converted_truncate ON incomes;
DROP TRIGGER IF EXISTS incomes_month_converted_delete ON incomes;
DROP TRIGGER IF EXISTS incomes_month_converted_update ON incomes;
DROP TRIGGER IF EXISTS incomes_month_converted_insert ON incomes;
DROP TRIGGER IF EXISTS expenses_month_converted_truncate ON expenses;
DROP TRIGGER IF EXISTS expenses_month_converted_delete ON expenses;
DROP TRIGGER IF EXISTS expenses_month_converted_update ON expenses;
DROP TRIGGER IF EXISTS expenses_month_converted_insert ON expenses;
DROP FUNCTION IF EXISTS entry_month_converted_base();
DROP FUNCTION IF EXISTS entry_month_converted_rates();
DROP FUNCTION IF EXISTS entry_month_converted_rates_written(integer[], char(3)[], char(3)[], date[]);
DROP FUNCTION IF EXISTS entry_month_converted_truncate();
DROP FUNCTION IF EXISTS entry_month_converted_add();
DROP FUNCTION IF EXISTS entry_month_converted_recompute(integer, char(3), date);
DROP FUNCTION IF EXISTS entry_month_converted_rows(integer, char(3), date);
DROP TABLE IF EXISTS entry_month_converted;
