package dev.homebudget.transition;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import dev.homebudget.ledger.CategoryNames;
import dev.homebudget.ledger.EntryField;
import dev.homebudget.ledger.EntryQuery;
import dev.homebudget.ledger.EntrySort;
import dev.homebudget.ledger.EntryTotals;
import dev.homebudget.ledger.PageCursor;

/**
 * The entry queries of {@code shared.EntryTable}, answered from memory with the same
 * results as PostgreSQL gives with the app's {@code C} collation: text compares by code
 * point, case-insensitive search folds ASCII letters only, sums are exact with two
 * decimals and averages round half away from zero. The repository contract and the API
 * tests run against both, so a difference shows up as a failing test.
 */
final class LedgerQueries {

	static final BigDecimal ZERO = new BigDecimal("0.00");

	/** {@code ORDER BY date DESC, id DESC}. */
	static final Comparator<JsonEntry> NEWEST_FIRST = Comparator.comparing(JsonEntry::date)
		.thenComparingInt(JsonEntry::id)
		.reversed();

	/** Text order of the {@code C} collation: by Unicode code point. */
	static final Comparator<String> CODE_POINT_ORDER = LedgerQueries::compareCodePoints;

	private LedgerQueries() {
	}

	static int compareCodePoints(String left, String right) {
		int i = 0;
		int j = 0;
		while (i < left.length() && j < right.length()) {
			int a = left.codePointAt(i);
			int b = right.codePointAt(j);
			if (a != b) {
				return Integer.compare(a, b);
			}
			i += Character.charCount(a);
			j += Character.charCount(b);
		}
		return Integer.compare(left.length() - i, right.length() - j);
	}

	/** Rows matching the query's filters and cursor, in its order, up to its limit. */
	static List<JsonEntry> find(List<JsonEntry> rows, EntryQuery query, boolean hasBusiness) {
		Comparator<JsonEntry> order = order(query.sort());
		Predicate<JsonEntry> matches = filter(query, hasBusiness);
		PageCursor after = query.after();
		List<JsonEntry> found = new ArrayList<>();
		for (JsonEntry row : rows) {
			if (matches.test(row) && (after == null || isAfter(row, after, query.sort()))) {
				found.add(row);
			}
		}
		found.sort(order);
		return (query.limit() == null || found.size() <= query.limit()) ? found : found.subList(0, query.limit());
	}

	static Comparator<JsonEntry> order(EntrySort sort) {
		Comparator<JsonEntry> ascending = Comparator
			.comparing((JsonEntry row) -> key(row, sort.column()), LedgerQueries::compareKeys)
			.thenComparingInt(JsonEntry::id);
		return sort.descending() ? ascending.reversed() : ascending;
	}

	private static Object key(JsonEntry row, EntrySort.Column column) {
		return switch (column) {
			case DATE -> row.date();
			case AMOUNT -> row.amount();
			case CATEGORY -> row.category();
		};
	}

	@SuppressWarnings("unchecked")
	private static int compareKeys(Object left, Object right) {
		if (left instanceof String a && right instanceof String b) {
			return compareCodePoints(a, b);
		}
		return ((Comparable<Object>) left).compareTo(right);
	}

	/** {@code (key, id) < (:after_key, :after_id)}, or {@code >} when ascending. */
	private static boolean isAfter(JsonEntry row, PageCursor cursor, EntrySort sort) {
		int byKey = compareKeys(key(row, sort.column()), cursor.key());
		int comparison = (byKey != 0) ? byKey : Integer.compare(row.id(), cursor.id());
		return sort.descending() ? comparison < 0 : comparison > 0;
	}

	static Predicate<JsonEntry> filter(EntryQuery query, boolean hasBusiness) {
		if (hasBusiness && query.filtersPayers()) {
			// the JSON files keep no payers, so no row is known to be paid by or for
			// anyone
			return (row) -> false;
		}
		Predicate<JsonEntry> all = (row) -> true;
		if (query.from() != null) {
			all = all.and((row) -> !row.date().isBefore(query.from()));
		}
		if (query.to() != null) {
			all = all.and((row) -> !row.date().isAfter(query.to()));
		}
		if (query.category() != null) {
			// the JSON files know no groups: the category of the same name, as PostgreSQL
			// matches it
			String key = CategoryNames.key(query.category());
			all = all.and((row) -> key.equals(CategoryNames.key(row.category())));
		}
		if (query.account() != null) {
			all = all.and((row) -> query.account().equals(row.account()));
		}
		if (hasBusiness && query.business() != null) {
			all = all.and((row) -> query.business().equals(row.business()));
		}
		if (query.text() != null) {
			String needle = foldAscii(query.text());
			all = all.and((row) -> (hasBusiness && containsFolded(row.business(), needle))
					|| containsFolded(row.category(), needle) || containsFolded(row.notes(), needle));
		}
		if (query.minAmount() != null) {
			all = all.and((row) -> row.amount().compareTo(query.minAmount()) >= 0);
		}
		if (query.maxAmount() != null) {
			all = all.and((row) -> row.amount().compareTo(query.maxAmount()) <= 0);
		}
		return all;
	}

	private static boolean containsFolded(String haystack, String foldedNeedle) {
		return haystack != null && foldAscii(haystack).contains(foldedNeedle);
	}

	/**
	 * Lower-cases ASCII letters only, as PostgreSQL's {@code lower()} (and so
	 * {@code ILIKE}) does under the {@code C} collation.
	 */
	static String foldAscii(String text) {
		StringBuilder folded = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= 'A' && c <= 'Z') {
				if (folded == null) {
					folded = new StringBuilder(text);
				}
				folded.setCharAt(i, (char) (c + ('a' - 'A')));
			}
		}
		return (folded != null) ? folded.toString() : text;
	}

	static boolean inRange(JsonEntry row, LocalDate from, LocalDate to) {
		return (from == null || !row.date().isBefore(from)) && (to == null || !row.date().isAfter(to));
	}

	static EntryTotals.Total total(List<JsonEntry> rows, LocalDate from, LocalDate to) {
		BigDecimal total = ZERO;
		long count = 0;
		for (JsonEntry row : rows) {
			if (inRange(row, from, to)) {
				total = total.add(row.amount());
				count++;
			}
		}
		return new EntryTotals.Total(total, count);
	}

	/** Per category, largest total first, then by category. */
	static List<EntryTotals.ByCategory> totalsByCategory(List<JsonEntry> rows, LocalDate from, LocalDate to) {
		Map<String, BigDecimal> totals = new LinkedHashMap<>();
		Map<String, Long> counts = new LinkedHashMap<>();
		for (JsonEntry row : rows) {
			if (inRange(row, from, to)) {
				totals.merge(row.category(), row.amount(), BigDecimal::add);
				counts.merge(row.category(), 1L, Long::sum);
			}
		}
		List<EntryTotals.ByCategory> result = new ArrayList<>();
		totals.forEach((category, total) -> result
			.add(new EntryTotals.ByCategory(category, total.setScale(2), counts.get(category))));
		result.sort(Comparator.comparing(EntryTotals.ByCategory::total)
			.reversed()
			.thenComparing(EntryTotals.ByCategory::category, CODE_POINT_ORDER));
		return result;
	}

	static List<EntryTotals.ByMonth> totalsByMonth(List<JsonEntry> rows, int year) {
		TreeMap<Integer, BigDecimal> totals = new TreeMap<>();
		Map<Integer, Long> counts = new LinkedHashMap<>();
		for (JsonEntry row : rows) {
			if (row.date().getYear() == year) {
				int month = row.date().getMonthValue();
				totals.merge(month, row.amount(), BigDecimal::add);
				counts.merge(month, 1L, Long::sum);
			}
		}
		List<EntryTotals.ByMonth> result = new ArrayList<>();
		totals.forEach((month, total) -> result
			.add(new EntryTotals.ByMonth(YearMonth.of(year, month), total.setScale(2), counts.get(month))));
		return result;
	}

	/**
	 * Statistics of the rows matching a query's filters; its order and page are ignored.
	 */
	static EntryTotals.Stats stats(List<JsonEntry> rows, EntryQuery query, boolean hasBusiness) {
		Predicate<JsonEntry> matches = filter(query, hasBusiness);
		long count = 0;
		BigDecimal total = ZERO;
		BigDecimal min = null;
		BigDecimal max = null;
		for (JsonEntry row : rows) {
			if (matches.test(row)) {
				count++;
				total = total.add(row.amount());
				min = (min == null || row.amount().compareTo(min) < 0) ? row.amount() : min;
				max = (max == null || row.amount().compareTo(max) > 0) ? row.amount() : max;
			}
		}
		// round(avg(amount), 2): the exact quotient rounded half away from zero
		BigDecimal average = (count == 0) ? null : total.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
		return new EntryTotals.Stats(count, total, average, min, max);
	}

	/** Distinct non-empty values of a text field, most used first, then by value. */
	static List<EntryTotals.ValueCount> distinctValues(List<JsonEntry> rows, EntryField field, int limit) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (JsonEntry row : rows) {
			String value = text(row, field);
			if (value != null && !value.isEmpty()) {
				counts.merge(value, 1L, Long::sum);
			}
		}
		return counts.entrySet()
			.stream()
			.map((entry) -> new EntryTotals.ValueCount(entry.getKey(), entry.getValue()))
			.sorted(Comparator.comparingLong(EntryTotals.ValueCount::count)
				.reversed()
				.thenComparing(EntryTotals.ValueCount::value, CODE_POINT_ORDER))
			.limit(limit)
			.toList();
	}

	static String text(JsonEntry row, EntryField field) {
		return switch (field) {
			case BUSINESS -> row.business();
			case CATEGORY -> row.category();
			case ACCOUNT -> row.account();
			case CURRENCY -> row.currency();
			case NOTES -> row.notes();
			case DATE, AMOUNT -> throw new IllegalArgumentException(field + " is not a text field");
		};
	}

}
