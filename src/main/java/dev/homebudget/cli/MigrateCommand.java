package dev.homebudget.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import dev.homebudget.schema.MigrationRunner;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Applies pending schema migrations, or prints their SQL with {@code --dry-run}. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
		description = { "Apply pending schema migrations (the app also does this at startup).",
				"A database that holds data is backed up first (budget.backup.before-migrate)." })
class MigrateCommand implements Callable<Integer> {

	@Option(names = "--dry-run", description = "Print the SQL of the pending migrations; change nothing.")
	boolean dryRun;

	@Override
	public Integer call() {
		try (CommandContext context = CommandContext.start()) {
			Flyway flyway = context.flyway();
			if (this.dryRun) {
				MigrationInfo[] pending = flyway.info().pending();
				if (pending.length == 0) {
					System.out.println("-- No pending migrations.");
				}
				for (MigrationInfo migration : pending) {
					System.out.println("-- Migration " + migration.getVersion() + ": " + migration.getDescription()
							+ " (" + migration.getScript() + ")");
					System.out.println(script(migration.getScript()));
				}
				return 0;
			}
			MigrationRunner.Outcome outcome = context.bean(MigrationRunner.class).migrate(flyway);
			if (outcome.backup() != null) {
				System.out.println("Backed up the data first: " + outcome.backup());
			}
			System.out.println(
					"Applied " + outcome.applied() + " migration(s); schema version is now " + outcome.version() + ".");
			return 0;
		}
	}

	static String script(String name) {
		try (InputStream in = MigrateCommand.class.getResourceAsStream("/db/migration/" + name)) {
			if (in == null) {
				throw new IllegalStateException("Migration script " + name + " is not on the classpath");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
