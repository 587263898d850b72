package dev.homebudget.ledger;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads every row a query matches a page at a time, along its keyset order, so that a
 * long result (a CSV export) is never held whole.
 */
public final class EntryPages {

	/** Rows read at once. */
	public static final int BATCH = 1000;

	private EntryPages() {
	}

	/**
	 * Hands the rows of {@code query} to {@code each}, {@value #BATCH} at a time, in the
	 * query's order; at most {@code query.limit()} rows in all (every row when null).
	 * @param find reads one page (fetching one more row to tell whether more follow)
	 */
	public static <E extends StoredEntry> void forEach(EntryQuery query, Function<EntryQuery, EntryPage<E>> find,
			Consumer<List<E>> each) {
		long remaining = (query.limit() == null) ? Long.MAX_VALUE : query.limit();
		EntryQuery page = query.withLimit((int) Math.min(BATCH, remaining));
		while (true) {
			EntryPage<E> found = find.apply(page);
			each.accept(found.rows());
			remaining -= found.rows().size();
			if (found.next() == null || remaining <= 0) {
				return;
			}
			page = page.after(found.next()).withLimit((int) Math.min(BATCH, remaining));
		}
	}

}
