/**
 * Process settings from the environment ({@code ENV}, {@code HOST}, {@code PORT}) and the
 * dev-only {@code /api/v1/config/show} endpoint.
 */
package dev.homebudget.config;
