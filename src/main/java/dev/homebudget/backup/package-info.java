/**
 * Backups and restores without {@code pg_dump}: one archive of every table with a
 * manifest of fingerprints, all-or-nothing restores into an empty database, verification
 * in a scratch database, retention, a schedule, and the backup before a migration.
 */
package dev.homebudget.backup;
