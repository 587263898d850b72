package dev.homebudget.cli;

import java.nio.file.Path;
import java.time.Duration;

import dev.homebudget.config.StorageMode;
import dev.homebudget.config.StoragePhase;
import dev.homebudget.expense.ExpenseService;
import dev.homebudget.support.PhaseApplication;
import dev.homebudget.support.StoreContents;
import dev.homebudget.support.StoreDifference;
import dev.homebudget.support.TestDatabase;
import dev.homebudget.transition.LedgerFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.homebudget.cli.CliRun.run;
import static dev.homebudget.support.SampleEntries.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code ./hbw repair}: replays the open repair journal entries of the configured phase.
 */
class RepairCommandTests {

	private static final String DATABASE = "cli_repair";

	@TempDir
	Path json;

	@AfterEach
	void clearProperties() {
		for (String name : new String[] { "budget.database.url", "budget.storage.json-directory",
				StorageMode.USE_DATABASE_VARIABLE, StorageMode.DUAL_WRITE_VARIABLE }) {
			System.clearProperty(name);
		}
	}

	@Test
	void copiesAWriteThatNeverReachedTheMirrorAndIsIdempotent() {
		String url = TestDatabase.jdbcUrl(DATABASE);
		int id;
		try (PhaseApplication app = PhaseApplication.start(StoragePhase.P1, url, this.json, false)) {
			ExpenseService expenses = app.bean(ExpenseService.class);
			expenses.create(values("mirrored"));
			app.mirrors().awaitIdle(Duration.ofMinutes(5));
			app.crash().arm();
			assertThatExceptionOfType(PhaseApplication.SimulatedCrash.class)
				.isThrownBy(() -> expenses.create(values("lost on the way")));
			id = StoreContents.json(this.json, LedgerFile.EXPENSES)
				.keySet()
				.stream()
				.mapToInt(Integer::intValue)
				.max()
				.orElseThrow();
		}
		System.setProperty("budget.database.url", url);
		System.setProperty(StorageMode.USE_DATABASE_VARIABLE, "false");
		System.setProperty(StorageMode.DUAL_WRITE_VARIABLE, "true");

		CliRun first = run("repair", "--json-dir", this.json.toString());
		assertThat(first.status()).as(first.out()).isZero();
		assertThat(first.out()).contains("Storage phase P1 (dual-write, JSON primary")
			.contains("Repair journal: " + this.json.resolve("repair-journal.jsonl"))
			.containsPattern("#\\d+ expense create \\[" + id + "\\]: repaired")
			.contains("Repaired 1 of 1 entries.");
		assertThat(StoreDifference
			.of(StoreContents.json(this.json, LedgerFile.EXPENSES),
					StoreContents.database(TestDatabase.dataSource(DATABASE), LedgerFile.EXPENSES))
			.ids()).isEmpty();

		CliRun second = run("repair", "--json-dir", this.json.toString());
		assertThat(second.status()).isZero();
		assertThat(second.out()).contains("No open entries");
	}

	@Test
	void hasNothingToDoWithoutAMirror() {
		System.setProperty("budget.database.url", TestDatabase.jdbcUrl(DATABASE));
		CliRun run = run("repair");
		assertThat(run.status()).isZero();
		assertThat(run.out()).contains("Storage phase P3").contains("nothing to repair");
		assertThat(run("repair", "--help").out()).contains("Exits 1 if any entry still fails");
	}

}
