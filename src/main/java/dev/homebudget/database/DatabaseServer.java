package dev.homebudget.database;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database the pool connects to: either an external server named by
 * {@code DATABASE_URL} or the embedded one, which this bean starts and stops. The
 * {@code DataSource} depends on it, so the pool is closed before the server stops.
 */
final class DatabaseServer implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseServer.class);

	/**
	 * Longer than Spring's default graceful shutdown phase (30 s), so requests still
	 * being served at exit keep their database.
	 */
	static final Duration SHUTDOWN_HOOK_DELAY = Duration.ofSeconds(40);

	private final DatabaseUrl url;

	private final EmbeddedPostgres embedded;

	private DatabaseServer(DatabaseUrl url, EmbeddedPostgres embedded) {
		this.url = url;
		this.embedded = embedded;
	}

	static DatabaseServer start(DatabaseProperties properties) {
		if (!properties.usesEmbeddedServer()) {
			DatabaseUrl url = DatabaseUrl.parse(properties.url());
			logger.info("Using the external PostgreSQL database {}", url.safeJdbcUrl());
			return new DatabaseServer(url, null);
		}
		EmbeddedPostgresSettings settings = properties.embedded().toSettings();
		EmbeddedPostgres embedded = EmbeddedPostgres.start(settings);
		embedded.deferShutdownHook(SHUTDOWN_HOOK_DELAY);
		return new DatabaseServer(DatabaseUrl.of("127.0.0.1", embedded.port(), settings.databaseName(),
				embedded.username(), embedded.password()), embedded);
	}

	DatabaseUrl url() {
		return this.url;
	}

	/** The embedded server this bean started, or null with an external database. */
	EmbeddedPostgres embedded() {
		return this.embedded;
	}

	ActiveDatabase describe() {
		return new ActiveDatabase(this.embedded != null, this.url.displayUrl(),
				(this.embedded != null) ? this.embedded.dataDirectory() : null);
	}

	@Override
	public void close() {
		if (this.embedded != null) {
			this.embedded.close();
		}
	}

}
