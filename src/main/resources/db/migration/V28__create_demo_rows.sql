-- Demo data (issue #22): an empty household can load a sample of expenses and incomes to
-- see what the app does, and remove it in one click. This table remembers which rows the
-- load created (entries, and the categories their names created), so that the removal
-- deletes exactly those, edited or not, and nothing the household added itself. Each row
-- points at its entry or category: deleting that row by hand drops its mark with it.
-- Entries and categories themselves are not changed by this script.
CREATE TABLE demo_rows (
    household_id integer NOT NULL REFERENCES households (id) ON DELETE CASCADE,
    kind         text    NOT NULL CHECK (kind IN ('expense', 'income', 'category')),
    expense_id   integer REFERENCES expenses (id) ON DELETE CASCADE,
    income_id    integer REFERENCES incomes (id) ON DELETE CASCADE,
    category_id  integer REFERENCES categories (id) ON DELETE CASCADE,
    CHECK ((kind = 'expense') = (expense_id IS NOT NULL)
       AND (kind = 'income') = (income_id IS NOT NULL)
       AND (kind = 'category') = (category_id IS NOT NULL))
);

CREATE UNIQUE INDEX demo_rows_expense ON demo_rows (expense_id) WHERE expense_id IS NOT NULL;
CREATE UNIQUE INDEX demo_rows_income ON demo_rows (income_id) WHERE income_id IS NOT NULL;
CREATE UNIQUE INDEX demo_rows_category ON demo_rows (category_id) WHERE category_id IS NOT NULL;
CREATE INDEX idx_demo_rows_household ON demo_rows (household_id, kind);
