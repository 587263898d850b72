SELECT json_agg(t) FROM (SELECT id, date, business, category, amount, account, currency, notes FROM expenses ORDER BY date DESC, id DESC) t;
