package dev.homebudget.transition;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.homebudget.config.StoragePhase;
import dev.homebudget.expense.ExpenseService;
import dev.homebudget.ledger.EntryField;
import dev.homebudget.ledger.EntryValues;
import dev.homebudget.support.PhaseApplication;
import dev.homebudget.support.StoreContents;
import dev.homebudget.support.TestDatabase;
import dev.homebudget.web.IfMatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.homebudget.support.SampleEntries.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The running app works off its own repair journal: the entries a crash between the two
 * writes left open are repaired at the next startup, and copies that failed while the
 * mirror could not be written are repaired once it can, without stopping the app to run
 * {@code ./hbw repair}. Waits are for conditions; the minutes only guard against a hang.
 */
class SelfRepairTests {

	private static final Duration GUARD = Duration.ofMinutes(3);

	@TempDir
	Path json;

	@ParameterizedTest
	@EnumSource(names = { "P1", "P2" })
	void theEntryACrashLeftOpenIsRepairedAtTheNextStartup(StoragePhase phase) {
		String url = TestDatabase.jdbcUrl("self_repair_" + phase.name().toLowerCase(Locale.ROOT));
		int crashed;
		try (PhaseApplication app = PhaseApplication.start(phase, url, this.json, false)) {
			ExpenseService expenses = app.bean(ExpenseService.class);
			int seeded = expenses.create(values("seed")).id();
			assertThat(app.mirrors().awaitIdle(GUARD)).isTrue();
			app.crash().arm();
			assertThatExceptionOfType(PhaseApplication.SimulatedCrash.class).isThrownBy(() -> expenses.replace(seeded,
					EntryValues.builder().put(EntryField.NOTES, "lost").build(), IfMatch.ABSENT));
			crashed = seeded;
		}
		try (PhaseApplication app = PhaseApplication.start(phase, url, this.json, false)) {
			await().atMost(GUARD).until(() -> app.mirrors().journal().openCount() == 0);
			assertThat(app.difference(LedgerFile.EXPENSES, this.json).ids()).as("id %d", crashed).isEmpty();
		}
	}

	@Test
	void aBacklogOfFailedCopiesIsRepairedWhileTheAppRuns() throws Exception {
		String url = TestDatabase.jdbcUrl("self_repair_backlog");
		try (PhaseApplication app = PhaseApplication.start(StoragePhase.P2, url, this.json, false,
				"budget.storage.repair-interval=1s")) {
			ExpenseService expenses = app.bean(ExpenseService.class);
			expenses.create(values("seed"));
			assertThat(app.mirrors().awaitIdle(GUARD)).isTrue();
			// the mirror cannot be written: a directory in the way of the file's rename
			Path file = this.json.resolve("expenses.json");
			byte[] content = Files.readAllBytes(file);
			Files.delete(file);
			Files.createDirectory(file);
			List<Integer> ids = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				ids.add(expenses.create(values("while the mirror fails " + i)).id());
			}
			assertThat(app.mirrors().awaitIdle(GUARD)).isTrue();
			assertThat(app.mirrors().journal().openCount()).isGreaterThanOrEqualTo(200);
			Files.delete(file);
			Files.write(file, content);
			long fixed = System.nanoTime();
			await().atMost(GUARD).until(() -> app.mirrors().journal().openCount() == 0);
			System.out.printf("self-repair: 200 open entries repaired %d ms after the mirror could be written%n",
					Duration.ofNanos(System.nanoTime() - fixed).toMillis());
			assertThat(app.difference(LedgerFile.EXPENSES, this.json).ids()).isEmpty();
			assertThat(StoreContents.json(this.json, LedgerFile.EXPENSES)).containsKeys(ids.toArray(Integer[]::new));
		}
	}

}
