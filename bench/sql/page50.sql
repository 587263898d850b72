SELECT id, date, business, category, amount, account, currency, notes FROM expenses ORDER BY date DESC, id DESC LIMIT 51;
