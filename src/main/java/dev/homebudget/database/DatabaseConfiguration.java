package dev.homebudget.database;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import java.util.Properties;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's {@code DataSource}. Defining it makes Spring Boot's DataSource
 * auto-configuration back off, and Flyway migrates through it.
 * <p>
 * Timeouts follow the project's ladder: each layer gives up before the one above it, so a
 * hung or vanished server turns into a fast error instead of a stuck request.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

	static final String POOL_NAME = "home-budget";

	/** Server side: a statement may run this long. */
	static final int STATEMENT_TIMEOUT_MS = 5000;

	/** Server side: a statement may wait this long for a lock (below the above). */
	static final int LOCK_TIMEOUT_MS = 2000;

	/**
	 * Client side: how long the driver waits for the server to answer at all. A little
	 * above statement_timeout, so a slow statement is reported by the server first, and a
	 * frozen or unreachable server (which cannot report anything) costs a request this
	 * long rather than a hang.
	 */
	static final int SOCKET_TIMEOUT_SECONDS = 7;

	/** pgjdbc settings; a parameter in the user's own URL wins over these. */
	static final Map<String, String> DRIVER_DEFAULTS;

	static {
		Map<String, String> defaults = new LinkedHashMap<>();
		defaults.put("connectTimeout", "3");
		defaults.put("loginTimeout", "5");
		defaults.put("socketTimeout", Integer.toString(SOCKET_TIMEOUT_SECONDS));
		defaults.put("tcpKeepAlive", "true");
		defaults.put("ApplicationName", "home-budget-web");
		defaults.put("options", "-c statement_timeout=" + STATEMENT_TIMEOUT_MS + " -c lock_timeout=" + LOCK_TIMEOUT_MS
				+ " -c idle_in_transaction_session_timeout=30000");
		DRIVER_DEFAULTS = Map.copyOf(defaults);
	}

	/**
	 * pgjdbc settings of migration connections; a parameter in the user's own URL wins.
	 */
	static final Map<String, String> MIGRATION_DRIVER_SETTINGS = Map.of("connectTimeout", "3", "loginTimeout", "5",
			"tcpKeepAlive", "true", "ApplicationName", "home-budget-web-migrations", "options",
			"-c statement_timeout=3600000 -c lock_timeout=10000");

	@Bean(destroyMethod = "close")
	DatabaseServer databaseServer(DatabaseProperties properties) {
		return EarlyDatabaseStart.take(properties).orElseGet(() -> DatabaseServer.start(properties));
	}

	/**
	 * Starts the embedded server again when it dies; with an external database it watches
	 * nothing.
	 */
	@Bean
	EmbeddedPostgresSupervisor embeddedPostgresSupervisor(DatabaseServer databaseServer,
			@Value("${budget.database.embedded.restart-attempts:5}") int restartAttempts,
			ObjectProvider<MeterRegistry> meters) {
		if (restartAttempts < 1) {
			throw new IllegalArgumentException(
					"budget.database.embedded.restart-attempts must be at least 1, but is " + restartAttempts);
		}
		return new EmbeddedPostgresSupervisor(databaseServer.embedded(), restartAttempts,
				meters.getIfAvailable(SimpleMeterRegistry::new));
	}

	@Bean
	ActiveDatabase activeDatabase(DatabaseServer databaseServer) {
		return databaseServer.describe();
	}

	/**
	 * The pool starts on its first use rather than here, so the app can start while an
	 * external database is unreachable. The startup migration opens it once the database
	 * answers; a pool started against a dead server would keep retrying with a backoff of
	 * up to 5 s and delay readiness by as much after the server is back.
	 */
	@Bean(destroyMethod = "close")
	HikariDataSource connectionPool(DatabaseServer databaseServer, DatabaseProperties properties) {
		HikariConfig config = hikariConfig(databaseServer.url(), properties.poolSize());
		if (properties.connectionTimeout() != null) {
			config.setConnectionTimeout(properties.connectionTimeout().toMillis());
		}
		HikariDataSource dataSource = new HikariDataSource();
		config.copyStateTo(dataSource);
		return dataSource;
	}

	/**
	 * The pool, handing out its connection on the first statement rather than when a
	 * transaction begins. A {@code @Transactional} use case that does not touch the
	 * database (reads and writes of the JSON files in storage phases P0 and P1) then
	 * never waits for a connection, and keeps working while the database is down.
	 */
	@Bean
	@Primary
	DataSource dataSource(HikariDataSource connectionPool) {
		LazyConnectionDataSourceProxy lazy = new LazyConnectionDataSourceProxy(connectionPool);
		// Known up front: otherwise the proxy fetches a connection to find them out.
		lazy.setDefaultAutoCommit(true);
		lazy.setDefaultTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
		return lazy;
	}

	/**
	 * Migrations run on their own unpooled connections with the migration rung of the
	 * ladder: a long statement timeout (an index build may take minutes) but a short lock
	 * timeout, so a migration never waits long behind the app's locks. The pool's 5 s
	 * statement timeout would cancel a legitimate long migration.
	 */
	@Bean
	@FlywayDataSource
	DataSource flywayDataSource(DatabaseServer databaseServer) {
		return migrationDataSource(databaseServer.url());
	}

	@Bean
	ScratchDatabases scratchDatabases(DatabaseServer databaseServer) {
		return new ScratchDatabases(databaseServer.url());
	}

	static DataSource migrationDataSource(DatabaseUrl url) {
		Properties properties = new Properties();
		if (url.username() != null) {
			properties.setProperty("user", url.username());
		}
		if (url.password() != null) {
			properties.setProperty("password", url.password());
		}
		MIGRATION_DRIVER_SETTINGS.forEach((name, value) -> {
			if (!url.hasParameter(name)) {
				properties.setProperty(name, value);
			}
		});
		return new SimpleDriverDataSource(new org.postgresql.Driver(), url.jdbcUrl(), properties);
	}

	static HikariConfig hikariConfig(DatabaseUrl url, int poolSize) {
		HikariConfig config = new HikariConfig();
		config.setPoolName(POOL_NAME);
		config.setDriverClassName("org.postgresql.Driver");
		config.setJdbcUrl(url.jdbcUrl());
		config.setUsername(url.username());
		config.setPassword(url.password());
		config.setMaximumPoolSize(poolSize);
		config.setConnectionTimeout(TimeUnit.SECONDS.toMillis(3));
		config.setKeepaliveTime(TimeUnit.MINUTES.toMillis(2));
		config.setMaxLifetime(TimeUnit.MINUTES.toMillis(30));
		DRIVER_DEFAULTS.forEach((name, value) -> {
			if (!url.hasParameter(name)) {
				config.addDataSourceProperty(name, value);
			}
		});
		return config;
	}

}
