package dev.homebudget.cli;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import dev.homebudget.transition.JsonDirectory;
import dev.homebudget.transition.JsonEntry;
import dev.homebudget.transition.JsonLedgerFormat;
import dev.homebudget.transition.JsonStoreException;
import dev.homebudget.transition.LedgerFile;
import dev.homebudget.transition.transfer.CanonicalEntry;
import dev.homebudget.transition.transfer.HouseholdData;
import org.postgresql.PGConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Realistic household data for demos and benchmarks (see {@link HouseholdData}), the same
 * for the same seed and dates. Into the database it is loaded with COPY in one
 * transaction, so it is fast and all-or-nothing, and it refuses to add to tables that
 * already hold data unless {@code --append} is given. With {@code --json-dir} it writes
 * the original's JSON files instead, with their ids, as a JSON-era household to import.
 */
@Command(name = "seed-test-data", mixinStandardHelpOptions = true, sortOptions = false,
		description = {
				"Generate realistic test data over --years up to --until, the same for the same --seed and --until: "
						+ "--count N (N expenses and N/5 incomes), or --expenses N --incomes M.",
				"Into the database by default (applying pending schema migrations first); with --json-dir DIR as the "
						+ "original's expenses.json and incomes.json instead (refuses existing files)." })
class SeedTestDataCommand implements Callable<Integer> {

	private static final Duration BULK_LOAD_TIMEOUT = Duration.ofMinutes(15);

	@Option(names = "--count", paramLabel = "N", description = "N expenses and N/5 incomes")
	Integer count;

	@Option(names = "--expenses", paramLabel = "N", description = "Number of expenses (default: 2)")
	Integer expenses;

	@Option(names = "--incomes", paramLabel = "M", description = "Number of incomes (default: 2)")
	Integer incomes;

	@Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE})", defaultValue = "20251110")
	long seed;

	@Option(names = "--years", description = "Years of history (default: ${DEFAULT-VALUE})", defaultValue = "10")
	int years;

	@Option(names = "--until", description = "Last date (default: today)")
	LocalDate until;

	@Option(names = "--append", description = "Add even if the tables already hold data")
	boolean append;

	@Option(names = "--json-dir", paramLabel = "DIR",
			description = "Write the original's JSON files (with ids) into DIR instead of the database")
	Path jsonDirectory;

	@Override
	public Integer call() throws Exception {
		if (this.count != null && (this.expenses != null || this.incomes != null)) {
			System.err.println("Give either --count or --expenses/--incomes");
			return 2;
		}
		int expenseCount = (this.count != null) ? this.count : (this.expenses != null) ? this.expenses : 2;
		int incomeCount = (this.count != null) ? this.count / 5 : (this.incomes != null) ? this.incomes : 2;
		if (expenseCount < 0 || incomeCount < 0 || this.years < 1) {
			System.err.println("--count, --expenses and --incomes must be >= 0 and --years >= 1");
			return 2;
		}
		LocalDate last = (this.until != null) ? this.until : LocalDate.now();
		LocalDate first = last.minusYears(this.years).plusDays(1);
		List<JsonEntry> expenseRows = HouseholdData.expenses(expenseCount, this.seed, first, last);
		List<JsonEntry> incomeRows = HouseholdData.incomes(incomeCount, this.seed, first, last);
		if (this.jsonDirectory != null) {
			return writeJson(expenseRows, incomeRows);
		}
		try (CommandContext context = CommandContext.start()) {
			context.migrate();
			JdbcClient jdbc = JdbcClient.create(context.dataSource());
			long existing = SeedSmokeCommand.count(jdbc, "expenses") + SeedSmokeCommand.count(jdbc, "incomes");
			if (existing > 0 && !this.append) {
				System.out.println("The database already holds " + existing
						+ " entries; nothing added (use --append to add anyway).");
				return 0;
			}
			long started = System.nanoTime();
			load(context.dataSource(), expenseRows, incomeRows);
			long millis = (System.nanoTime() - started) / 1_000_000;
			System.out.println(
					"Added " + expenseCount + " expense(s) and " + incomeCount + " income(s) in " + millis + " ms.");
			return 0;
		}
	}

	private int writeJson(List<JsonEntry> expenseRows, List<JsonEntry> incomeRows) {
		try (JsonDirectory directory = JsonDirectory.open(this.jsonDirectory)) {
			for (LedgerFile ledger : LedgerFile.values()) {
				if (Files.exists(directory.fileOf(ledger))) {
					System.err.println(directory.fileOf(ledger) + " exists; nothing written (remove it first).");
					return 2;
				}
			}
			directory.replace(LedgerFile.EXPENSES, JsonLedgerFormat.write(LedgerFile.EXPENSES, expenseRows));
			directory.replace(LedgerFile.INCOMES, JsonLedgerFormat.write(LedgerFile.INCOMES, incomeRows));
			System.out.println("Wrote " + expenseRows.size() + " expense(s) and " + incomeRows.size()
					+ " income(s) in the original's format to " + directory.path() + ".");
			return 0;
		}
		catch (JsonStoreException ex) {
			System.err.println(ex.getMessage());
			return 2;
		}
	}

	/** Ids come from the identity columns: the tables may already hold rows. */
	private static void load(DataSource dataSource, List<JsonEntry> expenseRows, List<JsonEntry> incomeRows)
			throws SQLException, IOException {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			// the app's statement and socket timeouts guard requests; a bulk load of a
			// decade (every row through the category trigger) may take minutes on a busy
			// box
			connection.setNetworkTimeout(Runnable::run, (int) BULK_LOAD_TIMEOUT.toMillis());
			try {
				try (var statement = connection.createStatement()) {
					statement.execute("SET LOCAL statement_timeout = '" + BULK_LOAD_TIMEOUT.toMinutes() + "min'");
				}
				var copy = connection.unwrap(PGConnection.class).getCopyAPI();
				copy.copyIn("COPY expenses (" + CanonicalEntry.columns(LedgerFile.EXPENSES, false) + ") FROM STDIN",
						new StringReader(CanonicalEntry.rows(LedgerFile.EXPENSES, expenseRows, false)));
				copy.copyIn("COPY incomes (" + CanonicalEntry.columns(LedgerFile.INCOMES, false) + ") FROM STDIN",
						new StringReader(CanonicalEntry.rows(LedgerFile.INCOMES, incomeRows, false)));
				connection.commit();
			}
			catch (SQLException | IOException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
			// a bulk load leaves no statistics and no visibility map; settle them as
			// autovacuum eventually would, so that queries right after seeding run as
			// they will later
			connection.setAutoCommit(true);
			try (var statement = connection.createStatement()) {
				statement.execute("VACUUM (ANALYZE) expenses, incomes");
			}
		}
	}

}
