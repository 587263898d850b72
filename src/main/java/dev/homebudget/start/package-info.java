/**
 * The web page's start: what the page needs when it opens (the account, the household's
 * settings, categories and suggestions, the period's lists, totals and charts) in one
 * request instead of twenty, and a period's data in one request on a period switch. Each
 * part is answered by the route that owns it (an internal include), so no query, role
 * check or storage-phase rule is written twice.
 */
package dev.homebudget.start;
