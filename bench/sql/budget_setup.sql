-- Budget scenario data, loaded once after seed-test-data: 40 expense categories in 5 groups
-- (the seeded expenses spread over them), a plan for every period of the decade (carrying
-- both ways from the first) and daily USD and EUR rates into the base currency, ILS.
BEGIN;
INSERT INTO categories (household_id, kind, name, name_key)
SELECT 1, 'expense', 'Bench group ' || g, 'bench group ' || g FROM generate_series(1, 5) g;
INSERT INTO categories (household_id, kind, name, name_key, parent_id)
SELECT 1, 'expense', 'Bench ' || n, 'bench ' || n,
       (SELECT id FROM categories WHERE household_id = 1 AND name = 'Bench group ' || (1 + n % 5))
FROM generate_series(1, 35) n;
WITH c AS (SELECT id, name, row_number() OVER (ORDER BY id) - 1 AS i, count(*) OVER () AS n
           FROM categories WHERE household_id = 1 AND kind = 'expense')
UPDATE expenses e SET category = c.name, category_id = c.id FROM c WHERE c.i = e.id % c.n AND e.household_id = 1;
INSERT INTO budget_lines (household_id, category_id, period, assigned, carry)
SELECT 1, c.id, to_char(m, 'YYYY-MM'), 100 + (c.id * 37 + extract(month FROM m)::int * 11) % 400,
       CASE WHEN m = date '2016-01-01' THEN (ARRAY['none', 'surplus', 'both'])[1 + c.id % 3] END
FROM categories c CROSS JOIN generate_series(date '2016-01-01', date '2026-01-01', interval '1 month') m
WHERE c.household_id = 1 AND c.kind = 'expense';
INSERT INTO exchange_rates (household_id, day, currency, quote, rate)
SELECT 1, d, x.currency, 'ILS', x.base + 0.2 * sin(extract(epoch FROM d) / 8640000)
FROM generate_series(date '2015-12-01', date '2026-01-31', interval '1 day') d
CROSS JOIN (VALUES ('USD', 3.6), ('EUR', 4.0)) AS x(currency, base)
WHERE extract(isodow FROM d) < 6;
UPDATE households SET base_currency = 'ILS' WHERE id = 1;
COMMIT;
VACUUM ANALYZE expenses;
VACUUM ANALYZE budget_lines;
VACUUM ANALYZE categories;
VACUUM ANALYZE exchange_rates;
