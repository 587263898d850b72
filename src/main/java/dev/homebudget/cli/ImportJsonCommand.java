package dev.homebudget.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import dev.homebudget.transition.JsonLedgerFormat;
import dev.homebudget.transition.transfer.JsonImporter;
import dev.homebudget.transition.transfer.LedgerSnapshot;
import dev.homebudget.transition.transfer.Reconciliation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The JSON files into PostgreSQL (see {@link JsonImporter}), with a report an operator
 * can act on.
 */
@Command(name = "import-json", mixinStandardHelpOptions = true, sortOptions = false,
		description = {
				"Copy the JSON files (expenses.json, incomes.json) into PostgreSQL, keeping ids and exact amounts.",
				"Idempotent and resumable: run it again after a failure or a kill.",
				"A record that differs in the database is overwritten from the file (the JSON files are the source of "
						+ "truth during the import); rows only in the database are kept and listed.",
				"Rejected records are reported with id and reason, and the valid ones are imported (use "
						+ "--all-or-nothing to write nothing then).",
				"Applies pending schema migrations first. The JSON directory is locked for the run: stop an app that "
						+ "uses it first." },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:done; the JSON files and the database agree",
				"1:done, but records were rejected or rows are only in the database (listed)",
				"2:could not run (bad option, unreadable JSON file, locked directory, database unreachable)" })
class ImportJsonCommand implements Callable<Integer> {

	private static final int LISTED = 20;

	@Option(names = "--json-dir", paramLabel = "DIR",
			description = "Directory of expenses.json and incomes.json (default: budget.storage.json-directory, ./data/json)")
	Path jsonDirectory;

	@Option(names = "--batch-size", paramLabel = "N", defaultValue = "" + JsonImporter.Options.DEFAULT_BATCH_SIZE,
			description = "Records per batch and checkpoint (default: ${DEFAULT-VALUE})")
	int batchSize;

	@Option(names = "--dry-run", description = "Only say what would be inserted, updated and rejected")
	boolean dryRun;

	@Option(names = "--all-or-nothing", description = "Write nothing when any record is rejected")
	boolean allOrNothing;

	@Option(names = "--delete-missing",
			description = "Also delete rows whose id is in neither file, making the tables an exact copy (for a return to"
					+ " dual-write after running on the JSON files alone)")
	boolean deleteMissing;

	@Override
	public Integer call() {
		if (this.batchSize < 1) {
			System.err.println("--batch-size must be at least 1");
			return CommandSupport.FAILED;
		}
		JsonImporter.Options options = new JsonImporter.Options(this.batchSize, this.dryRun, this.allOrNothing,
				this.deleteMissing);
		return CommandSupport.withDatabase((context) -> {
			if (this.dryRun) {
				if (!CommandSupport.schemaCurrent(context)) {
					return CommandSupport.FAILED;
				}
			}
			else {
				context.migrate();
			}
			Path directory = CommandSupport.jsonDirectory(context, this.jsonDirectory);
			JsonImporter.Report report = new JsonImporter(context.dataSource(), context.writeSettings())
				.importFrom(directory, options, ImportProgress.onStandardError());
			return print(report, System.out);
		});
	}

	private static String ids(List<Integer> ids) {
		String listed = String.join(", ", ids.stream().limit(LISTED).map(String::valueOf).toList());
		return (ids.size() > LISTED) ? listed + " and " + (ids.size() - LISTED) + " more" : listed;
	}

	private static String firstOf(List<?> listed) {
		return (listed.size() > LISTED) ? ", the first " + LISTED + ":" : ":";
	}

	/**
	 * The amounts written with float noise ({@code 8.299999999999999}) that were read as
	 * the cent they stand for: listed, so the normalisation is never silent.
	 */
	static void printNormalised(List<LedgerSnapshot> files, PrintStream out, String verb) {
		long count = files.stream().mapToLong((file) -> file.normalisations().size()).sum();
		if (count == 0) {
			return;
		}
		out.println("Normalised amounts (float noise within 1e-9 of a cent, " + verb + " that cent): " + count
				+ ((count > LISTED) ? ", the first " + LISTED + ":" : ":"));
		files.stream()
			.flatMap((file) -> file.normalisations()
				.stream()
				.map((normalisation) -> "  " + file.ledger().fileName() + " " + normalisation))
			.limit(LISTED)
			.forEach(out::println);
	}

	static int print(JsonImporter.Report report, PrintStream out) {
		if (report.outcome() == JsonImporter.Outcome.REFUSED) {
			out.println(
					"Nothing was written: records were rejected and --all-or-nothing was given. An import would do this:");
		}
		else if (report.outcome() == JsonImporter.Outcome.DRY_RUN) {
			out.println("Dry run: nothing was written. An import would do this:");
		}
		String insertedWord = report.written() ? "inserted" : "to insert";
		String updatedWord = report.written() ? "updated" : "to update";
		String deletedWord = report.written() ? "deleted" : "to delete";
		for (JsonImporter.LedgerResult result : report.ledgers()) {
			String file = result.json().ledger().fileName();
			if (!result.json().present()) {
				out.println(file + ": not present, imported as an empty ledger");
				continue;
			}
			out.printf("%s: %d record(s): %d %s, %d %s, %d unchanged, %d rejected%n", file,
					result.json().entries().size() + result.json().rejections().size(), result.inserted(), insertedWord,
					result.updated(), updatedWord, result.unchanged(), result.json().rejections().size());
			if (!result.deleted().isEmpty()) {
				out.println("  " + result.deleted().size() + " row(s) only in the database " + deletedWord + ": ids "
						+ ids(result.deleted()));
			}
			if (result.note() != null) {
				out.println("  " + result.note());
			}
		}
		if (report.rejected() > 0) {
			out.println("Rejected records (not imported; fix them in the file, then run import-json again):");
			for (JsonImporter.LedgerResult result : report.ledgers()) {
				for (JsonLedgerFormat.Rejection rejection : result.json().rejections()) {
					out.println("  " + result.json().ledger().fileName() + " " + rejection);
				}
			}
		}
		printNormalised(report.ledgers().stream().map(JsonImporter.LedgerResult::json).toList(), out,
				report.written() ? "imported as" : "to import as");
		List<Reconciliation.Mismatch> onlyInDatabase = report.onlyInDatabase();
		if (!onlyInDatabase.isEmpty()) {
			out.println("Only in the database (kept: --delete-missing deletes them; ./hbw reconcile lists them all): "
					+ onlyInDatabase.size() + " row(s)" + firstOf(onlyInDatabase));
			onlyInDatabase.stream().limit(LISTED).forEach((mismatch) -> out.println("  " + mismatch));
		}
		List<Reconciliation.Mismatch> different = report.written() ? report.stillDifferent() : List.of();
		if (!different.isEmpty()) {
			out.println("Still different after the import (did something write to the database meanwhile?): "
					+ different.size() + firstOf(different));
			different.stream().limit(LISTED).forEach((mismatch) -> out.println("  " + mismatch));
		}
		for (Reconciliation.LedgerComparison ledger : report.verification().ledgers()) {
			CommandSupport.printFingerprints(out, ledger.table(), "JSON", ledger.jsonFingerprint(), "database",
					ledger.databaseFingerprint());
		}
		long records = report.ledgers().stream().mapToLong((result) -> result.json().entries().size()).sum();
		long millis = Math.max(report.elapsed().toMillis(), 1);
		if (report.written()) {
			out.println("Identity sequences are ahead of max(id) in expenses and incomes.");
			out.printf(
					"Imported %d record(s) in %d ms (%d records/s): reading %d ms, writing %d ms, verifying %d ms.%n",
					records, millis, records * 1000 / millis, report.timings().reading().toMillis(),
					report.timings().writing().toMillis(), report.timings().verifying().toMillis());
		}
		boolean agree = report.rejected() == 0 && onlyInDatabase.isEmpty() && different.isEmpty();
		return agree ? CommandSupport.OK : CommandSupport.ATTENTION;
	}

}
