/**
 * Operational endpoints: the root message and the v1 health check.
 */
package dev.homebudget.ops;
