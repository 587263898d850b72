/**
 * Runtime feature flags: {@code FF_<NAME>} environment variable, then the
 * {@code feature_flags} table (a user's row, then the global row), then the default.
 */
package dev.homebudget.featureflag;
