package dev.homebudget.support;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A PostgreSQL database of its own for tests that need no Spring context (repositories,
 * migrations), migrated with the application's Flyway scripts.
 */
public final class MigratedDatabase {

	private MigratedDatabase() {
	}

	public static DataSource dataSource(String database) {
		return TestDatabase.dataSource(database);
	}

	public static DataSource migrated(String database) {
		DataSource dataSource = dataSource(database);
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		return dataSource;
	}

	/**
	 * Migrates up to and including version {@code target}, as a release before would
	 * have.
	 */
	public static void migrate(DataSource dataSource, String target) {
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(target).load().migrate();
	}

	/**
	 * A table's row count and a digest of the given columns of every row in id order:
	 * equal before and after a migration when no row and no value changed.
	 */
	public static String rows(JdbcClient jdbc, String table, String columns) {
		return jdbc
			.sql("SELECT count(*) || ' ' || md5(string_agg(concat_ws(',', " + columns + "), '|' ORDER BY id)) FROM "
					+ table)
			.query(String.class)
			.single();
	}

	public static void truncate(DataSource dataSource, String... tables) {
		JdbcClient jdbc = JdbcClient.create(dataSource);
		for (String table : tables) {
			jdbc.sql("TRUNCATE " + table + " RESTART IDENTITY CASCADE").update();
		}
	}

}
