package dev.homebudget.support;

import java.sql.DriverManager;

// TEMPORARY stub until the embedded launcher lands: points at a hand-started cluster.
public final class TestDatabase {

	private TestDatabase() {
	}

	public static synchronized String jdbcUrl(String database) {
		try (var c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:54329/postgres?user=postgres");
				var s = c.createStatement()) {
			var rs = s.executeQuery("select 1 from pg_database where datname = '" + database + "'");
			if (!rs.next()) {
				s.execute("create database " + database);
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return "jdbc:postgresql://127.0.0.1:54329/" + database + "?user=postgres";
	}

}
