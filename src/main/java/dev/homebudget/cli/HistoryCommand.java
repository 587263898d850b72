package dev.homebudget.cli;

import java.util.concurrent.Callable;

import org.flywaydb.core.api.MigrationInfo;
import picocli.CommandLine.Command;

/** The migrations applied to the database, oldest first. */
@Command(name = "history", mixinStandardHelpOptions = true, description = "List the applied schema migrations.")
class HistoryCommand implements Callable<Integer> {

	@Override
	public Integer call() {
		try (CommandContext context = CommandContext.start()) {
			System.out.printf("%-8s %-10s %-25s %s%n", "version", "state", "installed on", "description");
			for (MigrationInfo migration : context.flyway().info().applied()) {
				System.out.printf("%-8s %-10s %-25s %s%n", migration.getVersion(),
						migration.getState().getDisplayName(), migration.getInstalledOn(), migration.getDescription());
			}
			return 0;
		}
	}

}
