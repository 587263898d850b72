SELECT json_agg(t) FROM (SELECT id, date, business, category, amount, account, currency, notes FROM expenses WHERE household_id = 1 ORDER BY date DESC, id DESC) t;
