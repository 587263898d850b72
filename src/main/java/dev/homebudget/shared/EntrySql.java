package dev.homebudget.shared;

import java.sql.Types;
import java.util.Collection;
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

	private static int sqlType(EntryField field) {
		return switch (field.kind()) {
			case DATE -> Types.DATE;
			case AMOUNT -> Types.NUMERIC;
			case TEXT -> Types.VARCHAR;
		};
	}

}
