SELECT category, sum(amount) AS total, count(*) AS count FROM expenses WHERE household_id = 1 AND date >= '2024-01-01' AND date <= '2024-12-31' GROUP BY category ORDER BY total DESC, category;
