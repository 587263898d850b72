package dev.homebudget.shared;

import java.sql.Types;
import java.util.Collection;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.support.AbstractSqlTypeValue;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SQL pieces shared by the JDBC repositories of expenses and incomes. Column names come
 * from {@link EntryField}, never from request text.
 */
public final class EntrySql {

	private EntrySql() {
	}

	/** {@code "category = :category, notes = :notes"} for the present fields. */
	public static String setClause(EntryValues changes) {
		return changes.fields()
			.stream()
			.map((field) -> field.column() + " = :" + field.column())
			.collect(Collectors.joining(", "));
	}

	public static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, EntryValues changes) {
		for (EntryField field : changes.fields()) {
			statement = statement.param(field.column(), new SqlParameterValue(sqlType(field), changes.get(field)));
		}
		return statement;
	}

	/**
	 * Binds a collection as one {@code integer[]} parameter, for {@code id = ANY(:ids)}.
	 */
	public static SqlTypeValue integerArray(Collection<Integer> ids) {
		Integer[] values = ids.toArray(Integer[]::new);
		return new AbstractSqlTypeValue() {
			@Override
			protected Object createTypeValue(java.sql.Connection connection, int sqlType, String typeName)
					throws java.sql.SQLException {
				return connection.createArrayOf("integer", values);
			}
		};
	}

	/** A WHERE clause (possibly empty) with its named parameters. */
	public record Filter(String where, Map<String, Object> parameters) {

		public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
			for (Map.Entry<String, Object> parameter : this.parameters.entrySet()) {
				statement = statement.param(parameter.getKey(), parameter.getValue());
			}
			return statement;
		}

	}

	/**
	 * The conditions of a query: filters and the keyset position. Values are bound as
	 * parameters; column names come from {@link EntrySort.Column}.
	 */
	public static Filter filter(EntryQuery query, boolean hasBusiness) {
		List<String> conditions = new ArrayList<>();
		Map<String, Object> parameters = new LinkedHashMap<>();
		condition(conditions, parameters, "date >= :from", "from", query.from());
		condition(conditions, parameters, "date <= :to", "to", query.to());
		condition(conditions, parameters, "category = :category", "category", query.category());
		condition(conditions, parameters, "account = :account", "account", query.account());
		if (hasBusiness) {
			condition(conditions, parameters, "business = :business", "business", query.business());
		}
		if (query.text() != null) {
			String matches = hasBusiness ? "(business ILIKE :text OR category ILIKE :text OR notes ILIKE :text)"
					: "(category ILIKE :text OR notes ILIKE :text)";
			condition(conditions, parameters, matches, "text", "%" + escapeLike(query.text()) + "%");
		}
		condition(conditions, parameters, "amount >= :min_amount", "min_amount", query.minAmount());
		condition(conditions, parameters, "amount <= :max_amount", "max_amount", query.maxAmount());
		PageCursor after = query.after();
		if (after != null) {
			String comparison = query.sort().descending() ? " < " : " > ";
			conditions.add("(" + query.sort().column().sql() + ", id)" + comparison + "(:after_key, :after_id)");
			parameters.put("after_key", after.key());
			parameters.put("after_id", after.id());
		}
		String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
		return new Filter(where, parameters);
	}

	/** Sum and count of a table over an inclusive date range (null bounds are open). */
	public static EntryTotals.Total total(JdbcClient jdbc, String table, LocalDate from, LocalDate to) {
		Filter range = dateRange(from, to);
		return range
			.bind(jdbc
				.sql("SELECT coalesce(sum(amount), 0.00) AS total, count(*) AS count FROM " + table + range.where()))
			.query((rs, row) -> new EntryTotals.Total(rs.getBigDecimal("total"), rs.getLong("count")))
			.single();
	}

	/**
	 * Statistics of the rows matching a query's filters (its order and page are ignored).
	 */
	public static EntryTotals.Stats stats(JdbcClient jdbc, String table, EntryQuery query, boolean hasBusiness) {
		Filter filter = filter(new EntryQuery(query.from(), query.to(), query.category(), query.account(),
				query.business(), query.text(), query.minAmount(), query.maxAmount(), query.sort(), null, null),
				hasBusiness);
		return filter
			.bind(jdbc
				.sql("SELECT count(*) AS count, coalesce(sum(amount), 0.00) AS total, round(avg(amount), 2) AS average,"
						+ " min(amount) AS min, max(amount) AS max FROM " + table + filter.where()))
			.query((rs, row) -> new EntryTotals.Stats(rs.getLong("count"), rs.getBigDecimal("total"),
					rs.getBigDecimal("average"), rs.getBigDecimal("min"), rs.getBigDecimal("max")))
			.single();
	}

	/** Totals per category over a range, largest first. */
	public static List<EntryTotals.ByCategory> totalsByCategory(JdbcClient jdbc, String table, LocalDate from,
			LocalDate to) {
		Filter range = dateRange(from, to);
		return range
			.bind(jdbc.sql("SELECT category, sum(amount) AS total, count(*) AS count FROM " + table + range.where()
					+ " GROUP BY category ORDER BY total DESC, category"))
			.query((rs, row) -> new EntryTotals.ByCategory(rs.getString("category"), rs.getBigDecimal("total"),
					rs.getLong("count")))
			.list();
	}

	/** Totals per month of one year; months without entries are absent. */
	public static List<EntryTotals.ByMonth> totalsByMonth(JdbcClient jdbc, String table, int year) {
		return jdbc
			.sql("SELECT extract(month FROM date)::int AS month, sum(amount) AS total, count(*) AS count FROM " + table
					+ " WHERE date >= :start AND date < :end GROUP BY 1 ORDER BY 1")
			.param("start", LocalDate.of(year, 1, 1))
			.param("end", LocalDate.of(year + 1, 1, 1))
			.query((rs, row) -> new EntryTotals.ByMonth(YearMonth.of(year, rs.getInt("month")),
					rs.getBigDecimal("total"), rs.getLong("count")))
			.list();
	}

	/** Distinct non-empty values of a text field, most used first. */
	public static List<EntryTotals.ValueCount> distinctValues(JdbcClient jdbc, String table, EntryField field,
			int limit) {
		String column = field.column();
		return jdbc
			.sql("SELECT " + column + " AS value, count(*) AS count FROM " + table + " WHERE " + column
					+ " IS NOT NULL AND " + column + " <> '' GROUP BY " + column
					+ " ORDER BY count DESC, value LIMIT :limit")
			.param("limit", limit)
			.query((rs, row) -> new EntryTotals.ValueCount(rs.getString("value"), rs.getLong("count")))
			.list();
	}

	private static Filter dateRange(LocalDate from, LocalDate to) {
		List<String> conditions = new ArrayList<>();
		Map<String, Object> parameters = new LinkedHashMap<>();
		condition(conditions, parameters, "date >= :from", "from", from);
		condition(conditions, parameters, "date <= :to", "to", to);
		return new Filter(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), parameters);
	}

	private static void condition(List<String> conditions, Map<String, Object> parameters, String sql, String name,
			Object value) {
		if (value != null) {
			conditions.add(sql);
			parameters.put(name, value);
		}
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static int sqlType(EntryField field) {
		return switch (field.kind()) {
			case DATE -> Types.DATE;
			case AMOUNT -> Types.NUMERIC;
			case TEXT -> Types.VARCHAR;
		};
	}

}
