/**
 * The database schema over the app's life: migrating at startup (waiting for an external
 * database that is not reachable yet), gating the API until the schema is ready, and
 * stepping back one migration through hand-written undo scripts.
 */
package dev.homebudget.schema;
