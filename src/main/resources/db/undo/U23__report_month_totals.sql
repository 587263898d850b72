-- Undoes V23__report_month_totals.sql: the kept month totals are derived from the entries,
-- and no data; the reports read the entries again.
DROP TRIGGER IF EXISTS incomes_month_totals_truncate ON incomes;
DROP TRIGGER IF EXISTS incomes_month_totals_delete ON incomes;
DROP TRIGGER IF EXISTS incomes_month_totals_update ON incomes;
DROP TRIGGER IF EXISTS incomes_month_totals_insert ON incomes;
DROP TRIGGER IF EXISTS expenses_month_totals_truncate ON expenses;
DROP TRIGGER IF EXISTS expenses_month_totals_delete ON expenses;
DROP TRIGGER IF EXISTS expenses_month_totals_update ON expenses;
DROP TRIGGER IF EXISTS expenses_month_totals_insert ON expenses;
DROP FUNCTION IF EXISTS entry_month_totals_truncate();
DROP FUNCTION IF EXISTS entry_month_totals_add();
DROP TABLE IF EXISTS entry_month_totals;
