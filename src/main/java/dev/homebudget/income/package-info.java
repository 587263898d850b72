/**
 * Incomes: the v1 {@code /api/v1/income} resource, its rules and its storage.
 */
package dev.homebudget.income;
