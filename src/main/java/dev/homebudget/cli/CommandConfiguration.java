package dev.homebudget.cli;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Commands inspect or change the schema themselves, so the application context they start
 * must not migrate on its own: {@code budget.database.migrate-on-start=false} keeps
 * Flyway configured (readiness and the commands use it) but applies nothing at startup.
 */
@Configuration(proxyBeanMethods = false)
class CommandConfiguration {

	static final String MIGRATE_ON_START = "budget.database.migrate-on-start";

	@Bean
	@ConditionalOnProperty(name = MIGRATE_ON_START, havingValue = "false")
	FlywayMigrationStrategy doNotMigrateOnStart() {
		return (flyway) -> {
		};
	}

}
