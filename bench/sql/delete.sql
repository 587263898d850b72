\set id random(80001, 100000)
DELETE FROM expenses WHERE id = :id;
