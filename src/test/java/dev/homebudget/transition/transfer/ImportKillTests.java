package dev.homebudget.transition.transfer;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.homebudget.HomeBudgetApplication;
import dev.homebudget.support.MigratedDatabase;
import dev.homebudget.support.TestDatabase;
import dev.homebudget.transition.JsonLedgerFormat;
import dev.homebudget.transition.LedgerFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * T4 with a real crash: {@code ./hbw import-json} runs in a child JVM and is killed with
 * SIGKILL in the middle of its batches; a rerun resumes after the last committed batch
 * and ends in the state of a clean run.
 */
class ImportKillTests {

	private static final String DATABASE = "json_import_kill";

	@TempDir
	Path temp;

	@Test
	void aKilledImportResumesAndEndsAsACleanRunWould() throws Exception {
		DataSource database = MigratedDatabase.migrated(DATABASE);
		MigratedDatabase.truncate(database, "expenses", "incomes", "json_import_checkpoints");
		LocalDate last = LocalDate.of(2025, 12, 31);
		Files.write(this.temp.resolve("expenses.json"),
				JsonLedgerFormat.write(LedgerFile.EXPENSES, HouseholdData.expenses(3000, 5, last.minusYears(3), last)));
		Files.write(this.temp.resolve("incomes.json"),
				JsonLedgerFormat.write(LedgerFile.INCOMES, HouseholdData.incomes(600, 5, last.minusYears(3), last)));
		Map<LedgerFile, LedgerSnapshot> json = LedgerSnapshot.readUnlocked(this.temp);

		// one record per batch: thousands of commits, so that the kill lands mid-way
		Process child = importInChildJvm("--batch-size", "1");
		List<String> output = new ArrayList<>();
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				output.add(line);
				if (line.startsWith("expenses.json batch 300/3000 committed")) {
					child.destroyForcibly();
					break;
				}
			}
		}
		assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(child.exitValue()).as(String.join("\n", output)).isEqualTo(137);
		JdbcClient jdbc = JdbcClient.create(database);
		int committed = jdbc
			.sql("SELECT batches_done FROM json_import_checkpoints WHERE ledger = 'expenses.json'"
					+ " AND finished_at IS NULL")
			.query(Integer.class)
			.single();
		assertThat(committed).isBetween(300, 2999);
		assertThat(jdbc.sql("SELECT count(*) FROM expenses").query(Integer.class).single()).isEqualTo(committed);

		JsonImporter.Report rerun = new JsonImporter(database).importFrom(this.temp,
				new JsonImporter.Options(1, false, false), new JsonImporter.Listener() {
				});

		assertThat(rerun.of(LedgerFile.EXPENSES).resumedAfterBatch()).isEqualTo(committed);
		assertThat(rerun.of(LedgerFile.EXPENSES).inserted()).isEqualTo(3000);
		assertThat(rerun.verification().clean()).isTrue();
		for (LedgerFile ledger : LedgerFile.values()) {
			assertThat(rerun.verification().of(ledger).databaseFingerprint()).isEqualTo(json.get(ledger).fingerprint());
		}
		assertThat(jdbc.sql("SELECT count(DISTINCT id) FROM expenses").query(Integer.class).single()).isEqualTo(3000);
		assertThat(jdbc.sql("SELECT count(*) FROM expenses WHERE version <> 0").query(Integer.class).single()).isZero();
	}

	private Process importInChildJvm(String... options) throws Exception {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
						"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
						HomeBudgetApplication.class.getName(), "import-json", "--json-dir", this.temp.toString()));
		command.addAll(List.of(options));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("DATABASE_URL", TestDatabase.jdbcUrl(DATABASE));
		return builder.start();
	}

}
