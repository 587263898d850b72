package dev.homebudget.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import dev.homebudget.transition.transfer.Reconciler;
import dev.homebudget.transition.transfer.Reconciliation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The JSON files against PostgreSQL, record by record (see {@link Reconciler}). */
@Command(name = "reconcile", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Compare the JSON files with PostgreSQL record by record and print both sides' fingerprints.",
				"Prints '0 mismatches over N', or each mismatch with table, id and kind: missing_in_database, "
						+ "missing_in_json, different (with the fields), unreadable_in_json (with the reason).",
				"Reads the files without locking them, so it runs beside an app in a dual-write phase.",
				"Applies pending schema migrations first." },
		exitCodeListHeading = "%nExit codes:%n", exitCodeList = { "0:no mismatches", "1:mismatches (listed)",
				"2:could not run (bad option, unreadable JSON file, database unreachable)" })
class ReconcileCommand implements Callable<Integer> {

	@Option(names = "--json-dir", paramLabel = "DIR",
			description = "Directory of expenses.json and incomes.json (default: budget.storage.json-directory, ./data/json)")
	Path jsonDirectory;

	@Option(names = "--limit", paramLabel = "N", defaultValue = "100",
			description = "Print at most N mismatches (default: ${DEFAULT-VALUE}); all are counted")
	int limit;

	@Override
	public Integer call() {
		if (this.limit < 0) {
			System.err.println("--limit must be 0 or more");
			return CommandSupport.FAILED;
		}
		return CommandSupport.withDatabase((context) -> {
			context.migrate();
			Path directory = CommandSupport.jsonDirectory(context, this.jsonDirectory);
			long started = System.nanoTime();
			Reconciliation reconciliation = new Reconciler(context.dataSource()).reconcile(directory);
			int status = print(reconciliation, this.limit, System.out);
			System.out.println("Compared in " + (System.nanoTime() - started) / 1_000_000 + " ms.");
			return status;
		});
	}

	static int print(Reconciliation reconciliation, int limit, PrintStream out) {
		for (Reconciliation.LedgerComparison ledger : reconciliation.ledgers()) {
			out.printf("%s: %s %s, %d row(s) in the database%n", ledger.table(), ledger.json().file(),
					ledger.json().present()
							? ledger.json().entries().size() + " record(s)"
									+ (ledger.json().rejections().isEmpty() ? ""
											: " and " + ledger.json().rejections().size() + " unreadable")
							: "(not present: an empty ledger)",
					ledger.databaseRows());
			CommandSupport.printFingerprints(out, ledger.table(), "JSON", ledger.jsonFingerprint(), "database",
					ledger.databaseFingerprint());
		}
		ImportJsonCommand.printNormalised(
				reconciliation.ledgers().stream().map(Reconciliation.LedgerComparison::json).toList(), out,
				"compared as");
		List<Reconciliation.Mismatch> mismatches = reconciliation.mismatches();
		mismatches.stream().limit(limit).forEach((mismatch) -> out.println(mismatch));
		if (mismatches.size() > limit) {
			out.println("... and " + (mismatches.size() - limit) + " more (raise --limit to see them)");
		}
		out.println(mismatches.size() + " mismatch" + ((mismatches.size() == 1) ? "" : "es") + " over "
				+ reconciliation.compared());
		return mismatches.isEmpty() ? CommandSupport.OK : CommandSupport.ATTENTION;
	}

}
