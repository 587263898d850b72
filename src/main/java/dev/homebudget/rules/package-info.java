/**
 * Rules: a household's ordered list of "when a row looks like this, fill in that" (a
 * payee text that contains, equals or matches a pattern, an amount range, an account, a
 * currency, a kind; then a category, a business, an account, who paid and for whom, a
 * note). Statement imports apply them to every parsed row before it is classified; a rule
 * can also be applied to existing entries, through the expense and income services so
 * that history records each change. PostgreSQL as the primary store only (P2, P3).
 */
package dev.homebudget.rules;
