package dev.homebudget.database;

/**
 * The database the pool connects to: either an external server named by
 * {@code DATABASE_URL} or the embedded one, which this bean starts and stops. The
 * {@code DataSource} depends on it, so the pool is closed before the server stops.
 */
final class DatabaseServer implements AutoCloseable {

	private final DatabaseUrl url;

	private final EmbeddedPostgres embedded;

	private DatabaseServer(DatabaseUrl url, EmbeddedPostgres embedded) {
		this.url = url;
		this.embedded = embedded;
	}

	static DatabaseServer start(DatabaseProperties properties) {
		if (!properties.usesEmbeddedServer()) {
			return new DatabaseServer(DatabaseUrl.parse(properties.url()), null);
		}
		EmbeddedPostgresSettings settings = properties.embedded().toSettings();
		EmbeddedPostgres embedded = EmbeddedPostgres.start(settings);
		return new DatabaseServer(DatabaseUrl.of("127.0.0.1", embedded.port(), settings.databaseName(),
				embedded.username(), embedded.password()), embedded);
	}

	DatabaseUrl url() {
		return this.url;
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
