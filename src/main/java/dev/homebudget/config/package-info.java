/**
 * Process settings from the environment ({@code ENV}, {@code HOST}, {@code PORT}), the
 * storage phase chosen at startup from the original's two switches, and the dev-only
 * {@code /api/v1/config/show} endpoint.
 */
package dev.homebudget.config;
