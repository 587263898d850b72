/**
 * The household's settings as one resource ({@code /api/v1/settings}): the base currency
 * (kept by the currency module) and strict categories (kept by the category module).
 */
package dev.homebudget.settings;
