package dev.homebudget.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.homebudget.config.StorageMode;
import dev.homebudget.transition.StorageRepair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Replays the repair journal: copies the primary store's current state of every record
 * whose write may not have reached the mirror.
 */
@Command(name = "repair", mixinStandardHelpOptions = true,
		description = {
				"Copy writes that did not reach the mirror store (the open repair journal entries) from the "
						+ "primary store, then mark them resolved.",
				"Runs in the storage phase set by FF_USE_DATABASE_STORAGE / FF_DUAL_WRITE_ENABLED (P1: JSON to "
						+ "PostgreSQL, P2: PostgreSQL to JSON). Idempotent. Exits 1 if any entry still fails." })
class RepairCommand implements Callable<Integer> {

	@Option(names = "--json-dir", paramLabel = "DIR",
			description = "Directory of expenses.json and incomes.json (default: budget.storage.json-directory, ./data/json)")
	Path jsonDirectory;

	@Override
	public Integer call() {
		String[] arguments = (this.jsonDirectory != null)
				? new String[] { "--budget.storage.json-directory=" + this.jsonDirectory } : new String[0];
		try (CommandContext context = CommandContext.start(arguments)) {
			StorageMode mode = context.bean(StorageMode.class);
			System.out.println("Storage phase " + mode.summary());
			if (!mode.phase().hasMirror()) {
				System.out.println("This phase has no mirror store: nothing to repair.");
				return 0;
			}
			context.migrate();
			StorageRepair.Report report = context.bean(StorageRepair.class).run();
			System.out.println("Repair journal: " + report.journal());
			if (report.lines().isEmpty()) {
				System.out.println("No open entries: the mirror holds every write.");
				return 0;
			}
			report.lines().forEach((line) -> System.out.println("  " + line));
			System.out
				.println(
						"Repaired " + report.repaired() + " of " + report.lines().size() + " entries"
								+ ((report.failed() > 0) ? "; " + report.failed()
										+ " still failing, run again once the mirror " + "store is reachable" : "")
								+ ".");
			return (report.failed() > 0) ? 1 : 0;
		}
	}

}
