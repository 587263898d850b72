/**
 * Expenses: the v1 {@code /api/v1/expense} resource, its rules and its storage.
 */
package dev.homebudget.expense;
