SELECT id, date, business, category, amount, account, currency, notes, version FROM expenses WHERE household_id = 1 ORDER BY date DESC, id DESC LIMIT 51;
