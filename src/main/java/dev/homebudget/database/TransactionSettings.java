package dev.homebudget.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

/**
 * Transaction-local PostgreSQL settings every read-write transaction starts with (who
 * writes, from where, in which request), for triggers to read with
 * {@code current_setting(name, true)}. A port: the module that knows the caller (history)
 * implements it; infrastructure knows nothing of users.
 */
public interface TransactionSettings {

	/**
	 * The settings for a read-write transaction beginning on this thread; empty for none
	 * (then no statement is sent).
	 */
	Map<String, String> forWriteTransaction();

	/**
	 * Sets {@code values} on a connection for its whole session, for work that commits
	 * several transactions on one connection of its own (a JSON import's batches);
	 * {@link #clear} takes them off before the connection goes back to the pool.
	 */
	static void applyToSession(Connection connection, Map<String, String> values) throws SQLException {
		for (Map.Entry<String, String> value : values.entrySet()) {
			set(connection, value.getKey(), value.getValue());
		}
	}

	/** Takes the settings of {@link #applyToSession} off a connection. */
	static void clear(Connection connection, Map<String, String> values) throws SQLException {
		for (String name : values.keySet()) {
			set(connection, name, "");
		}
	}

	private static void set(Connection connection, String name, String value) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT set_config(?, ?, false)")) {
			statement.setString(1, name);
			statement.setString(2, value);
			statement.execute();
		}
	}

}
