/**
 * History, trash and undo: every change of an expense, income, settlement, category or
 * budget line is an event written in the change's own transaction (by the triggers of
 * {@code V18__history_and_trash.sql}); a delete moves the row into the trash, from which
 * it can be restored under its own id. Routes: a row's history, the household's activity
 * feed, the changes feed for sync clients, the trash and its restore. PostgreSQL as the
 * primary store only (P2, P3).
 */
package dev.homebudget.history;
