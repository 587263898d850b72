package dev.homebudget.ledger;

import java.math.BigDecimal;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.support.AbstractSqlTypeValue;

/**
 * SQL pieces shared by the JDBC repositories of expenses and incomes. Column names come
 * from {@link EntryField}, never from request text.
 */
public final class EntrySql {

	private EntrySql() {
	}

	/** {@code "category = :category, notes = :notes"} for the present fields. */
	public static String setClause(EntryValues changes, EntryKind kind) {
		return changes.fields()
			.stream()
			.map((field) -> field.column() + " = " + value(field, kind))
			.collect(Collectors.joining(", "));
	}

	/**
	 * The SQL value a field is written with through the API: its parameter, except the
	 * category, which is written as the name of the household's category it matches
	 * (ignoring case, accents and spaces), so that "groceries " lands in Groceries, read
	 * after any rename or merge of that category under way (see V15). The statement binds
	 * {@code :household}.
	 */
	public static String value(EntryField field, EntryKind kind) {
		return (field == EntryField.CATEGORY)
				? "category_name_locked(:household, '" + kind.entryName() + "', :" + field.column() + ")"
				: ":" + field.column();
	}

	public static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, EntryValues changes) {
		for (EntryField field : changes.fields()) {
			statement = statement.param(field.column(), new SqlParameterValue(sqlType(field), changes.get(field)));
		}
		return statement;
	}

	/**
	 * The currency an entry of {@code alias} counts in when converted into {@code :base}:
	 * the base itself when the amount it was charged in the base is recorded
	 * ({@code charged_amount}, V21), which then wins over any rate; else its own.
	 */
	public static String countedCurrency(String alias) {
		return "CASE WHEN " + alias + "charged_currency = :base THEN :base ELSE COALESCE(" + alias
				+ "currency_code, 'XXX') END";
	}

	/** The amount an entry counts with when converted into {@code :base} (see above). */
	public static String countedAmount(String alias) {
		return "CASE WHEN " + alias + "charged_currency = :base THEN " + alias + "charged_amount ELSE " + alias
				+ "amount END";
	}

	/**
	 * The day whose rate converts an entry into {@code :base}, or null when it needs none
	 * (already in the base, or charged in it): such entries group per key, not per day.
	 */
	public static String countedDay(String alias) {
		return "CASE WHEN " + alias + "charged_currency = :base OR COALESCE(" + alias
				+ "currency_code, 'XXX') = :base THEN NULL ELSE " + alias + "date END";
	}

	/**
	 * The current base currency of {@code :household}, as an expression: what
	 * {@code :base} stands for when the caller has not read it (one statement instead of
	 * two; an uncorrelated subquery, evaluated once per statement).
	 */
	public static final String HOUSEHOLD_BASE = "(SELECT base_currency FROM households WHERE id = :household)";

	private static final Pattern BASE_PARAMETER = Pattern.compile(":base\\b");

	/**
	 * A statement written for a {@code :base} parameter, reading the household's base
	 * currency itself instead.
	 */
	public static String inHouseholdBase(String sql) {
		return BASE_PARAMETER.matcher(sql).replaceAll(Matcher.quoteReplacement(HOUSEHOLD_BASE));
	}

	/**
	 * {@code CROSS JOIN LATERAL ... r}: the rate {@code r.rate} that converts a group
	 * {@code d} (columns {@code currency} and the day named) into {@code :base} with
	 * {@code :household}'s rates, 1 for the base currency itself, null when there is
	 * none. OFFSET 0 keeps the subquery from being inlined: inlined, each aggregate over
	 * {@code r.rate} called fx_rate again.
	 */
	public static String rateJoin(String dayColumn) {
		return " CROSS JOIN LATERAL (SELECT CASE WHEN d.currency = :base THEN 1"
				+ " ELSE fx_rate(:household, d.currency, :base, d." + dayColumn + ") END AS rate OFFSET 0) r";
	}

	/**
	 * Binds a collection as one {@code integer[]} parameter, for {@code id = ANY(:ids)}.
	 */
	public static SqlTypeValue integerArray(Collection<Integer> ids) {
		return array("integer", ids.toArray(Integer[]::new));
	}

	/** A {@code numeric[]} parameter (elements may be null). */
	public static SqlTypeValue numericArray(Collection<BigDecimal> amounts) {
		return array("numeric", amounts.toArray(BigDecimal[]::new));
	}

	/** A {@code text[]} parameter (elements may be null). */
	static SqlTypeValue textArray(String[] cells) {
		return array("text", cells);
	}

	/**
	 * An array parameter of PostgreSQL's {@code elementType}, made on the statement's
	 * connection.
	 */
	private static SqlTypeValue array(String elementType, Object[] values) {
		return new AbstractSqlTypeValue() {
			@Override
			protected Object createTypeValue(java.sql.Connection connection, int sqlType, String typeName)
					throws java.sql.SQLException {
				return connection.createArrayOf(elementType, values);
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

		/** The same conditions, limited to one household's rows (its first condition). */
		public Filter scoped(int household) {
			Map<String, Object> scoped = new LinkedHashMap<>(this.parameters);
			scoped.put("household", household);
			String where = this.where.isEmpty() ? " WHERE household_id = :household"
					: " WHERE household_id = :household AND " + this.where.substring(" WHERE ".length());
			return new Filter(where, scoped);
		}

	}

	/**
	 * The conditions of a query: filters and the keyset position. Values are bound as
	 * parameters; column names come from {@link EntrySort.Column}.
	 */
	public static Filter filter(EntryQuery query, EntryKind kind) {
		boolean hasBusiness = kind.hasBusiness();
		List<String> conditions = new ArrayList<>();
		Map<String, Object> parameters = new LinkedHashMap<>();
		condition(conditions, parameters, "date >= :from", "from", query.from());
		condition(conditions, parameters, "date <= :to", "to", query.to());
		condition(conditions, parameters, inCategory(kind), "category", query.category());
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
		if (hasBusiness) {
			payers(conditions, parameters, query);
		}
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

	/**
	 * The entries of the household's category named (ignoring case, accents and spaces)
	 * and, when it is a group, of its categories. Needs {@code :household} (every filter
	 * is {@link Filter#scoped scoped}).
	 */
	private static String inCategory(EntryKind kind) {
		String type = "'" + kind.entryName() + "'";
		return "category_id IN (SELECT c.id FROM categories c WHERE c.household_id = :household AND c.kind = " + type
				+ " AND (c.name_key = name_key(:category) OR c.parent_id IN (SELECT g.id FROM categories g"
				+ " WHERE g.household_id = :household AND g.kind = " + type
				+ " AND g.name_key = name_key(:category))))";
	}

	/**
	 * Who paid and for whom: only expenses carry payers, and a share of an expense is a
	 * row of expense_shares (found through its primary key).
	 */
	private static void payers(List<String> conditions, Map<String, Object> parameters, EntryQuery query) {
		condition(conditions, parameters, "paid_by = :paid_by", "paid_by", query.paidBy());
		EntryQuery.Beneficiary forWhom = query.forWhom();
		if (forWhom == null) {
			return;
		}
		if (forWhom.shared()) {
			conditions
				.add("for_whom IS NULL AND EXISTS (SELECT 1 FROM expense_shares s WHERE s.expense_id = expenses.id)");
		}
		else {
			condition(conditions, parameters,
					"EXISTS (SELECT 1 FROM expense_shares s WHERE s.expense_id = expenses.id AND s.user_id = :for_whom)",
					"for_whom", forWhom.userId());
		}
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
