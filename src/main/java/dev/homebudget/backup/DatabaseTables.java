package dev.homebudget.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.homebudget.database.MigrationSeededRows;

/**
 * The application's tables as the catalog describes them, in the connection's current
 * schema, so that a table added by a later migration is backed up without anyone
 * remembering to list it. Flyway's history table is left out: a backup records the schema
 * version instead, and a restore migrates to it. So are the tables triggers rebuild from
 * the entries ({@link MigrationSeededRows#REBUILT_BY_TRIGGERS}).
 */
final class DatabaseTables {

	private static final Set<String> INTEGER_TYPES = Set.of("smallint", "integer", "bigint");

	private DatabaseTables() {
	}

	/**
	 * One table.
	 *
	 * @param name table name in the current schema
	 * @param columns columns a backup copies, in table order (generated columns are left
	 * out: PostgreSQL computes them)
	 * @param orderBy the canonical row order: the primary key, else every column; text in
	 * the "C" collation so the order does not depend on the server's locale
	 * @param sequenceColumn the identity (or serial) column, or {@code null}
	 * @param amount whether an {@code amount} column exists (its sum is fingerprinted)
	 * @param integerId whether an integer {@code id} column exists (its max is
	 * fingerprinted)
	 */
	record Table(String name, List<String> columns, List<String> orderBy, String sequenceColumn, boolean amount,
			boolean integerId) {

		String quotedName() {
			return quote(this.name);
		}

		String columnList() {
			return this.columns.stream().map(DatabaseTables::quote).collect(Collectors.joining(", "));
		}

		/** The rows in canonical order, as a query for {@code COPY (...) TO STDOUT}. */
		String orderedSelect() {
			return "SELECT " + columnList() + " FROM " + quotedName() + " ORDER BY " + String.join(", ", this.orderBy);
		}

	}

	/**
	 * Every table of the current schema but {@code excluded}, referenced tables before
	 * the tables whose foreign keys point at them, otherwise by name.
	 */
	static List<Table> list(Connection connection, String excluded) throws SQLException {
		Map<String, Table> tables = new TreeMap<>();
		for (String name : names(connection, excluded)) {
			tables.put(name, describe(connection, name));
		}
		return dependencyOrder(tables, foreignKeys(connection));
	}

	/**
	 * Rows per table, for every table but {@code excluded}, without the rows migrations
	 * insert themselves ({@link MigrationSeededRows}).
	 */
	static Map<String, Long> rowCounts(Connection connection, String excluded) throws SQLException {
		Map<String, Long> counts = new LinkedHashMap<>();
		try (Statement statement = connection.createStatement()) {
			for (String name : names(connection, excluded)) {
				String seeded = MigrationSeededRows.BY_TABLE.get(name);
				try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + quote(name)
						+ ((seeded != null) ? " WHERE NOT (" + seeded + ")" : ""))) {
					rows.next();
					counts.put(name, rows.getLong(1));
				}
			}
		}
		return counts;
	}

	/**
	 * Whether any table but {@code excluded} holds a row that no migration inserted
	 * ({@link MigrationSeededRows}): the answer of {@link #rowCounts} being non-zero
	 * somewhere, but each table stops at its first row instead of counting them all (a
	 * history of hundreds of thousands of events took a tenth of a second at every
	 * start).
	 */
	static boolean anyRows(Connection connection, String excluded) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (String name : names(connection, excluded)) {
				String seeded = MigrationSeededRows.BY_TABLE.get(name);
				try (ResultSet rows = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM " + quote(name)
						+ ((seeded != null) ? " WHERE NOT (" + seeded + ")" : "") + ")")) {
					rows.next();
					if (rows.getBoolean(1)) {
						return true;
					}
				}
			}
		}
		return false;
	}

	static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

	private static List<String> names(Connection connection, String excluded) throws SQLException {
		List<String> names = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement("""
				SELECT c.relname FROM pg_class c
				WHERE c.relnamespace = (SELECT n.oid FROM pg_namespace n WHERE n.nspname = current_schema())
				  AND c.relkind IN ('r', 'p')
				  AND NOT c.relispartition AND c.relname <> ?
				ORDER BY c.relname
				""")) {
			statement.setString(1, (excluded != null) ? excluded : "");
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					if (!MigrationSeededRows.REBUILT_BY_TRIGGERS.contains(rows.getString(1))) {
						names.add(rows.getString(1));
					}
				}
			}
		}
		return names;
	}

	private static Table describe(Connection connection, String name) throws SQLException {
		String regclass = quote(name);
		List<String> columns = new ArrayList<>();
		Map<String, Boolean> collatable = new LinkedHashMap<>();
		String sequenceColumn = null;
		boolean amount = false;
		boolean integerId = false;
		try (PreparedStatement statement = connection.prepareStatement("""
				SELECT a.attname, format_type(a.atttypid, NULL), a.attcollation <> 0,
				       pg_get_serial_sequence(?, a.attname) IS NOT NULL, a.attgenerated <> ''
				FROM pg_attribute a
				WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped
				ORDER BY a.attnum
				""")) {
			statement.setString(1, regclass);
			statement.setString(2, regclass);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					String column = rows.getString(1);
					String type = rows.getString(2);
					if (rows.getBoolean(5)) {
						continue;
					}
					columns.add(column);
					collatable.put(column, rows.getBoolean(3));
					if (rows.getBoolean(4) && sequenceColumn == null) {
						sequenceColumn = column;
					}
					amount |= column.equals("amount");
					integerId |= column.equals("id") && INTEGER_TYPES.contains(type);
				}
			}
		}
		List<String> key = primaryKey(connection, regclass);
		List<String> orderBy = new ArrayList<>();
		for (String column : key.isEmpty() ? columns : key) {
			orderBy.add(quote(column) + (Boolean.TRUE.equals(collatable.get(column)) ? " COLLATE \"C\"" : ""));
		}
		return new Table(name, List.copyOf(columns), List.copyOf(orderBy), sequenceColumn, amount, integerId);
	}

	private static List<String> primaryKey(Connection connection, String regclass) throws SQLException {
		List<String> key = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement("""
				SELECT a.attname
				FROM pg_index i
				CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position)
				JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
				WHERE i.indrelid = ?::regclass AND i.indisprimary
				ORDER BY k.position
				""")) {
			statement.setString(1, regclass);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					key.add(rows.getString(1));
				}
			}
		}
		return key;
	}

	/** table → the tables it references. */
	private static Map<String, Set<String>> foreignKeys(Connection connection) throws SQLException {
		Map<String, Set<String>> references = new TreeMap<>();
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("""
				SELECT t.relname, r.relname
				FROM pg_constraint c
				JOIN pg_class t ON t.oid = c.conrelid
				JOIN pg_class r ON r.oid = c.confrelid
				WHERE c.contype = 'f'
				  AND t.relnamespace = (SELECT n.oid FROM pg_namespace n WHERE n.nspname = current_schema())
				""")) {
			while (rows.next()) {
				references.computeIfAbsent(rows.getString(1), (table) -> new LinkedHashSet<>()).add(rows.getString(2));
			}
		}
		return references;
	}

	private static List<Table> dependencyOrder(Map<String, Table> tables, Map<String, Set<String>> references) {
		List<Table> ordered = new ArrayList<>();
		Set<String> placed = new LinkedHashSet<>();
		while (placed.size() < tables.size()) {
			boolean progress = false;
			for (Table table : tables.values()) {
				if (placed.contains(table.name())) {
					continue;
				}
				boolean ready = references.getOrDefault(table.name(), Set.of())
					.stream()
					.allMatch((referenced) -> referenced.equals(table.name()) || placed.contains(referenced)
							|| !tables.containsKey(referenced));
				if (ready) {
					ordered.add(table);
					placed.add(table.name());
					progress = true;
				}
			}
			if (!progress) {
				// A reference cycle: keep name order for the rest; loading then relies on
				// deferrable constraints.
				tables.values().stream().filter((table) -> !placed.contains(table.name())).forEach((table) -> {
					ordered.add(table);
					placed.add(table.name());
				});
			}
		}
		return ordered;
	}

}
