-- The amount an entry actually cost in a household's base currency (from the card
-- statement: the bank's own rate and fees), recorded with that currency. It wins over any
-- exchange rate when a total is converted into that currency; converting into another
-- currency uses the rates as before. v1 bodies, the CSV export and the JSON files do not
-- carry it: it is set and read through /api/v1/{expense,income}/{id}/charged.
ALTER TABLE expenses ADD COLUMN charged_amount numeric(12, 2) CHECK (charged_amount >= 0),
    ADD COLUMN charged_currency char(3),
    ADD CONSTRAINT expenses_charged_both CHECK ((charged_amount IS NULL) = (charged_currency IS NULL));
ALTER TABLE incomes ADD COLUMN charged_amount numeric(12, 2) CHECK (charged_amount >= 0),
    ADD COLUMN charged_currency char(3),
    ADD CONSTRAINT incomes_charged_both CHECK ((charged_amount IS NULL) = (charged_currency IS NULL));

-- A budget counts what was charged: a change of it clears the kept spending like a change
-- of the amount (see V14 and V16).
DROP TRIGGER expenses_budget_spent ON expenses;
CREATE TRIGGER expenses_budget_spent AFTER INSERT OR DELETE OR UPDATE OF date, amount, currency, category_id,
    household_id, charged_amount, charged_currency ON expenses FOR EACH ROW EXECUTE FUNCTION budget_spent_forget();
