\set id random(1, 20000)
\set cents random(1, 500000)
UPDATE expenses SET amount = :cents / 100.0, notes = 'bench put', version = version + 1 WHERE household_id = 1 AND id = :id RETURNING id, date, business, category, amount, account, currency, notes, version;
