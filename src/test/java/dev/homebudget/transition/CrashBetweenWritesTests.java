package dev.homebudget.transition;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.homebudget.config.StoragePhase;
import dev.homebudget.expense.ExpenseService;
import dev.homebudget.ledger.EntryField;
import dev.homebudget.ledger.EntryValues;
import dev.homebudget.support.PhaseApplication;
import dev.homebudget.support.StoreDifference;
import dev.homebudget.support.TestDatabase;
import dev.homebudget.web.IfMatch;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.homebudget.support.SampleEntries.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * T8 (reliability spec, M6): the process stops right after the primary store took a write
 * and before the mirror got it, for create, update, delete and bulk delete, in P1 and P2.
 * Each time the application starts again on the same stores, the repair journal holds
 * exactly that write (entity, operation, ids), the stores differ at exactly those ids,
 * and repair makes them equal.
 * <p>
 * The stop is a seam that throws an {@link Error} where the crash would be; the
 * application is then closed without doing anything else and started anew.
 */
class CrashBetweenWritesTests {

	/** The journal is looked at and repaired by the test, not by the app itself. */
	private static final String NO_SELF_REPAIR = "budget.storage.self-repair=false";

	@TempDir
	Path json;

	@ParameterizedTest
	@EnumSource(names = { "P1", "P2" })
	void everyWriteInterruptedAfterThePrimaryIsFoundAndRepairedAfterARestart(StoragePhase phase) {
		String url = TestDatabase.jdbcUrl("crash_" + phase.name().toLowerCase(java.util.Locale.ROOT));
		PhaseApplication app = PhaseApplication.start(phase, url, this.json, false, NO_SELF_REPAIR);
		ExpenseService expenses = app.bean(ExpenseService.class);
		List<Integer> seeded = List.of(expenses.create(values("seed 1")).id(), expenses.create(values("seed 2")).id(),
				expenses.create(values("seed 3")).id(), expenses.create(values("seed 4")).id());
		assertThat(app.mirrors().awaitIdle(Duration.ofMinutes(5))).isTrue();

		Crashing[] writes = { new Crashing("create", List.of(), (service) -> service.create(values("new"))),
				new Crashing("update", List.of(seeded.get(0)),
						(service) -> service.replace(seeded.get(0),
								EntryValues.builder().put(EntryField.NOTES, "changed").build(), IfMatch.ABSENT)),
				new Crashing("delete", List.of(seeded.get(1)),
						(service) -> service.delete(seeded.get(1), IfMatch.ABSENT)),
				new Crashing("bulk_delete", List.of(seeded.get(2), seeded.get(3)),
						(service) -> service.deleteAll(List.of(seeded.get(2), seeded.get(3), 999_999))) };
		try {
			for (Crashing write : writes) {
				app.crash().arm();
				ExpenseService service = app.bean(ExpenseService.class);
				assertThatExceptionOfType(PhaseApplication.SimulatedCrash.class)
					.isThrownBy(() -> write.write().accept(service));
				app.close();

				app = PhaseApplication.start(phase, url, this.json, false, NO_SELF_REPAIR);
				List<RepairJournal.Entry> open = app.bean(StorageMirrors.class).journal().openEntries();
				assertThat(open).as(write.operation()).hasSize(1);
				assertThat(open.get(0).entity()).isEqualTo("expense");
				assertThat(open.get(0).operation()).isEqualTo(write.operation());
				StoreDifference before = app.difference(LedgerFile.EXPENSES, this.json);
				if (write.ids().isEmpty()) {
					// create: the id the primary assigned, new to both stores
					assertThat(before.ids()).hasSize(1).doesNotContainAnyElementsOf(seeded);
				}
				else {
					assertThat(before.ids()).containsExactlyInAnyOrderElementsOf(write.ids());
				}
				// the journal names every id that differs (P2 also keeps the requested id
				// that
				// never existed, which repair leaves absent)
				assertThat(open.get(0).ids()).containsAll(before.ids());
				assertThat(open.get(0).ids()).isSubsetOf(union(before.ids(), List.of(999_999)));

				StorageRepair.Report report = app.bean(StorageRepair.class).run();
				assertThat(report.lines()).hasSize(1);
				assertThat(report.failed()).as(report.lines().toString()).isZero();
				assertThat(app.difference(LedgerFile.EXPENSES, this.json).ids()).isEmpty();
				assertThat(app.bean(StorageMirrors.class).journal().openEntries()).isEmpty();
				// a second run finds nothing to do
				assertThat(app.bean(StorageRepair.class).run().lines()).isEmpty();
			}
		}
		finally {
			app.close();
		}
	}

	private static List<Integer> union(java.util.Collection<Integer> left, List<Integer> right) {
		List<Integer> all = new java.util.ArrayList<>(left);
		all.addAll(right);
		return all;
	}

	private static RepairJournal.Entry single(List<RepairJournal.Entry> entries) {
		assertThat(entries).hasSize(1);
		return entries.get(0);
	}

	/** A write that the armed seam interrupts, and the existing ids it touches. */
	private record Crashing(String operation, List<Integer> ids, java.util.function.Consumer<ExpenseService> write) {
	}

}
