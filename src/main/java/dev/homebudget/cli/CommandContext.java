package dev.homebudget.cli;

import java.util.Map;

import javax.sql.DataSource;

import dev.homebudget.HomeBudgetApplication;
import dev.homebudget.database.TransactionSettings;
import dev.homebudget.schema.MigrationRunner;
import org.flywaydb.core.Flyway;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application without its web server and without automatic migration, for one
 * command. It uses the same database settings as the app (DATABASE_URL or the embedded
 * server).
 */
final class CommandContext implements AutoCloseable {

	/**
	 * Commands inspect or change the schema themselves, so the context they start must
	 * not migrate on its own (see {@code dev.homebudget.schema.SchemaConfiguration}).
	 */
	static final String MIGRATE_ON_START = "budget.database.migrate-on-start";

	/**
	 * A command is not the running app: it never works off the repair journal in the
	 * background ({@code repair} does it in the foreground).
	 */
	static final String SELF_REPAIR = "budget.storage.self-repair";

	private final ConfigurableApplicationContext context;

	private CommandContext(ConfigurableApplicationContext context) {
		this.context = context;
	}

	static CommandContext start() {
		return start(new String[0]);
	}

	/**
	 * As {@link #start()}, with arguments that override every other property source
	 * (environment variables included), as {@code --name=value} on the app's command line
	 * would.
	 */
	static CommandContext start(String... overrides) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(HomeBudgetApplication.class)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties(MIGRATE_ON_START + "=false", SELF_REPAIR + "=false", "spring.main.banner-mode=off",
					"logging.level.root=${HBW_LOG_LEVEL:WARN}")
			.run(overrides);
		return new CommandContext(context);
	}

	DataSource dataSource() {
		return this.context.getBean(DataSource.class);
	}

	/**
	 * The settings a read-write transaction of this command starts with (the history's
	 * "from the command line"), for work on a connection of its own.
	 */
	Map<String, String> writeSettings() {
		TransactionSettings settings = this.context.getBeanProvider(TransactionSettings.class).getIfAvailable();
		return (settings != null) ? settings.forWriteTransaction() : Map.of();
	}

	<T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	/**
	 * Applies pending schema migrations as the app does at startup (a database that holds
	 * data is backed up first), and says so when there were any: commands that read or
	 * write the app's tables call this first, so that each works on a new data directory.
	 */
	void migrate() {
		MigrationRunner.Outcome migrated = bean(MigrationRunner.class).migrate(flyway());
		if (migrated.applied() > 0) {
			System.out.println("Applied " + migrated.applied() + " migration(s); schema version is now "
					+ migrated.version() + ".");
		}
	}

	/** The app's own Flyway, configured exactly as at startup. */
	Flyway flyway() {
		return this.context.getBean(Flyway.class);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
