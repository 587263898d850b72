package dev.homebudget.transition;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.homebudget.config.StoragePhase;
import dev.homebudget.expense.ExpenseService;
import dev.homebudget.support.PhaseApplication;
import dev.homebudget.support.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.homebudget.support.SampleEntries.values;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * P2 under a burst of writes from 8 threads: the JSON mirror copies them in batches (one
 * file replacement per batch, not per write), its queue stays within its bound, and the
 * stores agree afterwards with nothing left open. Counts, not timings: how many batches a
 * burst takes depends on the machine, so only "fewer copies than writes" is asserted (the
 * deterministic form is in {@link MirrorQueueTests}); the numbers are printed.
 */
class MirrorBurstTests {

	private static final int THREADS = 8;

	private static final int WRITES_PER_THREAD = 250;

	@TempDir
	Path json;

	@Test
	void aBurstIsCopiedInBatchesWithinTheQueueBound() throws Exception {
		String url = TestDatabase.jdbcUrl("mirror_burst");
		try (PhaseApplication app = PhaseApplication.start(StoragePhase.P2, url, this.json, false,
				"budget.storage.mirror-queue-limit=5000")) {
			ExpenseService expenses = app.bean(ExpenseService.class);
			MeterRegistry meters = app.bean(MeterRegistry.class);
			EntryMirror mirror = app.mirrors().mirror("expense").orElseThrow();
			long batchesBefore = mirror.batches();
			AtomicBoolean writing = new AtomicBoolean(true);
			AtomicInteger deepest = new AtomicInteger();
			Thread sampler = new Thread(() -> {
				while (writing.get()) {
					deepest.accumulateAndGet((int) meters.get("budget.mirror.queue.depth").gauge().value(), Math::max);
					Thread.onSpinWait();
				}
			});
			sampler.start();
			ExecutorService pool = Executors.newFixedThreadPool(THREADS);
			List<Future<?>> writers = new ArrayList<>();
			try {
				for (int thread = 0; thread < THREADS; thread++) {
					int number = thread;
					writers.add(pool.submit(() -> {
						for (int i = 0; i < WRITES_PER_THREAD; i++) {
							expenses.create(values("burst " + number + "/" + i));
						}
					}));
				}
				for (Future<?> writer : writers) {
					writer.get();
				}
			}
			finally {
				writing.set(false);
				sampler.join();
				pool.shutdownNow();
			}
			assertThat(app.mirrors().awaitIdle(Duration.ofMinutes(5))).isTrue();
			long batches = mirror.batches() - batchesBefore;
			int writes = THREADS * WRITES_PER_THREAD;
			System.out.printf("P2 burst: %d writes from %d threads, %d copies to the JSON file, deepest queue %d%n",
					writes, THREADS, batches, deepest.get());
			assertThat(batches).isPositive().isLessThan(writes);
			assertThat(deepest.get()).isLessThanOrEqualTo(5000);
			assertThat(app.mirrors().journal().openCount()).isZero();
			assertThat(app.difference(LedgerFile.EXPENSES, this.json).ids()).isEmpty();
			assertThat(meters.get("storage.mirror.copies").tag("operation", "create").counter().count())
				.isEqualTo(writes);
		}
	}

}
