package dev.homebudget.database;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Database settings.
 *
 * @param url external database ({@code DATABASE_URL}); blank to run the embedded server
 * @param poolSize maximum number of pooled connections ({@code POOL_SIZE}), 1 to 100
 * @param embedded settings of the embedded server
 * @param connectionTimeout how long a request waits for a pooled connection before it
 * gets a 503 ({@code DB_CONNECTION_TIMEOUT}); short, because a user is waiting
 */
@ConfigurationProperties("budget.database")
public record DatabaseProperties(String url, @DefaultValue("5") int poolSize, @DefaultValue Embedded embedded,
		@DefaultValue("3s") Duration connectionTimeout) {

	static final int MAX_POOL_SIZE = 100;

	public DatabaseProperties {
		if (poolSize < 1 || poolSize > MAX_POOL_SIZE) {
			throw new IllegalArgumentException("budget.database.pool-size (POOL_SIZE) must be between 1 and "
					+ MAX_POOL_SIZE + ", but is " + poolSize);
		}
		// HikariCP refuses less than 250 ms.
		if (connectionTimeout != null && connectionTimeout.toMillis() < 250) {
			throw new IllegalArgumentException(
					"budget.database.connection-timeout must be at least 250ms, but is " + connectionTimeout);
		}
	}

	boolean usesEmbeddedServer() {
		return this.url == null || this.url.isBlank();
	}

	/**
	 * Settings of the embedded server.
	 *
	 * @param dataDirectory cluster location ({@code BUDGET_DATA_DIR}), kept across
	 * restarts
	 * @param port TCP port on 127.0.0.1; 0 picks a free port at each start
	 * @param osUser unprivileged account running the server when the JVM runs as root
	 * @param databaseName the application's database
	 */
	public record Embedded(@DefaultValue("./data/postgres") Path dataDirectory, @DefaultValue("0") int port,
			@DefaultValue("nobody") String osUser, @DefaultValue("budget") String databaseName) {

		EmbeddedPostgresSettings toSettings() {
			return new EmbeddedPostgresSettings(this.dataDirectory, this.port, this.osUser, this.databaseName, null,
					null);
		}

	}

}
