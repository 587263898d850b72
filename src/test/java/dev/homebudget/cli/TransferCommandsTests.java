package dev.homebudget.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.homebudget.support.TestDatabase;
import dev.homebudget.transition.LedgerFile;
import dev.homebudget.transition.transfer.JsonImporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.homebudget.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code seed-test-data --json-dir}, {@code import-json}, {@code reconcile} and
 * {@code export-json} as an operator runs them, in the runbook's order, on a database of
 * their own that starts without a schema.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TransferCommandsTests {

	private static final String DATABASE = "cli_migration";

	@TempDir
	static Path temp;

	@BeforeAll
	static void pointAtTestDatabase() {
		System.setProperty("budget.database.url", TestDatabase.jdbcUrl(DATABASE));
	}

	@AfterAll
	static void restore() {
		System.clearProperty("budget.database.url");
	}

	private static String json() {
		return temp.resolve("json").toString();
	}

	private static JdbcClient jdbc() {
		return JdbcClient.create(TestDatabase.dataSource(DATABASE));
	}

	@Test
	@Order(1)
	void describesTheToolsAndTheirExitCodes() {
		CliRun help = run("--help");
		assertThat(help.out()).contains("import-json", "reconcile", "export-json");
		assertThat(run("import-json", "--help").out()).contains("--batch-size", "--dry-run", "--all-or-nothing",
				"Exit codes", "resumable");
		assertThat(run("reconcile", "--help").out()).contains("0 mismatches over N", "--limit", "Exit codes");
		assertThat(run("export-json", "--help").out()).contains("--force", ".bak-");
		assertThat(run("seed-test-data", "--help").out()).contains("--count", "--json-dir");
	}

	@Test
	@Order(2)
	void generatesAJsonEraHouseholdTheSameForTheSameSeed() throws IOException {
		CliRun generated = run("seed-test-data", "--json-dir", json(), "--count", "1000", "--seed", "9", "--until",
				"2025-12-31");
		assertThat(generated.status()).as(generated.err()).isZero();
		assertThat(generated.out()).contains("Wrote 1000 expense(s) and 200 income(s)");
		byte[] expenses = Files.readAllBytes(temp.resolve("json/expenses.json"));
		assertThat(new String(expenses, StandardCharsets.US_ASCII)).contains("\"currency\": \"\\u20aa\"",
				"\"notes\": \"\"", "\"notes\": null");

		CliRun again = run("seed-test-data", "--json-dir", temp.resolve("again").toString(), "--count", "1000",
				"--seed", "9", "--until", "2025-12-31");
		assertThat(again.status()).isZero();
		assertThat(temp.resolve("again/expenses.json")).hasBinaryContent(expenses);
		assertThat(temp.resolve("again/incomes.json")).hasSameBinaryContentAs(temp.resolve("json/incomes.json"));

		CliRun existing = run("seed-test-data", "--json-dir", json(), "--count", "10");
		assertThat(existing.status()).isEqualTo(2);
		assertThat(existing.err()).contains("exists; nothing written");
		assertThat(run("seed-test-data", "--count", "10", "--expenses", "3").status()).isEqualTo(2);
		assertThat(run("seed-test-data", "--count", "-5").status()).isEqualTo(2);
	}

	@Test
	@Order(3)
	void aDryRunRefusesADatabaseWithoutTheSchemaWhileTheOtherToolsMigrateIt() {
		CliRun dryRun = run("import-json", "--json-dir", json(), "--dry-run");
		assertThat(dryRun.status()).as(dryRun.out() + dryRun.err()).isEqualTo(2);
		assertThat(dryRun.err()).contains("run ./hbw migrate first");
		// a dry run changes nothing, not even the schema; reconcile migrates, then finds
		// every record missing in the empty tables
		CliRun reconcile = run("reconcile", "--json-dir", json(), "--limit", "1");
		assertThat(reconcile.status()).as(reconcile.out() + reconcile.err()).isEqualTo(1);
		assertThat(reconcile.out()).contains("Applied ", "missing_in_database");
	}

	@Test
	@Order(4)
	void importsMigratingTheSchemaFirstAndASecondRunChangesNothing() {
		CliRun first = run("import-json", "--json-dir", json(), "--batch-size", "100");
		assertThat(first.status()).as(first.out() + first.err()).isZero();
		assertThat(first.out()).contains(
				"expenses.json: 1000 record(s): 1000 inserted, 0 updated, 0 unchanged, 0 rejected",
				"incomes.json: 200 record(s): 200 inserted", "Identity sequences are ahead of max(id)",
				"Imported 1200 record(s) in");
		assertThat(first.out()).containsPattern("Fingerprint expenses +database +count=1000 sum=[0-9.]+ max_id=\\d+"
				+ " sha256=[0-9a-f]{64} \\(equal\\)");
		// not a terminal: plain lines, one per tenth
		assertThat(first.err()).contains("expenses.json: 1000 record(s) in 10 batch(es)",
				"expenses.json batch 10/10 committed (1000/1000 records, 100%)");
		assertThat(first.err()).doesNotContain("\r");
		// the history says the rows came from the command line
		assertThat(jdbc().sql("SELECT DISTINCT source FROM history_events WHERE kind IN ('expense', 'income')")
			.query(String.class)
			.list()).containsExactly("cli");

		CliRun second = run("import-json", "--json-dir", json());
		assertThat(second.status()).isZero();
		assertThat(second.out()).contains("1000 record(s): 0 inserted, 0 updated, 1000 unchanged",
				"200 record(s): 0 inserted, 0 updated, 200 unchanged");
	}

	@Test
	@Order(5)
	void reconcilesToZeroMismatchesThenListsPlantedOnes() {
		CliRun clean = run("reconcile", "--json-dir", json());
		assertThat(clean.status()).as(clean.err()).isZero();
		assertThat(clean.out()).contains("0 mismatches over 1200", "(equal)");

		jdbc().sql("UPDATE expenses SET amount = amount + 1 WHERE id = (SELECT min(id) FROM expenses)").update();
		jdbc().sql("DELETE FROM incomes WHERE id = (SELECT max(id) FROM incomes)").update();
		CliRun planted = run("reconcile", "--json-dir", json(), "--limit", "1");
		assertThat(planted.status()).isEqualTo(1);
		assertThat(planted.out()).contains("expenses id 1: different (amount)", "... and 1 more",
				"2 mismatches over 1200", "(DIFFERENT)");
		assertThat(run("reconcile", "--json-dir", json()).out())
			.containsPattern("incomes id \\d+: missing_in_database");

		CliRun dryRun = run("import-json", "--json-dir", json(), "--dry-run");
		assertThat(dryRun.status()).isZero();
		assertThat(dryRun.out()).contains("Dry run: nothing was written", "0 to insert, 1 to update, 999 unchanged",
				"1 to insert, 0 to update, 199 unchanged");
		assertThat(run("import-json", "--json-dir", json()).status()).isZero();
		assertThat(run("reconcile", "--json-dir", json()).out()).contains("0 mismatches over 1200");
	}

	@Test
	@Order(6)
	void reportsRejectedRecordsAndRowsOnlyInTheDatabaseWithExitOne() throws IOException {
		Path quirky = temp.resolve("quirky");
		Files.createDirectories(quirky);
		try (var in = getClass().getResourceAsStream("/fixtures/json-era/quirky-expenses.json")) {
			Files.write(quirky.resolve("expenses.json"), in.readAllBytes());
		}
		CliRun refused = run("import-json", "--json-dir", quirky.toString(), "--all-or-nothing");
		assertThat(refused.status()).isEqualTo(1);
		assertThat(refused.out()).contains("Nothing was written", "to insert");

		CliRun imported = run("import-json", "--json-dir", quirky.toString());
		assertThat(imported.status()).isEqualTo(1);
		assertThat(imported.out()).contains("incomes.json: not present",
				"Rejected records (not imported; fix them in the file", "expenses.json record 4 (id 4): amount:",
				"12.345", "Only in the database", "row(s), the first 20:");
		CliRun reconcile = run("reconcile", "--json-dir", quirky.toString(), "--limit", "1000");
		assertThat(reconcile.status()).isEqualTo(1);
		assertThat(reconcile.out()).contains("unreadable_in_json - record 4: amount:", "missing_in_json",
				"(not present: an empty ledger)");
	}

	@Test
	@Order(7)
	void exportsForARollbackOnlyOverExistingFilesWhenForced() throws IOException {
		TransferCommandsTests.jdbc().sql("DELETE FROM expenses WHERE id > 5000").update();
		CliRun refused = run("export-json", "--json-dir", json());
		assertThat(refused.status()).isEqualTo(2);
		assertThat(refused.err()).contains("exists; nothing was written", "--force");

		CliRun forced = run("export-json", "--json-dir", json(), "--force");
		assertThat(forced.status()).as(forced.err()).isZero();
		assertThat(forced.out()).contains("record(s) written; the previous file is kept as", ".bak-",
				"Export verified");
		try (var files = Files.list(temp.resolve("json"))) {
			assertThat(files.filter((file) -> file.getFileName().toString().contains(".bak-")).count()).isEqualTo(2);
		}
		CliRun reconcile = run("reconcile", "--json-dir", json());
		assertThat(reconcile.status()).isZero();
		assertThat(reconcile.out()).contains("0 mismatches over");
	}

	@Test
	@Order(8)
	void refusesBadOptionsAndMissingDirectories() {
		assertThat(run("import-json", "--batch-size", "0").status()).isEqualTo(2);
		assertThat(run("reconcile", "--limit", "-1").status()).isEqualTo(2);
		CliRun missing = run("import-json", "--json-dir", temp.resolve("missing").toString());
		assertThat(missing.status()).isEqualTo(2);
		assertThat(missing.err()).contains("is not a directory");
		CliRun empty = run("reconcile", "--json-dir", temp.resolve("again").resolveSibling("unused").toString());
		assertThat(empty.status()).isEqualTo(2);
	}

	@Test
	@Order(9)
	void keepsTheAppsStorageOutOfTheToolsWay() {
		// whatever phase the environment names, the tools' own context runs on PostgreSQL
		// only, so that it never takes the JSON directory the tools need
		int status = CommandSupport.withDatabase((context) -> {
			org.springframework.core.env.Environment environment = context
				.bean(org.springframework.core.env.Environment.class);
			assertThat(environment.getProperty("FF_USE_DATABASE_STORAGE")).isEqualTo("true");
			assertThat(environment.getProperty("FF_DUAL_WRITE_ENABLED")).isEqualTo("false");
			return CommandSupport.OK;
		});
		assertThat(status).isZero();
		CliRun deleting = run("import-json", "--json-dir", json(), "--delete-missing", "--dry-run");
		assertThat(deleting.status()).isZero();
		jdbc()
			.sql("INSERT INTO incomes (id, date, category, amount, account) VALUES (90000, '2025-01-01', 'c', 1, 'a')")
			.update();
		CliRun deleted = run("import-json", "--json-dir", json(), "--delete-missing");
		assertThat(deleted.status()).as(deleted.out()).isZero();
		assertThat(deleted.out()).contains("1 row(s) only in the database deleted: ids 90000");
	}

	@Test
	@Order(10)
	void saysWhenTheDatabaseCannotBeReached() {
		System.setProperty("budget.database.url", "postgresql://postgres:secret@127.0.0.1:1/nowhere");
		try {
			CliRun reconcile = run("reconcile", "--json-dir", json());
			assertThat(reconcile.status()).as(reconcile.out() + reconcile.err()).isEqualTo(2);
			assertThat(reconcile.err()).contains("Cannot open the database:");
		}
		finally {
			System.setProperty("budget.database.url", TestDatabase.jdbcUrl(DATABASE));
		}
	}

	@Test
	void drawsABarOnATerminal() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		ImportProgress progress = new ImportProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
		progress.started(LedgerFile.EXPENSES, 1000, 4, 2);
		progress.checkpoint(new JsonImporter.Checkpoint(LedgerFile.EXPENSES, 3, 4, 750, 1000));
		progress.checkpoint(new JsonImporter.Checkpoint(LedgerFile.EXPENSES, 4, 4, 1000, 1000));
		progress.started(LedgerFile.INCOMES, 0, 0, 0);
		String drawn = bytes.toString(StandardCharsets.UTF_8);
		assertThat(drawn).contains("\rexpenses.json  [###############---------------]  50% 500/1,000",
				"\rexpenses.json  [##############################] 100% 1,000/1,000\n",
				"\rincomes.json   [##############################] 100% 0/0\n");
	}

}
