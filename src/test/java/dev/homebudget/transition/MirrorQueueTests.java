package dev.homebudget.transition;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.homebudget.config.StoragePhase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mirror's queue under a burst: the writes that pile up while a copy runs are copied
 * together, in one copy (one replacement of the JSON file in P2), not one copy each; and
 * the queue is bounded, a write beyond it left open in the repair journal for the repair.
 * The worker is held in its first copy by a latch, so the burst is the same on any
 * machine: counts, not timings.
 */
class MirrorQueueTests {

	private final CountDownLatch release = new CountDownLatch(1);

	private final CountDownLatch firstCopyStarted = new CountDownLatch(1);

	private final List<List<Integer>> copies = new CopyOnWriteArrayList<>();

	private final MemoryJournal journal = new MemoryJournal();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private EntryMirror mirror;

	@AfterEach
	void stop() {
		this.release.countDown();
		if (this.mirror != null) {
			this.mirror.stop(Duration.ofMinutes(1));
		}
	}

	private EntryMirror mirror(int queueLimit) {
		this.mirror = new EntryMirror("expense", StoragePhase.P2, this.journal, this::copy, null, null, this.meters,
				Duration.ofSeconds(5), queueLimit);
		return this.mirror;
	}

	private void copy(Collection<Integer> ids) {
		this.copies.add(List.copyOf(ids));
		this.firstCopyStarted.countDown();
		try {
			// held until the test lets the burst through
			assertThat(this.release.await(5, TimeUnit.MINUTES)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void aBurstIsCopiedInOneCopyNotOneCopyPerWrite() throws Exception {
		EntryMirror mirror = mirror(10_000);
		mirror.primaryWritten("create", List.of(1));
		assertThat(this.firstCopyStarted.await(5, TimeUnit.MINUTES)).isTrue();
		for (int id = 2; id <= 2_001; id++) {
			mirror.primaryWritten("update", List.of(id % 500 + 2));
		}
		assertThat(mirror.queueDepth()).isEqualTo(2_000);
		this.release.countDown();
		assertThat(mirror.awaitIdle(Duration.ofMinutes(5))).isTrue();
		// the first copy, then the 2,000 queued writes in batches of at most 1,000
		assertThat(this.copies).hasSize(3);
		assertThat(this.copies.get(1)).hasSize(500).doesNotHaveDuplicates();
		assertThat(mirror.batches()).isEqualTo(3);
		assertThat(this.journal.openEntries()).isEmpty();
		assertThat(mirror.queueDepth()).isZero();
		assertThat(this.meters.get("storage.mirror.copies").tag("operation", "update").counter().count())
			.isEqualTo(2_000);
	}

	@Test
	void writesBeyondTheBoundStayOpenInTheJournalForTheRepair() throws Exception {
		EntryMirror mirror = mirror(100);
		mirror.primaryWritten("create", List.of(1));
		assertThat(this.firstCopyStarted.await(5, TimeUnit.MINUTES)).isTrue();
		for (int id = 2; id <= 151; id++) {
			mirror.primaryWritten("create", List.of(id));
		}
		assertThat(mirror.queueDepth()).isEqualTo(100);
		assertThat(this.meters.get("storage.mirror.failures").tag("error", "queue_full").counter().count())
			.isEqualTo(50);
		this.release.countDown();
		assertThat(mirror.awaitIdle(Duration.ofMinutes(5))).isTrue();
		assertThat(this.journal.openEntries()).hasSize(50)
			.allSatisfy((entry) -> assertThat(entry.ids().get(0)).isBetween(102, 151));
		// not pending: the app's own repair takes them
		assertThat(this.journal.openEntries()).noneMatch(mirror::pending);
		assertThat(mirror.repair(this.journal.openEntries())).isNull();
		assertThat(this.journal.openEntries()).isEmpty();
		assertThat(this.copies).hasSize(3);
	}

	/** The journal in memory. */
	static final class MemoryJournal implements RepairJournal {

		private final Map<Long, Entry> open = new LinkedHashMap<>();

		private long next = 1;

		@Override
		public String location() {
			return "memory";
		}

		@Override
		public synchronized Entry open(String entity, String operation, Collection<Integer> ids) {
			Entry entry = new Entry(this.next++, entity, operation, List.copyOf(ids), Instant.now(), null, 0);
			this.open.put(entry.id(), entry);
			return entry;
		}

		@Override
		public synchronized void resolve(Entry entry, String resolution) {
			this.open.remove(entry.id());
		}

		@Override
		public synchronized void fail(Entry entry, String errorKind) {
			this.open.computeIfPresent(entry.id(), (id, current) -> current.failed(errorKind));
		}

		@Override
		public synchronized List<Entry> openEntries() {
			return new ArrayList<>(this.open.values());
		}

		@Override
		public synchronized long openCount() {
			return this.open.size();
		}

	}

}
