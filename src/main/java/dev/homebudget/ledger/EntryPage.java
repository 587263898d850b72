package dev.homebudget.ledger;

import java.util.List;

/**
 * One page of a list: the rows, and the cursor of the next page when there may be more.
 */
public record EntryPage<T>(List<T> rows, PageCursor next) {

	/**
	 * Cuts a result fetched with {@code limit + 1} rows down to the page, and derives the
	 * next cursor from the last row kept.
	 */
	public static <E extends StoredEntry> EntryPage<E> of(List<E> fetched, EntryQuery query) {
		Integer limit = query.limit();
		if (limit == null || fetched.size() <= limit) {
			return new EntryPage<>(fetched, null);
		}
		List<E> rows = fetched.subList(0, limit);
		E last = rows.get(rows.size() - 1);
		return new EntryPage<>(rows, new PageCursor(query.sort(), sortKey(last, query.sort()), last.id()));
	}

	private static Object sortKey(StoredEntry row, EntrySort sort) {
		return switch (sort.column()) {
			case DATE -> row.date();
			case AMOUNT -> row.amount();
			case CATEGORY -> row.category();
		};
	}

}
