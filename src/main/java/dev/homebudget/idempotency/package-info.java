/**
 * Idempotent POST: a client that retries a request with the same {@code Idempotency-Key}
 * gets the first response again instead of a second row.
 */
package dev.homebudget.idempotency;
