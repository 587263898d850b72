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
 * The kept month totals ({@code entry_month_totals}, V23): per household, kind, calendar
 * month, category (id and the entries' text) and currency, the sum and count of the
 * entries, which the database's triggers change in the same transaction as every write of
 * an entry. This class writes the statements that read a date range from them (whole
 * months from the kept totals, the days before the first and after the last whole month
 * from the entries), and recomputes them from the entries to compare or rewrite them.
 */
public final class EntryMonthTotals {

	/** The table; its rows are kept by the triggers of V23 alone. */
	public static final String TABLE = "entry_month_totals";

	private static final String CURRENCY = "COALESCE(currency_code, '" + Currencies.NONE + "')";

	private static final String MONTH = "date - (EXTRACT(DAY FROM date)::integer - 1)";

	/** Every group recomputed from the entries, in the kept table's columns. */
	private static final String COMPUTED = "SELECT household_id, 'expense' AS kind, " + MONTH
			+ " AS month, category_id, category, " + CURRENCY + " AS currency, sum(amount) AS amount, "
			+ "count(*) AS entries FROM expenses GROUP BY 1, 3, 4, 5, 6 UNION ALL SELECT household_id, 'income', "
			+ MONTH + ", category_id, category, " + CURRENCY
			+ ", sum(amount), count(*) FROM incomes GROUP BY 1, 3, 4, 5, 6";

	/**
	 * The years of a date a request can name: a month bound outside them is not sent
	 * (such a range is read from the entries alone).
	 */
	private static final int FIRST_YEAR = 1;

	private static final int LAST_YEAR = 9999;

	private EntryMonthTotals() {
	}

	/**
	 * A statement over a date range whose rows are parts of groups: {@code category_id},
	 * {@code category}, {@code currency}, {@code total} and {@code count}; a group (a
	 * currency, a category and currency) is the sum of its parts, the category text the
	 * least of its parts'. The parameters include {@code :household}.
	 */
	public record Parts(String sql, Map<String, Object> parameters) {

		public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
			for (Map.Entry<String, Object> parameter : this.parameters.entrySet()) {
				statement = statement.param(parameter.getKey(), parameter.getValue());
			}
			return statement;
		}

	}

	/**
	 * The parts of an inclusive date range (null bounds are open) of one household's
	 * entries of a kind: the whole calendar months inside it from the kept totals, and
	 * the days outside them (at most a month's worth at each edge) from the entries.
	 */
	public static Parts parts(EntryKind kind, int household, LocalDate from, LocalDate to) {
		WholeMonths whole = WholeMonths.of(from, to);
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("household", household);
		List<String> parts = new ArrayList<>();
		if (whole.none()) {
			parts.add(scan(kind, "from", from, "to", to, parameters));
		}
		else {
			List<String> conditions = new ArrayList<>();
			conditions.add("household_id = :household");
			conditions.add("kind = '" + kind.entryName() + "'");
			conditions.addAll(whole.conditions(parameters));
			parts.add("SELECT category_id, category, currency, amount AS total, entries AS count FROM " + TABLE
					+ " WHERE " + String.join(" AND ", conditions));
			if (whole.hasHead()) {
				parts.add(scan(kind, "from", from, "head_to", whole.from().minusDays(1), parameters));
			}
			if (whole.hasTail()) {
				parts.add(scan(kind, "tail_from", whole.to().plusDays(1), "to", to, parameters));
			}
		}
		return new Parts(String.join(" UNION ALL ", parts), parameters);
	}

	/**
	 * The whole calendar months inside an inclusive date range (null bounds are open):
	 * {@code from} and {@code to} are the first day of the first and the last day of the
	 * last ({@code none} when there is none a request can name); the range's days before
	 * and after them are its head and tail.
	 */
	public record WholeMonths(LocalDate rangeFrom, LocalDate rangeTo, LocalDate from, LocalDate to, boolean none) {

		public static WholeMonths of(LocalDate from, LocalDate to) {
			LocalDate wholeFrom = (from == null || from.getDayOfMonth() == 1) ? from
					: YearMonth.from(from).plusMonths(1).atDay(1);
			LocalDate wholeTo = (to == null || to.equals(YearMonth.from(to).atEndOfMonth())) ? to
					: YearMonth.from(to).atDay(1).minusDays(1);
			boolean none = (wholeFrom != null && wholeTo != null && wholeFrom.isAfter(wholeTo))
					|| (wholeFrom != null && wholeFrom.getYear() > LAST_YEAR)
					|| (wholeTo != null && wholeTo.getYear() < FIRST_YEAR);
			return new WholeMonths(from, to, wholeFrom, wholeTo, none);
		}

		/**
		 * The conditions on a kept table's {@code month} that select the whole months,
		 * adding their parameters ({@code :whole_from}, {@code :whole_to}).
		 */
		public List<String> conditions(Map<String, Object> parameters) {
			List<String> conditions = new ArrayList<>();
			if (this.from != null) {
				conditions.add("month >= :whole_from");
				parameters.put("whole_from", this.from);
			}
			if (this.to != null) {
				// the first days of the months, the last of which starts on or before it
				conditions.add("month <= :whole_to");
				parameters.put("whole_to", YearMonth.from(this.to).atDay(1));
			}
			return conditions;
		}

		public boolean hasHead() {
			return this.rangeFrom != null && this.rangeFrom.isBefore(this.from);
		}

		public boolean hasTail() {
			return this.rangeTo != null && this.rangeTo.isAfter(this.to);
		}

	}

	/**
	 * The entries of an inclusive range of days (null bounds are open), summed per part.
	 */
	private static String scan(EntryKind kind, String fromName, LocalDate from, String toName, LocalDate to,
			Map<String, Object> parameters) {
		StringBuilder sql = new StringBuilder("SELECT category_id, category, " + CURRENCY
				+ " AS currency, sum(amount) AS total, count(*) AS count FROM " + kind.tableName()
				+ " WHERE household_id = :household");
		if (from != null) {
			sql.append(" AND date >= :").append(fromName);
			parameters.put(fromName, from);
		}
		if (to != null) {
			sql.append(" AND date <= :").append(toName);
			parameters.put(toName, to);
		}
		return sql.append(" GROUP BY 1, 2, 3").toString();
	}

	/**
	 * One group where the kept totals and a recomputation from the entries differ. A side
	 * without the group has a null amount and a count of 0.
	 */
	public record Difference(int household, String kind, YearMonth month, Integer categoryId, String category,
			String currency, BigDecimal keptAmount, long keptCount, BigDecimal computedAmount, long computedCount) {

		@Override
		public String toString() {
			return "household " + this.household + ", " + this.kind + ", " + this.month + ", category "
					+ ((this.categoryId != null) ? this.categoryId + " " : "") + "'" + this.category + "', "
					+ this.currency + ": kept " + amount(this.keptAmount, this.keptCount) + ", computed "
					+ amount(this.computedAmount, this.computedCount);
		}

		private static String amount(BigDecimal amount, long count) {
			return (amount != null) ? amount.toPlainString() + " in " + count + " entries" : "none";
		}

	}

	/**
	 * Every group where the kept totals differ from the entries, in household, kind,
	 * month, category and currency order; empty when they agree. Run it in a transaction
	 * that has locked the entries ({@link #lockEntries}) to compare one moment.
	 */
	public static List<Difference> differences(JdbcClient jdbc) {
		// category_id is null-safe in the join through a stand-in no id takes
		return jdbc.sql("SELECT COALESCE(k.household_id, c.household_id) AS household_id, "
				+ "COALESCE(k.kind, c.kind) AS kind, COALESCE(k.month, c.month) AS month, "
				+ "COALESCE(k.category_id, c.category_id) AS category_id, COALESCE(k.category, c.category) AS category, "
				+ "COALESCE(k.currency, c.currency) AS currency, k.amount AS kept_amount, "
				+ "COALESCE(k.entries, 0) AS kept_count, c.amount AS computed_amount, "
				+ "COALESCE(c.entries, 0) AS computed_count FROM " + TABLE + " k FULL JOIN (" + COMPUTED
				+ ") c ON c.household_id = k.household_id AND c.kind = k.kind AND c.month = k.month "
				+ "AND COALESCE(c.category_id, -1) = COALESCE(k.category_id, -1) AND c.category = k.category "
				+ "AND c.currency = k.currency WHERE k.amount IS DISTINCT FROM c.amount "
				+ "OR k.entries IS DISTINCT FROM c.entries ORDER BY 1, 2, 3, 5, 6, 4")
			.query((rs, row) -> new Difference(rs.getInt("household_id"), rs.getString("kind"),
					YearMonth.from(rs.getObject("month", LocalDate.class)), (Integer) rs.getObject("category_id"),
					rs.getString("category"), rs.getString("currency"), rs.getBigDecimal("kept_amount"),
					rs.getLong("kept_count"), rs.getBigDecimal("computed_amount"), rs.getLong("computed_count")))
			.list();
	}

	/**
	 * Keeps every write of an entry out until the transaction ends, so that the kept
	 * totals and the entries are compared (and rewritten) at one moment.
	 */
	public static void lockEntries(JdbcClient jdbc) {
		jdbc.sql("LOCK TABLE expenses, incomes IN SHARE MODE").update();
	}

	/**
	 * Rewrites the kept totals from the entries; call it after {@link #lockEntries} in
	 * the same transaction. Returns the number of groups written.
	 */
	public static int rewrite(JdbcClient jdbc) {
		jdbc.sql("DELETE FROM " + TABLE).update();
		return jdbc
			.sql("INSERT INTO " + TABLE
					+ " (household_id, kind, month, category_id, category, currency, amount, entries) " + COMPUTED)
			.update();
	}

}
