package dev.homebudget.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.homebudget.cli.CliRun.run;
import static dev.homebudget.cli.CliRun.runWithInput;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command of {@code ./hbw} on a database nothing has touched yet, as on a new data
 * directory: each does its job (commands that use the app's tables migrate first) or, for
 * the few that must not change a new database, says what to do in a sentence. None fails
 * on a missing table.
 */
class FreshDatabaseCommandsTests {

	private static final AtomicInteger DATABASES = new AtomicInteger();

	@TempDir
	Path temp;

	/** A database that exists but holds nothing, not even the schema. */
	private static void freshDatabase() {
		System.setProperty("budget.database.url", TestDatabase.jdbcUrl("cli_fresh_" + DATABASES.incrementAndGet()));
	}

	@AfterEach
	void forgetDatabase() {
		System.clearProperty("budget.database.url");
		System.clearProperty("budget.backup.directory");
	}

	private static CliRun succeeds(String... args) {
		freshDatabase();
		CliRun result = run(args);
		assertThat(result.status()).as(String.join(" ", args) + ": " + result.out() + result.err()).isZero();
		assertThat(result.out() + result.err()).doesNotContain("does not exist", "relation", "Exception");
		return result;
	}

	@Test
	void schemaCommandsReportTheNewDatabase() {
		assertThat(succeeds("status").out()).contains("Pending migrations:");
		assertThat(succeeds("history").out()).isNotNull();
		succeeds("validate");
		assertThat(succeeds("migrate", "--dry-run").out()).contains("CREATE TABLE");
		assertThat(succeeds("migrate").out()).contains("schema version");
	}

	@Test
	void downgradeAndBackupSayThereIsNothingToDo() {
		// neither creates a schema to act on: they say so, with the exit status of a
		// command that ran but needs attention
		freshDatabase();
		CliRun downgrade = run("downgrade");
		assertThat(downgrade.status()).as(downgrade.out() + downgrade.err()).isEqualTo(1);
		assertThat(downgrade.out() + downgrade.err()).contains("nothing to downgrade");
		freshDatabase();
		CliRun backup = run("backup", "--output", this.temp.resolve("none").toString());
		assertThat(backup.status()).as(backup.out() + backup.err()).isEqualTo(1);
		assertThat(backup.out() + backup.err()).contains("nothing to back up");
	}

	@Test
	void dataCommandsMigrateFirst() {
		assertThat(succeeds("seed-smoke").out()).contains("Applied");
		assertThat(succeeds("seed-test-data", "--count", "50").out()).contains("Applied", "Added 50 expense(s)");
		assertThat(succeeds("flags").out()).isNotBlank();
		assertThat(succeeds("repair").out()).isNotBlank();
		assertThat(succeeds("verify-summary").out()).contains("Applied", "The month totals agree with the entries.");
		freshDatabase();
		CliRun user = runWithInput("a long enough password\n", "user", "add", "dana");
		assertThat(user.status()).as(user.out() + user.err()).isZero();
		assertThat(succeeds("user", "list").out()).contains("No accounts yet");
	}

	@Test
	void aBackupRestoresIntoANewDatabase() throws Exception {
		System.setProperty("budget.backup.directory", this.temp.resolve("backups").toString());
		succeeds("seed-smoke");
		CliRun backup = run("backup", "--output", this.temp.resolve("out").toString());
		assertThat(backup.status()).as(backup.out() + backup.err()).isZero();
		assertThat(backup.out()).contains("Backup written");
		Path archive;
		try (var files = Files.list(this.temp.resolve("out"))) {
			archive = files.filter((file) -> file.toString().endsWith(".tar")).findFirst().orElseThrow();
		}
		assertThat(succeeds("restore", archive.toString()).out()).isNotBlank();
		succeeds("backup", "--verify", archive.toString());
	}

	@Test
	void jsonToolsMigrateFirst() {
		String json = this.temp.resolve("json").toString();
		succeeds("seed-test-data", "--json-dir", json, "--count", "20");
		assertThat(succeeds("import-json", "--json-dir", json).out()).contains("Applied", "Imported 24 record(s)");
		freshDatabase();
		CliRun reconcile = run("reconcile", "--json-dir", json);
		assertThat(reconcile.status()).as(reconcile.out() + reconcile.err()).isEqualTo(1);
		assertThat(reconcile.out()).contains("Applied", "missing_in_database");
		assertThat(succeeds("export-json", "--json-dir", this.temp.resolve("export").toString()).out())
			.contains("Applied");
	}

}
