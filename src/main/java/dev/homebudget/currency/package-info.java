/**
 * Currencies done right: the household's base currency, exchange rates per day (entered
 * by hand or imported from a CSV file) and the figures that show totals per currency with
 * a converted total that says what it could not convert. Nothing here ever adds two
 * currencies at a rate that was not there.
 */
package dev.homebudget.currency;
