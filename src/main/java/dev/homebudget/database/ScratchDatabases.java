package dev.homebudget.database;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Temporary databases on the application's own server, created and dropped by the
 * application's user, for work that must not touch the real data (verifying a backup by
 * restoring it). Needs the {@code CREATEDB} privilege, which the embedded server's user
 * has.
 */
public final class ScratchDatabases {

	private static final Logger logger = LoggerFactory.getLogger(ScratchDatabases.class);

	private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,40}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final DatabaseUrl url;

	ScratchDatabases(DatabaseUrl url) {
		this.url = url;
	}

	/**
	 * Scratch databases on the server of a {@code DATABASE_URL}-style URL, for tools and
	 * tests that have a URL rather than the application's configuration.
	 */
	public static ScratchDatabases forUrl(String databaseUrl) {
		return new ScratchDatabases(DatabaseUrl.parse(databaseUrl));
	}

	/**
	 * Creates an empty database named {@code <prefix>_<random>}.
	 * @param prefix lower-case letters, digits and underscores
	 * @return the database; close it to drop it
	 * @throws SQLException if the server refuses (for example without CREATEDB)
	 */
	public ScratchDatabase create(String prefix) throws SQLException {
		if (!PREFIX.matcher(prefix).matches()) {
			throw new IllegalArgumentException("Not a plain database name prefix: " + prefix);
		}
		String name = prefix + "_" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36).toLowerCase(Locale.ROOT);
		DataSource server = DatabaseConfiguration.migrationDataSource(this.url);
		try (Connection connection = server.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE \"" + name + "\"");
		}
		logger.info("Created scratch database {}", name);
		return new ScratchDatabase(name, DatabaseConfiguration.migrationDataSource(this.url.withDatabase(name)),
				server);
	}

	/** A database that exists until it is closed. */
	public static final class ScratchDatabase implements AutoCloseable {

		private final String name;

		private final DataSource dataSource;

		private final DataSource server;

		private ScratchDatabase(String name, DataSource dataSource, DataSource server) {
			this.name = name;
			this.dataSource = dataSource;
			this.server = server;
		}

		public String name() {
			return this.name;
		}

		/** Unpooled connections to this database, with the migration timeouts. */
		public DataSource dataSource() {
			return this.dataSource;
		}

		/** Drops the database, disconnecting anyone still on it. */
		@Override
		public void close() throws SQLException {
			try (Connection connection = this.server.getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("DROP DATABASE IF EXISTS \"" + this.name + "\" WITH (FORCE)");
			}
			logger.info("Dropped scratch database {}", this.name);
		}

	}

}
