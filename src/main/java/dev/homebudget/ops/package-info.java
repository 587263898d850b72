/**
 * Operations: the root message, health and readiness, metrics (HTTP and database
 * timings), request logs and the OpenAPI document.
 */
package dev.homebudget.ops;
