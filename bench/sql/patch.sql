\set id random(1, 20000)
\set n random(1, 5000)
UPDATE expenses SET notes = 'bench patch ' || :n, version = version + 1 WHERE household_id = 1 AND id = :id RETURNING id, date, business, category, amount, account, currency, notes, version;
