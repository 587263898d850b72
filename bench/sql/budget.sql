BEGIN;
SELECT base_currency FROM households WHERE id = 1;
SELECT start_day, weekend_rule, version FROM budget_settings WHERE household_id = 1;
SELECT c.id, c.name, c.parent_id, c.archived FROM categories c LEFT JOIN categories p ON p.id = c.parent_id WHERE c.household_id = 1 AND c.kind = 'expense' ORDER BY COALESCE(p.position, c.position), COALESCE(p.name_key, c.name_key), COALESCE(p.id, c.id), c.parent_id IS NOT NULL, c.position, c.name_key, c.id;
SELECT category_id, period, assigned, carry, carry_cap, carry_floor, target_kind, target_amount, target_date, member_id, version FROM budget_lines WHERE household_id = 1 AND period <= '2025-06';
SELECT pg_try_advisory_xact_lock(1112885844, 1);
SELECT category_id, period_start, period_end, spent, unconverted FROM budget_spent WHERE household_id = 1 AND base = 'ILS' AND period_start >= '2016-01-01' AND period_start < '2025-07-01' AND category_id = ANY(ARRAY(SELECT id FROM categories WHERE household_id = 1 AND kind = 'expense'));
SELECT d.key::text AS key, round(COALESCE(sum(d.amount * r.rate) FILTER (WHERE r.rate IS NOT NULL), 0), 2) AS total, COALESCE(sum(d.n) FILTER (WHERE r.rate IS NOT NULL), 0) AS converted, COALESCE(sum(d.n) FILTER (WHERE r.rate IS NULL), 0) AS unconverted FROM (SELECT '' AS key, COALESCE(currency_code, 'XXX') AS currency, date, sum(amount) AS amount, count(*) AS n, min(category) AS text FROM incomes WHERE household_id = 1 AND date >= '2025-06-01' AND date <= '2025-06-30' GROUP BY 1, 2, 3) d CROSS JOIN LATERAL (SELECT fx_rate(1, d.currency, 'ILS', d.date) AS rate) r GROUP BY d.key ORDER BY 1;
COMMIT;
