package dev.homebudget.shared;

import java.util.List;

/**
 * One page of a list: the rows, and the cursor of the next page when there may be more.
 */
public record EntryPage<T>(List<T> rows, PageCursor next) {

	/**
	 * Cuts a result fetched with {@code limit + 1} rows down to the page, and derives the
	 * next cursor from the last row kept.
	 */
	public static <T> EntryPage<T> of(List<T> fetched, EntryQuery query, java.util.function.Function<T, Object> sortKey,
			java.util.function.ToIntFunction<T> id) {
		Integer limit = query.limit();
		if (limit == null || fetched.size() <= limit) {
			return new EntryPage<>(fetched, null);
		}
		List<T> rows = fetched.subList(0, limit);
		T last = rows.get(rows.size() - 1);
		return new EntryPage<>(rows, new PageCursor(query.sort(), sortKey.apply(last), id.applyAsInt(last)));
	}

}
