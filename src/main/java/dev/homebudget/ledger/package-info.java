/**
 * The ledger kernel: what an entry (an expense or an income) is and how it is kept. The
 * entry model (fields, values, exact amounts, dates), the entry repository port and its
 * PostgreSQL adapter with hand-written SQL, list queries with keyset paging, the
 * conditional write rules behind {@code If-Match}, totals, and CSV import and export.
 * Features build on it; it knows no feature, and nothing of the JSON era but the storage
 * port that era plugs into.
 */
package dev.homebudget.ledger;
