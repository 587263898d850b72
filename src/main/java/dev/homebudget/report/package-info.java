/**
 * Reports over expenses and incomes: totals for a range, per month of a year, per
 * category, and the distinct values used for suggestions. Read-only; computed by the
 * database.
 */
package dev.homebudget.report;
