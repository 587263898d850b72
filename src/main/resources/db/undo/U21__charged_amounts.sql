-- Undoes V21__charged_amounts.sql: the amounts actually charged are dropped (downgrade
-- refuses without --force while any entry has one), and totals convert at the rates alone.
DROP TRIGGER IF EXISTS expenses_budget_spent ON expenses;
CREATE TRIGGER expenses_budget_spent AFTER INSERT OR DELETE OR UPDATE OF date, amount, currency, category_id,
    household_id ON expenses FOR EACH ROW EXECUTE FUNCTION budget_spent_forget();
ALTER TABLE incomes DROP CONSTRAINT IF EXISTS incomes_charged_both, DROP COLUMN IF EXISTS charged_currency,
    DROP COLUMN IF EXISTS charged_amount;
ALTER TABLE expenses DROP CONSTRAINT IF EXISTS expenses_charged_both, DROP COLUMN IF EXISTS charged_currency,
    DROP COLUMN IF EXISTS charged_amount;
