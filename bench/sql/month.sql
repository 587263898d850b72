SELECT id, date, business, category, amount, account, currency, notes, version FROM expenses WHERE household_id = 1 AND date >= '2024-03-01' AND date <= '2024-03-31' ORDER BY date DESC, id DESC;
