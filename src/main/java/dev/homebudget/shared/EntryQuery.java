package dev.homebudget.shared;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Filters, order and page of a list request. Every filter is optional (null = no filter);
 * {@code limit} null means every matching row, as the v1 list always returned.
 *
 * @param from first date, inclusive
 * @param to last date, inclusive
 * @param category exact category
 * @param account exact account
 * @param business exact business (expenses only)
 * @param text case-insensitive substring of business, category or notes
 * @param minAmount smallest amount, inclusive
 * @param maxAmount largest amount, inclusive
 * @param sort order of the rows
 * @param limit page size, or null for all rows
 * @param after keyset position: rows strictly after this one in {@code sort} order
 */
public record EntryQuery(LocalDate from, LocalDate to, String category, String account, String business, String text,
		BigDecimal minAmount, BigDecimal maxAmount, EntrySort sort, Integer limit, PageCursor after) {

	public static EntryQuery all() {
		return new EntryQuery(null, null, null, null, null, null, null, null, EntrySort.NEWEST_FIRST, null, null);
	}

	/** The same query continuing after {@code position} (null: from the start). */
	public EntryQuery after(PageCursor position) {
		return new EntryQuery(this.from, this.to, this.category, this.account, this.business, this.text, this.minAmount,
				this.maxAmount, this.sort, this.limit, position);
	}

	public EntryQuery withLimit(Integer newLimit) {
		return new EntryQuery(this.from, this.to, this.category, this.account, this.business, this.text, this.minAmount,
				this.maxAmount, this.sort, newLimit, this.after);
	}

}
