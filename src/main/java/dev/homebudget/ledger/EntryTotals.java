package dev.homebudget.ledger;

import java.math.BigDecimal;
import java.time.YearMonth;

/** Aggregates over entries; amounts are exact sums with two decimals. */
public final class EntryTotals {

	private EntryTotals() {
	}

	/** Sum and count of the entries in a range. */
	public record Total(BigDecimal total, long count) {
	}

	/**
	 * Count, sum, average, smallest and largest amount of a set of entries (nulls when
	 * empty).
	 */
	public record Stats(long count, BigDecimal total, BigDecimal average, BigDecimal min, BigDecimal max) {
	}

	/** Sum and count of one category. */
	public record ByCategory(String category, BigDecimal total, long count) {
	}

	/** Sum and count of one calendar month. */
	public record ByMonth(YearMonth month, BigDecimal total, long count) {
	}

	/** A distinct value of a text field and how many entries carry it. */
	public record ValueCount(String value, long count) {
	}

}
