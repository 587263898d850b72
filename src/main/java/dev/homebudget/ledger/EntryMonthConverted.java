package dev.homebudget.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The kept converted month totals ({@code entry_month_converted}, V24): per household,
 * kind, calendar month, category (id and the entries' text) and counted currency, the
 * exact sum of the entries' amounts converted into the household's base currency at the
 * rate on or before each one's date, and how many were converted and how many had no
 * rate. The database keeps them equal to that in every transaction (entries' triggers add
 * what a statement changed; a change of rates or of the base currency recomputes what it
 * can change). This class writes the converted-totals statement that reads a date range
 * from them (whole months kept, the days at the edges converted from the entries as
 * before), and compares them with, or rewrites them from, a recomputation.
 */
public final class EntryMonthConverted {

	/** The table; its rows are kept by the triggers of V24 alone. */
	public static final String TABLE = "entry_month_converted";

	private static final String COLUMNS = "household_id, kind, month, category_id, category, currency, converted, "
			+ "converted_entries, unconverted_entries";

	/** Every group recomputed from the entries and the rates, in the kept columns. */
	private static final String COMPUTED = "SELECT h.id AS household_id, c.kind, c.month, c.category_id, c.category, "
			+ "c.currency, c.converted, c.converted_entries, c.unconverted_entries FROM households h "
			+ "CROSS JOIN LATERAL entry_month_converted_rows(h.id, NULL, NULL) c";

	/**
	 * Whether the household converts into {@code :base} (the kept rows are in its base).
	 */
	private static final String KEPT_BASE = "EXISTS (SELECT 1 FROM households h WHERE h.id = :household "
			+ "AND h.base_currency = :base)";

	private EntryMonthConverted() {
	}

	/**
	 * The statement of {@code converted} for the entries of a kind in an inclusive date
	 * range (null bounds are open) and nothing else, or null when the range holds no
	 * whole month (it is then converted from the entries alone). Its rows are
	 * {@code key}, {@code total} (rounded to cents once), {@code converted} and
	 * {@code unconverted}, in key order; its parameters include {@code :household} and
	 * {@code :base}, which the kept rows are used for only when it is the household's
	 * base currency (else the whole months are converted from the entries as well).
	 */
	public static EntryMonthTotals.Parts convertedSql(EntryKind kind, int household, String base, LocalDate from,
			LocalDate to, EntryTotals.Grouping grouping) {
		EntryMonthTotals.WholeMonths whole = EntryMonthTotals.WholeMonths.of(from, to);
		if (whole.none()) {
			return null;
		}
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("household", household);
		parameters.put("base", base);
		List<String> conditions = new ArrayList<>();
		conditions.add("household_id = :household");
		conditions.add("kind = '" + kind.entryName() + "'");
		conditions.addAll(whole.conditions(parameters));
		String keptKey = switch (grouping) {
			case NONE -> "''";
			case MONTH -> "to_char(month, 'YYYY-MM')";
			case CATEGORY -> "category_id";
		};
		List<String> parts = new ArrayList<>();
		parts
			.add("SELECT " + keptKey + " AS key, category AS text, converted AS total, converted_entries AS converted, "
					+ "unconverted_entries AS unconverted FROM " + TABLE + " WHERE " + String.join(" AND ", conditions)
					+ " AND " + KEPT_BASE);
		// another currency than the household's base: the whole months from the entries
		parts.add(scan(kind, grouping, (whole.from() != null) ? "whole_from" : null,
				(whole.to() != null) ? "whole_to_day" : null, "NOT " + KEPT_BASE));
		if (whole.to() != null) {
			parameters.put("whole_to_day", whole.to());
		}
		if (whole.hasHead()) {
			parameters.put("from", from);
			parameters.put("head_to", whole.from().minusDays(1));
			parts.add(scan(kind, grouping, "from", "head_to", null));
		}
		if (whole.hasTail()) {
			parameters.put("tail_from", whole.to().plusDays(1));
			parameters.put("to", to);
			parts.add(scan(kind, grouping, "tail_from", "to", null));
		}
		String key = (grouping == EntryTotals.Grouping.CATEGORY)
				? "COALESCE((SELECT c.name FROM categories c WHERE c.id = p.key), min(p.text))" : "p.key::text";
		String sql = "SELECT " + key + " AS key, round(COALESCE(sum(p.total), 0), 2) AS total, "
				+ "COALESCE(sum(p.converted), 0) AS converted, COALESCE(sum(p.unconverted), 0) AS unconverted FROM ("
				+ String.join(" UNION ALL ", parts) + ") p GROUP BY p.key ORDER BY 1";
		return new EntryMonthTotals.Parts(sql, parameters);
	}

	/**
	 * The entries of a kind between two named day parameters (null: open) converted as
	 * the reports always did: summed per currency and day, each day's sum times fx_rate
	 * once, in the parts' columns (the exact products, not rounded).
	 */
	private static String scan(EntryKind kind, EntryTotals.Grouping grouping, String fromName, String toName,
			String condition) {
		String key = switch (grouping) {
			case NONE -> "''";
			case MONTH -> "to_char(date, 'YYYY-MM')";
			case CATEGORY -> "category_id";
		};
		StringBuilder where = new StringBuilder(" WHERE household_id = :household");
		if (fromName != null) {
			where.append(" AND date >= :").append(fromName);
		}
		if (toName != null) {
			where.append(" AND date <= :").append(toName);
		}
		if (condition != null) {
			where.append(" AND ").append(condition);
		}
		String days = "SELECT " + key + " AS key, " + EntrySql.countedCurrency("") + " AS currency, "
				+ EntrySql.countedDay("") + " AS date, sum(" + EntrySql.countedAmount("") + ") AS amount, "
				+ "count(*) AS n, min(category) AS text FROM " + kind.tableName() + where + " GROUP BY 1, 2, 3";
		return "SELECT d.key, d.text, CASE WHEN r.rate IS NOT NULL THEN d.amount * r.rate ELSE 0 END, "
				+ "CASE WHEN r.rate IS NOT NULL THEN d.n ELSE 0 END, CASE WHEN r.rate IS NULL THEN d.n ELSE 0 END FROM ("
				+ days + ") d" + EntrySql.rateJoin("date");
	}

	/**
	 * One group where the kept converted totals and a recomputation differ. A side
	 * without the group has a null amount and counts of 0.
	 */
	public record Difference(int household, String kind, YearMonth month, Integer categoryId, String category,
			String currency, BigDecimal keptConverted, long keptConvertedEntries, long keptUnconverted,
			BigDecimal computedConverted, long computedConvertedEntries, long computedUnconverted) {

		@Override
		public String toString() {
			return "household " + this.household + ", " + this.kind + ", " + this.month + ", category "
					+ ((this.categoryId != null) ? this.categoryId + " " : "") + "'" + this.category + "', "
					+ this.currency + " converted: kept "
					+ side(this.keptConverted, this.keptConvertedEntries, this.keptUnconverted) + ", computed "
					+ side(this.computedConverted, this.computedConvertedEntries, this.computedUnconverted);
		}

		private static String side(BigDecimal converted, long entries, long unconverted) {
			return (converted != null)
					? converted.toPlainString() + " from " + entries + " entries, " + unconverted + " without a rate"
					: "none";
		}

	}

	/**
	 * Every group where the kept converted totals differ from a recomputation, in
	 * household, kind, month, category and currency order; empty when they agree. Run it
	 * in a transaction that has locked the entries, the rates and the households
	 * ({@link #lockInputs}) to compare one moment.
	 */
	public static List<Difference> differences(JdbcClient jdbc) {
		// category_id is null-safe in the join through a stand-in no id takes
		return jdbc.sql("SELECT COALESCE(k.household_id, c.household_id) AS household_id, "
				+ "COALESCE(k.kind, c.kind) AS kind, COALESCE(k.month, c.month) AS month, "
				+ "COALESCE(k.category_id, c.category_id) AS category_id, COALESCE(k.category, c.category) AS category, "
				+ "COALESCE(k.currency, c.currency) AS currency, k.converted AS kept_converted, "
				+ "COALESCE(k.converted_entries, 0) AS kept_converted_entries, "
				+ "COALESCE(k.unconverted_entries, 0) AS kept_unconverted, c.converted AS computed_converted, "
				+ "COALESCE(c.converted_entries, 0) AS computed_converted_entries, "
				+ "COALESCE(c.unconverted_entries, 0) AS computed_unconverted FROM " + TABLE + " k FULL JOIN ("
				+ COMPUTED + ") c ON c.household_id = k.household_id AND c.kind = k.kind AND c.month = k.month "
				+ "AND COALESCE(c.category_id, -1) = COALESCE(k.category_id, -1) AND c.category = k.category "
				+ "AND c.currency = k.currency WHERE k.converted IS DISTINCT FROM c.converted "
				+ "OR k.converted_entries IS DISTINCT FROM c.converted_entries "
				+ "OR k.unconverted_entries IS DISTINCT FROM c.unconverted_entries ORDER BY 1, 2, 3, 5, 6, 4")
			.query((rs, row) -> new Difference(rs.getInt("household_id"), rs.getString("kind"),
					YearMonth.from(rs.getObject("month", LocalDate.class)), (Integer) rs.getObject("category_id"),
					rs.getString("category"), rs.getString("currency"), rs.getBigDecimal("kept_converted"),
					rs.getLong("kept_converted_entries"), rs.getLong("kept_unconverted"),
					rs.getBigDecimal("computed_converted"), rs.getLong("computed_converted_entries"),
					rs.getLong("computed_unconverted")))
			.list();
	}

	/**
	 * Keeps every write of an entry, a rate or a household out until the transaction
	 * ends, so that the kept converted totals and what they are computed from are
	 * compared (and rewritten) at one moment.
	 */
	public static void lockInputs(JdbcClient jdbc) {
		jdbc.sql("LOCK TABLE expenses, incomes, exchange_rates, households IN SHARE MODE").update();
	}

	/**
	 * Rewrites the kept converted totals from a recomputation; call it after
	 * {@link #lockInputs} in the same transaction. Returns the number of groups written.
	 */
	public static int rewrite(JdbcClient jdbc) {
		jdbc.sql("DELETE FROM " + TABLE).update();
		return jdbc.sql("INSERT INTO " + TABLE + " (" + COLUMNS + ") " + COMPUTED + " ORDER BY 1, 2, 3, 4, 5, 6")
			.update();
	}

}
