package dev.homebudget.ledger;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * Aggregates over entries; amounts are exact sums with two decimals. Every sum is of one
 * currency (its ISO 4217 code, {@link Currencies#NONE} for a currency text that names
 * none): nothing here ever adds two currencies. {@link Converted} is the only figure in
 * another currency, and it says what it could not convert.
 */
public final class EntryTotals {

	private EntryTotals() {
	}

	/** Sum and count of the entries of one currency in a range. */
	public record Total(String currency, BigDecimal total, long count) {
	}

	/**
	 * Count, sum, average, smallest and largest amount of the entries of one currency
	 * (nulls when empty).
	 */
	public record Stats(String currency, long count, BigDecimal total, BigDecimal average, BigDecimal min,
			BigDecimal max) {
	}

	/** Sum and count of one category, in one currency. */
	public record ByCategory(String category, String currency, BigDecimal total, long count) {
	}

	/** Sum and count of one calendar month, in one currency. */
	public record ByMonth(YearMonth month, String currency, BigDecimal total, long count) {
	}

	/** A distinct value of a text field and how many entries carry it. */
	public record ValueCount(String value, long count) {
	}

	/** How converted figures are grouped. */
	public enum Grouping {

		/** One figure for every entry the query matches. */
		NONE,

		/** One figure per calendar month ({@code 2025-11}). */
		MONTH,

		/** One figure per category (named as the category is now). */
		CATEGORY

	}

	/**
	 * The entries of a group converted into a base currency, each at the rate on or
	 * before its date: the sum of those that could be, how many they are, and how many
	 * could not (no rate yet). Never converted at a rate that was not there.
	 *
	 * @param key the group: empty, a month ({@code 2025-11}) or a category
	 * @param currency the base currency
	 * @param total the converted sum, rounded to cents once, at the end
	 * @param converted entries converted
	 * @param unconverted entries left out for want of a rate
	 */
	public record Converted(String key, String currency, BigDecimal total, long converted, long unconverted) {

		public boolean complete() {
			return this.unconverted == 0;
		}

	}

}
