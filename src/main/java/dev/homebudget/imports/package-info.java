/**
 * Statement imports: a bank or card statement (CSV or TSV through a column mapping) is
 * uploaded, every row staged and classified (new, duplicate of an entry, match of a
 * hand-entered entry, or error) with its reason, the household flips any decision, and a
 * commit writes the chosen rows as ordinary expenses and incomes in one transaction. A
 * committed batch can be reverted: exactly the entries it created are deleted. PostgreSQL
 * as the primary store only (P2, P3; 409 before); a viewer reads and changes nothing.
 */
package dev.homebudget.imports;
