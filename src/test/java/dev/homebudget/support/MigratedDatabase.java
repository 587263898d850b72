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

	public static void truncate(DataSource dataSource, String... tables) {
		JdbcClient jdbc = JdbcClient.create(dataSource);
		for (String table : tables) {
			jdbc.sql("TRUNCATE " + table + " RESTART IDENTITY CASCADE").update();
		}
	}

}
