package dev.homebudget.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.homebudget.backup.BackupService;
import dev.homebudget.database.MigrationSeededRows;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Steps the schema back by exactly one migration, the newest applied one, through its
 * hand-written undo script: {@code db/undo/U<version>__<description>.sql} beside
 * {@code db/migration/V<version>__<description>.sql} (Flyway's community edition has no
 * undo). The script and the removal of the migration's row from Flyway's history run in
 * one transaction, so either both happen or neither.
 * <p>
 * Before applying, the script is tried inside a savepoint to see which tables and columns
 * it drops. If any of them holds data (a dropped table with rows, a dropped column with a
 * value other than its default), the downgrade is refused unless forced; forced, a backup
 * is taken first.
 */
@Component
public class SchemaDowngrade {

	public static final String UNDO_LOCATION = "classpath:db/undo/";

	private final Flyway flyway;

	private final String undoLocation;

	private final BackupService backups;

	@Autowired
	public SchemaDowngrade(Flyway flyway, BackupService backups) {
		this(flyway, UNDO_LOCATION, backups);
	}

	/**
	 * @param undoLocation where the undo scripts are, a Spring resource location ending
	 * in {@code /}
	 * @param backups takes the backup before a forced downgrade that drops data;
	 * {@code null} for none
	 */
	public SchemaDowngrade(Flyway flyway, String undoLocation, BackupService backups) {
		this.flyway = flyway;
		this.undoLocation = undoLocation;
		this.backups = backups;
	}

	/**
	 * The undo script's name for a versioned migration script name:
	 * {@code V4__add_row_versions.sql} → {@code U4__add_row_versions.sql}.
	 */
	public static String undoScriptName(String migrationScript) {
		String file = Path.of(migrationScript).getFileName().toString();
		if (!file.startsWith("V")) {
			throw new IllegalArgumentException("Not a versioned migration script: " + migrationScript);
		}
		return "U" + file.substring(1);
	}

	/**
	 * Undoes the newest applied migration.
	 * @param force also when the undo drops tables or columns that hold data
	 */
	public Result downgrade(boolean force) {
		MigrationInfo[] applied = this.flyway.info().applied();
		if (Arrays.stream(applied).anyMatch((migration) -> migration.getState().isFailed())) {
			return Result.refused(Status.FAILED_MIGRATION, null,
					"The schema history holds a failed migration; repair it before downgrading");
		}
		List<MigrationInfo> versioned = Arrays.stream(applied)
			.filter((migration) -> migration.getVersion() != null)
			.sorted(Comparator.comparing(MigrationInfo::getVersion))
			.toList();
		if (versioned.isEmpty()) {
			return Result.refused(Status.NOTHING_APPLIED, null, "No migration is applied: nothing to downgrade");
		}
		MigrationInfo current = versioned.get(versioned.size() - 1);
		String previous = (versioned.size() > 1) ? versioned.get(versioned.size() - 2).getVersion().getVersion() : null;
		String scriptName = undoScriptName(current.getScript());
		Resource script = new DefaultResourceLoader().getResource(this.undoLocation + scriptName);
		if (!script.exists()) {
			return Result.refused(Status.NO_UNDO_SCRIPT, current,
					"There is no undo script " + scriptName + " for version " + current.getVersion() + " (expected in "
							+ this.undoLocation + "); nothing was changed");
		}
		String sql = read(script);
		DataSource dataSource = this.flyway.getConfiguration().getDataSource();
		String history = this.flyway.getConfiguration().getTable();
		Path backup = null;
		try {
			List<String> loss = apply(dataSource, sql, history, current.getInstalledRank(), force, false);
			if (!loss.isEmpty() && !force) {
				return new Result(Status.WOULD_DESTROY_DATA, current.getVersion().getVersion(), previous, scriptName,
						loss, null, "The undo script " + scriptName + " would destroy data: " + String.join(", ", loss)
								+ ". Nothing was changed; run with --force to downgrade anyway (a backup is taken first)");
			}
			if (!loss.isEmpty()) {
				// forced: back up first, then undo for real
				if (this.backups != null) {
					backup = this.backups
						.backup(this.backups.defaultDirectory(), "before-undo-v" + label(current.getVersion()))
						.archive();
				}
				apply(dataSource, sql, history, current.getInstalledRank(), true, true);
			}
			return new Result(Status.DOWNGRADED, current.getVersion().getVersion(), previous, scriptName, loss, backup,
					"Downgraded from version " + current.getVersion() + " to "
							+ ((previous != null) ? "version " + previous : "an empty schema") + " with " + scriptName);
		}
		catch (SQLException ex) {
			return new Result(Status.SCRIPT_FAILED, current.getVersion().getVersion(), previous, scriptName, List.of(),
					backup, "The undo script " + scriptName + " failed and was rolled back: [" + ex.getSQLState() + "] "
							+ ex.getMessage());
		}
	}

	/**
	 * One transaction: tries the script in a savepoint to find the data it would drop;
	 * unless that is non-empty and not allowed, runs it and deletes the history row and
	 * commits. Returns the data it drops.
	 * @param force apply even though data would be dropped...
	 * @param alreadyBackedUp ...once the backup before it has been taken
	 */
	private static List<String> apply(DataSource dataSource, String sql, String history, int installedRank,
			boolean force, boolean alreadyBackedUp) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				Map<String, Map<String, Column>> before = columns(connection, history);
				statement.execute("SAVEPOINT undo_probe");
				statement.execute(sql);
				Map<String, Map<String, Column>> after = columns(connection, history);
				statement.execute("ROLLBACK TO SAVEPOINT undo_probe");
				List<String> loss = dataLost(connection, before, after);
				if (!loss.isEmpty() && (!force || !alreadyBackedUp)) {
					connection.rollback();
					return loss;
				}
				statement.execute(sql);
				try (PreparedStatement delete = connection
					.prepareStatement("DELETE FROM " + quote(history) + " WHERE installed_rank = ?")) {
					delete.setInt(1, installedRank);
					if (delete.executeUpdate() != 1) {
						throw new SQLException("The history row of the migration changed meanwhile", "55000");
					}
				}
				connection.commit();
				return loss;
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
		}
	}

	private static String label(MigrationVersion version) {
		return version.getVersion().replaceAll("[^0-9A-Za-z]+", "-").toLowerCase(java.util.Locale.ROOT);
	}

	/** A column's default expression and whether it is generated. */
	private record Column(String defaultExpression, boolean generated) {

	}

	/** table → column → details, in the current schema, history table left out. */
	private static Map<String, Map<String, Column>> columns(Connection connection, String history) throws SQLException {
		Map<String, Map<String, Column>> tables = new LinkedHashMap<>();
		try (PreparedStatement statement = connection.prepareStatement("""
				SELECT c.relname, a.attname, pg_get_expr(d.adbin, d.adrelid), a.attgenerated <> ''
				FROM pg_class c
				JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
				LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
				WHERE c.relnamespace = (SELECT n.oid FROM pg_namespace n WHERE n.nspname = current_schema())
				  AND c.relkind IN ('r', 'p') AND c.relname <> ?
				ORDER BY c.relname, a.attnum
				""")) {
			statement.setString(1, history);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					tables.computeIfAbsent(rows.getString(1), (table) -> new LinkedHashMap<>())
						.put(rows.getString(2), new Column(rows.getString(3), rows.getBoolean(4)));
				}
			}
		}
		return tables;
	}

	/**
	 * Dropped tables that hold rows, and dropped columns (of tables that stay) that hold
	 * a value other than their default. A generated column loses nothing.
	 */
	private static List<String> dataLost(Connection connection, Map<String, Map<String, Column>> before,
			Map<String, Map<String, Column>> after) throws SQLException {
		List<String> loss = new ArrayList<>();
		try (Statement statement = connection.createStatement()) {
			for (var table : before.entrySet()) {
				Map<String, Column> remaining = after.get(table.getKey());
				if (remaining == null) {
					String seeded = MigrationSeededRows.BY_TABLE.get(table.getKey());
					long rows = count(statement, "SELECT count(*) FROM " + quote(table.getKey())
							+ ((seeded != null) ? " WHERE NOT (" + seeded + ")" : ""));
					if (rows > 0) {
						loss.add("table " + table.getKey() + " (" + rows + " rows)");
					}
					continue;
				}
				for (var column : table.getValue().entrySet()) {
					if (remaining.containsKey(column.getKey()) || column.getValue().generated()) {
						continue;
					}
					String expression = column.getValue().defaultExpression();
					// a sequence default would be advanced by evaluating it
					boolean comparable = expression != null && !expression.contains("nextval(");
					String name = quote(column.getKey());
					long rows = count(statement,
							"SELECT count(*) FROM " + quote(table.getKey()) + " WHERE " + name + " IS NOT NULL"
									+ (comparable ? " AND " + name + " IS DISTINCT FROM (" + expression + ")" : ""));
					if (rows > 0) {
						loss.add("column " + table.getKey() + "." + column.getKey() + " (" + rows + " rows with "
								+ (comparable ? "a value other than its default " + expression : "a value") + ")");
					}
				}
			}
		}
		return loss;
	}

	private static long count(Statement statement, String sql) throws SQLException {
		try (ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

	private static String read(Resource script) {
		try {
			return script.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + script + ": " + ex.getMessage(), ex);
		}
	}

	/** How a downgrade ended. */
	public enum Status {

		/** The migration was undone. */
		DOWNGRADED,
		/** No migration is applied. */
		NOTHING_APPLIED,
		/** The newest migration has no undo script. */
		NO_UNDO_SCRIPT,
		/** The undo would drop data, and it was not forced. */
		WOULD_DESTROY_DATA,
		/** The history holds a failed migration. */
		FAILED_MIGRATION,
		/** The undo script failed (rolled back). */
		SCRIPT_FAILED

	}

	/**
	 * The outcome.
	 *
	 * @param status how it ended
	 * @param fromVersion the version undone (or that would have been)
	 * @param toVersion the version now newest, {@code null} for an empty history
	 * @param undoScript the script's name
	 * @param dataLoss the data the undo drops (dropped, when forced)
	 * @param backup the backup taken before a forced downgrade, or {@code null}
	 * @param message for the operator
	 */
	public record Result(Status status, String fromVersion, String toVersion, String undoScript, List<String> dataLoss,
			Path backup, String message) {

		static Result refused(Status status, MigrationInfo current, String message) {
			return new Result(status, (current != null) ? current.getVersion().getVersion() : null, null, null,
					List.of(), null, message);
		}

		public boolean downgraded() {
			return this.status == Status.DOWNGRADED;
		}

	}

}
