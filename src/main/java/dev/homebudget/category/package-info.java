/**
 * Categories as household data: expense and income categories in two levels (a group,
 * then its categories), with colour, position and an archived flag; rename, merge,
 * archive and reorder; a list of likely duplicates; and the category last used with a
 * business, offered when adding. Entries keep naming their category on the v1 wire; the
 * ledger links each to its category by id (see the V10 migration).
 */
package dev.homebudget.category;
