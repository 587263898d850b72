SELECT id, date, business, category, amount, account, currency, notes FROM expenses WHERE date >= '2024-03-01' AND date <= '2024-03-31' ORDER BY date DESC, id DESC;
