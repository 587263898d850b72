package dev.homebudget.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.homebudget.transition.transfer.JsonExporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** PostgreSQL back to the original's JSON files (see {@link JsonExporter}). */
@Command(name = "export-json", mixinStandardHelpOptions = true, sortOptions = false,
		description = {
				"Write the expenses and incomes tables as the original's expenses.json and incomes.json, for a "
						+ "rollback to a phase that reads the JSON files.",
				"Refuses to replace existing files unless --force, which first keeps a copy of each as "
						+ "<file>.bak-<UTC timestamp>. Each file is replaced atomically, read back, and must give the "
						+ "table's fingerprint.",
				"The JSON directory is locked for the run: stop an app that uses it first; stop writes to the database "
						+ "too (stop the app) so that the files are its latest state.",
				"Applies pending schema migrations first." },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:written and verified", "1:written, but a file read back differs from its table (listed)",
				"2:could not run (files exist without --force, locked directory, database unreachable)" })
class ExportJsonCommand implements Callable<Integer> {

	@Option(names = "--json-dir", paramLabel = "DIR",
			description = "Directory to write expenses.json and incomes.json to (default: budget.storage.json-directory, ./data/json)")
	Path jsonDirectory;

	@Option(names = "--force", description = "Replace existing files (a copy of each is kept)")
	boolean force;

	@Override
	public Integer call() {
		return CommandSupport.withDatabase((context) -> {
			context.migrate();
			Path directory = CommandSupport.jsonDirectory(context, this.jsonDirectory);
			JsonExporter.Report report = new JsonExporter(context.dataSource()).export(directory, this.force);
			return print(report, System.out);
		});
	}

	static int print(JsonExporter.Report report, PrintStream out) {
		for (JsonExporter.LedgerExport export : report.ledgers()) {
			out.println(export.file() + ": " + export.database().count() + " record(s) written"
					+ ((export.backup() != null) ? "; the previous file is kept as " + export.backup() : ""));
			CommandSupport.printFingerprints(out, export.table(), "database", export.database(), "file",
					export.written());
			export.unreadable().forEach((rejection) -> out.println("  unreadable in the file: " + rejection));
		}
		if (report.verified()) {
			out.println("Export verified: each file read back holds exactly its table's records.");
			return CommandSupport.OK;
		}
		out.println("Export NOT verified: a file read back differs from its table (see above).");
		return CommandSupport.ATTENTION;
	}

}
