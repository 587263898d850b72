package dev.homebudget.featureflag;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The flags the app knows; names are case-insensitive, as in the original. */
public enum FeatureFlag {

	ENHANCED_EXPENSE_STATS("Expense summary also reports average, min and max"),

	EXPENSE_AMOUNT_V2_FORMAT("Format amounts with thousands separators (1,234.50 ₪ instead of 1234.50 ₪)");

	private final String description;

	FeatureFlag(String description) {
		this.description = description;
	}

	public String description() {
		return this.description;
	}

	/**
	 * The environment variable that overrides the flag: {@code FF_} + upper-case name.
	 */
	public String environmentVariable() {
		return "FF_" + name();
	}

	public static Optional<FeatureFlag> byName(String name) {
		String upper = name.toUpperCase(Locale.ROOT);
		return Arrays.stream(values()).filter((flag) -> flag.name().equals(upper)).findFirst();
	}

}
