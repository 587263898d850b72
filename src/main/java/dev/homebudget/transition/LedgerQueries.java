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
import dev.homebudget.ledger.Currencies;
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

	/** The code a row is totalled under, as PostgreSQL derives it. */
	static String currency(JsonEntry row) {
		return Currencies.code(row.currency()).orElse(Currencies.NONE);
	}

	/** Per currency, the most used first, then by code. */
	static List<EntryTotals.Total> total(List<JsonEntry> rows, LocalDate from, LocalDate to) {
		Map<String, BigDecimal> totals = new TreeMap<>();
		Map<String, Long> counts = new TreeMap<>();
		for (JsonEntry row : rows) {
			if (inRange(row, from, to)) {
				totals.merge(currency(row), row.amount(), BigDecimal::add);
				counts.merge(currency(row), 1L, Long::sum);
			}
		}
		return totals.entrySet()
			.stream()
			.map((entry) -> new EntryTotals.Total(entry.getKey(), entry.getValue().setScale(2),
					counts.get(entry.getKey())))
			.sorted(Comparator.comparingLong(EntryTotals.Total::count)
				.reversed()
				.thenComparing(EntryTotals.Total::currency))
			.toList();
	}

	/** Per category and currency, largest total first, then by category and code. */
	static List<EntryTotals.ByCategory> totalsByCategory(List<JsonEntry> rows, LocalDate from, LocalDate to) {
		return totalsByCategory(rows, (row) -> inRange(row, from, to));
	}

	/** Per category and currency of the rows matching, as above. */
	static List<EntryTotals.ByCategory> totalsByCategory(List<JsonEntry> rows, Predicate<JsonEntry> matches) {
		Map<List<String>, BigDecimal> totals = new LinkedHashMap<>();
		Map<List<String>, Long> counts = new LinkedHashMap<>();
		for (JsonEntry row : rows) {
			if (matches.test(row)) {
				List<String> key = List.of(row.category(), currency(row));
				totals.merge(key, row.amount(), BigDecimal::add);
				counts.merge(key, 1L, Long::sum);
			}
		}
		List<EntryTotals.ByCategory> result = new ArrayList<>();
		totals.forEach((key, total) -> result
			.add(new EntryTotals.ByCategory(key.get(0), key.get(1), total.setScale(2), counts.get(key))));
		result.sort(Comparator.comparing(EntryTotals.ByCategory::total)
			.reversed()
			.thenComparing(EntryTotals.ByCategory::category, CODE_POINT_ORDER)
			.thenComparing(EntryTotals.ByCategory::currency));
		return result;
	}

	/** Per month and currency, in month order. */
	static List<EntryTotals.ByMonth> totalsByMonth(List<JsonEntry> rows, int year) {
		TreeMap<String, BigDecimal> totals = new TreeMap<>();
		Map<String, Long> counts = new LinkedHashMap<>();
		for (JsonEntry row : rows) {
			if (row.date().getYear() == year) {
				String key = YearMonth.from(row.date()) + " " + currency(row);
				totals.merge(key, row.amount(), BigDecimal::add);
				counts.merge(key, 1L, Long::sum);
			}
		}
		List<EntryTotals.ByMonth> result = new ArrayList<>();
		totals.forEach((key, total) -> result.add(new EntryTotals.ByMonth(YearMonth.parse(key.substring(0, 7)),
				key.substring(8), total.setScale(2), counts.get(key))));
		return result;
	}

	/**
	 * Statistics per currency of the rows matching a query's filters; its order and page
	 * are ignored. The most used currency first.
	 */
	static List<EntryTotals.Stats> stats(List<JsonEntry> rows, EntryQuery query, boolean hasBusiness) {
		Predicate<JsonEntry> matches = filter(query, hasBusiness);
		Map<String, List<BigDecimal>> amounts = new TreeMap<>();
		for (JsonEntry row : rows) {
			if (matches.test(row)) {
				amounts.computeIfAbsent(currency(row), (code) -> new ArrayList<>()).add(row.amount());
			}
		}
		List<EntryTotals.Stats> result = new ArrayList<>();
		amounts.forEach((currency, values) -> {
			BigDecimal total = values.stream().reduce(ZERO, BigDecimal::add);
			// round(avg(amount), 2): the exact quotient rounded half away from zero
			BigDecimal average = total.divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
			result.add(new EntryTotals.Stats(currency, values.size(), total, average,
					values.stream().min(BigDecimal::compareTo).orElseThrow(),
					values.stream().max(BigDecimal::compareTo).orElseThrow()));
		});
		result.sort(Comparator.comparingLong(EntryTotals.Stats::count)
			.reversed()
			.thenComparing(EntryTotals.Stats::currency));
		return result;
	}

	/**
	 * The JSON files have no exchange rates: only the rows already in {@code base} are
	 * converted (at 1), the others are left unconverted and counted.
	 */
	static List<EntryTotals.Converted> converted(List<JsonEntry> rows, EntryQuery query, boolean hasBusiness,
			EntryTotals.Grouping grouping, String base) {
		Predicate<JsonEntry> matches = filter(query.withLimit(null).after(null), hasBusiness);
		Map<String, BigDecimal> totals = new TreeMap<>();
		Map<String, long[]> counts = new TreeMap<>();
		for (JsonEntry row : rows) {
			if (!matches.test(row)) {
				continue;
			}
			String key = switch (grouping) {
				case NONE -> "";
				case MONTH -> YearMonth.from(row.date()).toString();
				case CATEGORY -> row.category();
			};
			long[] count = counts.computeIfAbsent(key, (k) -> new long[2]);
			totals.putIfAbsent(key, ZERO);
			if (currency(row).equals(base)) {
				totals.merge(key, row.amount(), BigDecimal::add);
				count[0]++;
			}
			else {
				count[1]++;
			}
		}
		List<EntryTotals.Converted> result = new ArrayList<>();
		totals.forEach((key, total) -> result
			.add(new EntryTotals.Converted(key, base, total.setScale(2), counts.get(key)[0], counts.get(key)[1])));
		return result;
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
