package dev.homebudget.ops;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.annotation.Configuration;

/**
 * Applies {@code budget.logging.sql}. Spring's {@code JdbcTemplate} (under every
 * {@code JdbcClient}) logs the SQL text at DEBUG and parameter values only at TRACE, so
 * DEBUG on that one logger shows the statements and never the data in them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoggingProperties.class)
class LoggingConfiguration {

	static final String SQL_LOGGER = "org.springframework.jdbc.core.JdbcTemplate";

	LoggingConfiguration(LoggingProperties properties, LoggingSystem loggingSystem) {
		if (properties.sql()) {
			loggingSystem.setLogLevel(SQL_LOGGER, LogLevel.DEBUG);
		}
	}

}
