package dev.homebudget.support;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Test-only queries that are slow or wrong on purpose, run through the app's pool like a
 * real repository (so they are timed and counted like one).
 */
@Repository
public class SeamQueryRepository {

	private final JdbcClient jdbc;

	SeamQueryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Holds a pooled connection for the given time. */
	public void sleep(double seconds) {
		this.jdbc.sql("SELECT pg_sleep(:seconds)").param("seconds", seconds).query().singleValue();
	}

	/** Fails with SQLState 42P01. */
	public void badSql() {
		this.jdbc.sql("SELECT * FROM no_such_table_for_tests").query().listOfRows();
	}

}
