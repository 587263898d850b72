SELECT date, sum(amount) AS total, count(*) AS count FROM expenses WHERE household_id = 1 AND date >= '2024-01-01' AND date < '2025-01-01' GROUP BY date ORDER BY date;
SELECT date, sum(amount) AS total, count(*) AS count FROM incomes WHERE household_id = 1 AND date >= '2024-01-01' AND date < '2025-01-01' GROUP BY date ORDER BY date;
