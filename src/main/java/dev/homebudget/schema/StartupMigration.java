package dev.homebudget.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

/**
 * Migrates the schema when the app starts. With the embedded server, or an external
 * database that answers, that happens before the web server opens, and a failure stops
 * startup as before. An external database that cannot be reached does not stop the app:
 * it starts not ready (liveness up, readiness and the API 503), and a background thread
 * retries every 0.1 s to 0.5 s (doubling) until the database answers, then migrates,
 * opens the pool and turns ready. Nothing touches the schema while the database is
 * unreachable.
 */
final class StartupMigration implements FlywayMigrationStrategy, SmartInitializingSingleton, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(StartupMigration.class);

	static final Duration FIRST_RETRY = Duration.ofMillis(100);

	static final Duration MAX_RETRY = Duration.ofMillis(500);

	private static final Duration LOG_EVERY = Duration.ofMinutes(1);

	static final String UNREACHABLE = "cannot connect to the database";

	private final boolean migrateOnStart;

	private final boolean embedded;

	private final MigrationRunner runner;

	private final SchemaState state;

	private final DataSource migrations;

	private final DataSource pool;

	private volatile Thread waiter;

	private volatile boolean stopped;

	StartupMigration(boolean migrateOnStart, boolean embedded, MigrationRunner runner, SchemaState state,
			DataSource migrations, DataSource pool) {
		this.migrateOnStart = migrateOnStart;
		this.embedded = embedded;
		this.runner = runner;
		this.state = state;
		this.migrations = migrations;
		this.pool = pool;
	}

	@Override
	public void migrate(Flyway flyway) {
		if (!this.migrateOnStart) {
			// Commands, or an operator who migrates by hand: the schema is theirs.
			this.state.markReady();
			return;
		}
		if (!this.embedded && !reachable()) {
			this.state.markWaiting(UNREACHABLE);
			log.warn("The database is not reachable; starting without it. Readiness and the API answer 503 until it "
					+ "is, then the schema is migrated");
			Thread thread = new Thread(() -> waitAndMigrate(flyway), "schema-migration");
			thread.setDaemon(true);
			this.waiter = thread;
			thread.start();
			return;
		}
		try {
			migrateNow(flyway);
		}
		catch (RuntimeException ex) {
			this.state.markFailed("migration failed; see the log");
			throw ex;
		}
	}

	/**
	 * With Flyway switched off ({@code spring.flyway.enabled=false}) nothing calls
	 * {@link #migrate}: the schema is then the operator's, as with migrate-on-start off.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		if (this.state.phase() == SchemaState.Phase.STARTING) {
			this.state.markReady();
		}
	}

	private void migrateNow(Flyway flyway) {
		this.state.markMigrating();
		MigrationRunner.Outcome outcome = this.runner.migrate(flyway);
		if (outcome.applied() > 0) {
			log.info("Applied {} migration(s); schema version {}", outcome.applied(), outcome.version());
		}
		openPool();
		this.state.markReady();
	}

	private void waitAndMigrate(Flyway flyway) {
		long started = System.nanoTime();
		long lastLog = started;
		Duration delay = FIRST_RETRY;
		while (!this.stopped) {
			try {
				Thread.sleep(delay.toMillis());
			}
			catch (InterruptedException ex) {
				return;
			}
			delay = (delay.compareTo(MAX_RETRY.dividedBy(2)) > 0) ? MAX_RETRY : delay.multipliedBy(2);
			if (!reachable()) {
				if (System.nanoTime() - lastLog > LOG_EVERY.toNanos()) {
					lastLog = System.nanoTime();
					log.warn("Still waiting for the database after {} s",
							Duration.ofNanos(lastLog - started).toSeconds());
				}
				continue;
			}
			try {
				migrateNow(flyway);
				log.info("The database answered after {} ms; schema migrated, the app is ready",
						Duration.ofNanos(System.nanoTime() - started).toMillis());
				return;
			}
			catch (RuntimeException ex) {
				if (DatabaseReachability.isUnreachable(ex)) {
					this.state.markWaiting(UNREACHABLE);
					continue;
				}
				this.state.markFailed("migration failed; see the log");
				log.error("The schema migration failed; the app stays not ready until the cause is fixed and it is "
						+ "restarted", ex);
				return;
			}
		}
	}

	/**
	 * Whether a connection opens; other failures than an unreachable server (a wrong
	 * password) count as reachable, so that the migration reports them.
	 */
	private boolean reachable() {
		try (Connection connection = this.migrations.getConnection()) {
			return true;
		}
		catch (SQLException ex) {
			if (DatabaseReachability.isUnreachable(ex)) {
				log.debug("Database not reachable: [{}] {}", ex.getSQLState(), ex.getMessage());
				return false;
			}
			return true;
		}
	}

	/**
	 * The pool starts lazily; start it now, while the database is known to answer. A
	 * statement, because the app's DataSource hands out connections lazily too.
	 */
	private void openPool() {
		try (Connection connection = this.pool.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("SELECT 1");
			log.debug("Connection pool open");
		}
		catch (SQLException ex) {
			log.warn("Could not open the connection pool yet: [{}] {}", ex.getSQLState(), ex.getMessage());
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		this.stopped = true;
		Thread thread = this.waiter;
		if (thread != null) {
			thread.interrupt();
			thread.join(Duration.ofSeconds(5).toMillis());
		}
	}

}
