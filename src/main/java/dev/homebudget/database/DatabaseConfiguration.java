package dev.homebudget.database;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

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

	/** pgjdbc settings; a parameter in the user's own URL wins over these. */
	static final Map<String, String> DRIVER_DEFAULTS;

	static {
		Map<String, String> defaults = new LinkedHashMap<>();
		defaults.put("connectTimeout", "3");
		defaults.put("loginTimeout", "5");
		// Above statement_timeout, so the server reports a slow statement first.
		defaults.put("socketTimeout", "30");
		defaults.put("tcpKeepAlive", "true");
		defaults.put("ApplicationName", "home-budget-web");
		defaults.put("options",
				"-c statement_timeout=5000 -c lock_timeout=2000 -c idle_in_transaction_session_timeout=30000");
		DRIVER_DEFAULTS = Map.copyOf(defaults);
	}

	@Bean(destroyMethod = "close")
	DatabaseServer databaseServer(DatabaseProperties properties) {
		return DatabaseServer.start(properties);
	}

	@Bean
	ActiveDatabase activeDatabase(DatabaseServer databaseServer) {
		return databaseServer.describe();
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(DatabaseServer databaseServer, DatabaseProperties properties) {
		HikariConfig config = hikariConfig(databaseServer.url(), properties.poolSize());
		if (properties.connectionTimeout() != null) {
			config.setConnectionTimeout(properties.connectionTimeout().toMillis());
		}
		return new HikariDataSource(config);
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
