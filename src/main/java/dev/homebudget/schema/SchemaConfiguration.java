package dev.homebudget.schema;

import javax.sql.DataSource;

import dev.homebudget.database.ActiveDatabase;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The startup migration. {@code budget.database.migrate-on-start=false} (what
 * {@code ./hbw} commands use) keeps Flyway configured (readiness and the commands use it)
 * but applies nothing at startup.
 */
@Configuration(proxyBeanMethods = false)
class SchemaConfiguration {

	@Bean
	StartupMigration startupMigration(@Value("${budget.database.migrate-on-start:true}") boolean migrateOnStart,
			ActiveDatabase database, MigrationRunner runner, SchemaState state, @FlywayDataSource DataSource migrations,
			DataSource pool) {
		return new StartupMigration(migrateOnStart, database.embedded(), runner, state, migrations, pool);
	}

}
