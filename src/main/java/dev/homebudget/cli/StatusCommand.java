package dev.homebudget.cli;

import java.util.concurrent.Callable;

import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import picocli.CommandLine.Command;

/** The schema version of the database and what is pending. */
@Command(name = "status", mixinStandardHelpOptions = true,
		description = "Show the database's schema version and pending migrations.")
class StatusCommand implements Callable<Integer> {

	@Override
	public Integer call() {
		try (CommandContext context = CommandContext.start()) {
			MigrationInfoService info = context.flyway().info();
			MigrationInfo current = info.current();
			System.out.println("Schema version: " + ((current == null) ? "none (empty database)"
					: current.getVersion() + " (" + current.getDescription() + ")"));
			MigrationInfo[] pending = info.pending();
			System.out.println("Pending migrations: " + pending.length);
			for (MigrationInfo migration : pending) {
				System.out.println("  " + migration.getVersion() + "  " + migration.getDescription());
			}
			return 0;
		}
	}

}
