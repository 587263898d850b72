/**
 * The move between the original's JSON files and PostgreSQL: import (JSON to database,
 * resumable and idempotent), reconciliation record by record with fingerprints, export
 * (database to the original's format, for rollback), and generated household ledgers in
 * the original's format for tests and benchmarks.
 */
package dev.homebudget.transition.transfer;
