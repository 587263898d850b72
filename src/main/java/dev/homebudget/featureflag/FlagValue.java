package dev.homebudget.featureflag;

/**
 * A resolved flag: its value and where the value came from.
 *
 * @param source {@code environment}, {@code database_user}, {@code database_global} or
 * {@code default}
 */
public record FlagValue(String name, boolean enabled, String source, String description) {
}
