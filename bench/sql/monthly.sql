SELECT extract(month FROM date)::int AS month, sum(amount) AS total, count(*) AS count FROM expenses WHERE date >= '2024-01-01' AND date < '2025-01-01' GROUP BY 1 ORDER BY 1;
SELECT extract(month FROM date)::int AS month, sum(amount) AS total, count(*) AS count FROM incomes WHERE date >= '2024-01-01' AND date < '2025-01-01' GROUP BY 1 ORDER BY 1;
