package dev.homebudget.ledger;

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
 * @param paidBy user id of the member who paid (expenses only)
 * @param forWhom a member with a share, or shared among several (expenses only)
 */
public record EntryQuery(LocalDate from, LocalDate to, String category, String account, String business, String text,
		BigDecimal minAmount, BigDecimal maxAmount, EntrySort sort, Integer limit, PageCursor after, Integer paidBy,
		Beneficiary forWhom) {

	/** A query without payer filters. */
	public EntryQuery(LocalDate from, LocalDate to, String category, String account, String business, String text,
			BigDecimal minAmount, BigDecimal maxAmount, EntrySort sort, Integer limit, PageCursor after) {
		this(from, to, category, account, business, text, minAmount, maxAmount, sort, limit, after, null, null);
	}

	/**
	 * The {@code for_whom} filter: expenses in which one member has a share
	 * ({@code userId}), or ({@code userId} null) those split among several members.
	 */
	public record Beneficiary(Integer userId) {

		public static final Beneficiary SHARED = new Beneficiary(null);

		public boolean shared() {
			return this.userId == null;
		}

	}

	public static EntryQuery all() {
		return new EntryQuery(null, null, null, null, null, null, null, null, EntrySort.NEWEST_FIRST, null, null);
	}

	/**
	 * Whether it filters by who paid or for whom (only attributed expenses can match).
	 */
	public boolean filtersPayers() {
		return this.paidBy != null || this.forWhom != null;
	}

	/**
	 * Whether it selects by date alone (its order and page aside): its totals can then be
	 * read from the kept month totals.
	 */
	public boolean onlyDates() {
		// compared whole, so that a filter added later is not overlooked
		EntryQuery dates = new EntryQuery(this.from, this.to, null, null, null, null, null, null, this.sort, null,
				null);
		return withLimit(null).after(null).equals(dates);
	}

	/** The same query continuing after {@code position} (null: from the start). */
	public EntryQuery after(PageCursor position) {
		return new EntryQuery(this.from, this.to, this.category, this.account, this.business, this.text, this.minAmount,
				this.maxAmount, this.sort, this.limit, position, this.paidBy, this.forWhom);
	}

	public EntryQuery withLimit(Integer newLimit) {
		return new EntryQuery(this.from, this.to, this.category, this.account, this.business, this.text, this.minAmount,
				this.maxAmount, this.sort, newLimit, this.after, this.paidBy, this.forWhom);
	}

}
