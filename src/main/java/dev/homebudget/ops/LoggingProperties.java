package dev.homebudget.ops;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Logging switches beyond Spring Boot's own ({@code logging.structured.format.console}
 * for JSON).
 *
 * @param sql log each SQL statement (without parameter values) at DEBUG, for development
 * ({@code SQL_LOG})
 */
@ConfigurationProperties("budget.logging")
record LoggingProperties(boolean sql) {

}
