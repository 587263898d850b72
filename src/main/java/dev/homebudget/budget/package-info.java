/**
 * Budgets: a household plans each expense category per period (a month, or from a payday
 * to the next), carries what is left forward as each category chooses, and sees where the
 * money goes. Only the plan is stored; every spent, carried and available amount is
 * computed from the entries when it is read, in the household's base currency, marked
 * incomplete where an entry has no exchange rate.
 */
package dev.homebudget.budget;
