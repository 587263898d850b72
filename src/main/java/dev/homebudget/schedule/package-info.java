/**
 * Schedules: recurring expenses and incomes (an RFC 5545 rule, a weekend rule, posted by
 * the app on their dates or waiting for confirmation), instalment plans, what is coming
 * up, the household's default split and a personal calendar feed. The entries a schedule
 * posts are ordinary expenses and incomes, created through their services; each is linked
 * to its schedule and due date by a row of {@code schedule_occurrences}, written in the
 * same transaction, which is what makes posting happen exactly once. PostgreSQL as the
 * primary store only (P2, P3).
 */
package dev.homebudget.schedule;
