-- Undoes V18__history_and_trash.sql. The history and the trash are data: downgrade refuses
-- without --force while either holds rows. Live entries are not touched.
DROP TRIGGER IF EXISTS settlements_trash ON settlements;
DROP TRIGGER IF EXISTS incomes_trash ON incomes;
DROP TRIGGER IF EXISTS expenses_trash ON expenses;
DROP TRIGGER IF EXISTS budget_settings_history ON budget_settings;
DROP TRIGGER IF EXISTS budget_lines_history ON budget_lines;
DROP TRIGGER IF EXISTS categories_history ON categories;
DROP TRIGGER IF EXISTS settlements_history ON settlements;
DROP TRIGGER IF EXISTS incomes_history ON incomes;
DROP TRIGGER IF EXISTS expenses_history ON expenses;
DROP FUNCTION IF EXISTS trash_row();
DROP FUNCTION IF EXISTS history_record();
DROP FUNCTION IF EXISTS history_diff(jsonb, jsonb);
DROP TABLE IF EXISTS trashed_entries;
DROP TABLE IF EXISTS history_events;
