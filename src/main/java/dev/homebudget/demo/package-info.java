/**
 * Demo data: an empty household loads a realistic sample (about three months of expenses
 * and incomes up to today, in its base currency) to see what the app does, and removes it
 * in one click. The sample is written through the expense and income services, so month
 * totals, history and categories stay as after ordinary creates; which rows it created is
 * kept in {@code demo_rows}, so that the removal deletes exactly those. PostgreSQL as the
 * primary store only (P2, P3).
 */
package dev.homebudget.demo;
