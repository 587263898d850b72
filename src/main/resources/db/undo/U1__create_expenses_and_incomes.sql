-- Undoes V1: drops the expenses and incomes tables with their indexes and identity sequences.
DROP TABLE incomes;
DROP TABLE expenses;
