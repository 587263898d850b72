package dev.homebudget.transition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import dev.homebudget.config.StoragePhase;
import dev.homebudget.config.StorageProperties;
import dev.homebudget.web.DatabaseFailures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mirrors one kind of entry (expenses or incomes) from the primary store to the other.
 * <p>
 * Every write to the primary opens a repair-journal entry first (P1: in the journal file,
 * before the JSON file is replaced; P2: in the write's own database transaction). Once
 * the write is durable (P2: committed), the entry is queued for one worker thread, which
 * takes everything queued at once (up to {@value #MAX_BATCH} entries), copies the
 * primary's current state of all their ids to the mirror in one copy (P2: one replacement
 * of the JSON file, however many writes it covers) and resolves the entries. So under a
 * burst the mirror does less work per write, not more, and keeps up. The user's request
 * never waits for the mirror and never fails because of it; a failed copy leaves its
 * entries open, counted and logged, for the repair (the app's own, see
 * {@link JournalDrain}, or {@code ./hbw repair}).
 * <p>
 * The queue is bounded ({@code budget.storage.mirror-queue-limit}): a write that finds it
 * full is not queued; its journal entry stays open ({@code queue_full}) and the repair
 * copies it, so memory stays bounded whatever the burst. Its depth is the gauge
 * {@code budget_mirror_queue_depth}.
 * <p>
 * After a copy fails because the mirror's database is unavailable, copies are skipped
 * (their entries stay open) for a short pause, so an outage costs one connection timeout
 * rather than one per write.
 */
public final class EntryMirror {

	private static final Logger logger = LoggerFactory.getLogger(EntryMirror.class);

	static final String UNAVAILABLE = "database_unavailable";

	static final String SKIPPED = "skipped_while_unavailable";

	static final String QUEUE_FULL = "queue_full";

	static final String DATABASE_ERROR = "database_error";

	/** The most journal entries one copy covers. */
	static final int MAX_BATCH = 1000;

	private final String entity;

	private final StoragePhase phase;

	private final RepairJournal journal;

	private final MirrorCopier copier;

	private final TransactionTemplate transactions;

	private final MirrorFaultSeam seam;

	private final MeterRegistry meters;

	private final Duration pause;

	private final ExecutorService worker;

	/** Entries whose primary write is durable, waiting for the worker. */
	private final BlockingQueue<RepairJournal.Entry> queue;

	/** Whether writes found the queue full since it was last emptied. */
	private final AtomicBoolean overflowing = new AtomicBoolean();

	/** Whether a drain of the queue is scheduled and has not started polling yet. */
	private final AtomicBoolean drainScheduled = new AtomicBoolean();

	/** Copies (each covering a batch of entries) run so far. */
	private final AtomicLong batches = new AtomicLong();

	private volatile long pausedUntil;

	/**
	 * Ids written to the primary whose copy has not run yet, with how many copies wait.
	 */
	private final Map<Integer, Integer> inFlight = new ConcurrentHashMap<>();

	/** Copies run so far, and the number of the latest copy of each id. */
	private final AtomicLong copies = new AtomicLong();

	private final Map<Integer, Long> lastCopy = new ConcurrentHashMap<>();

	/** Entries this process opened whose copy has not run yet. */
	private final Set<Long> pending = ConcurrentHashMap.newKeySet();

	EntryMirror(String entity, StoragePhase phase, RepairJournal journal, MirrorCopier copier,
			TransactionTemplate transactions, MirrorFaultSeam seam, MeterRegistry meters, Duration pause,
			int queueLimit) {
		this.entity = entity;
		this.phase = phase;
		this.journal = journal;
		this.copier = copier;
		this.transactions = transactions;
		this.seam = seam;
		this.meters = meters;
		this.pause = pause;
		this.queue = new LinkedBlockingQueue<>(queueLimit);
		this.worker = Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "mirror-" + entity);
			thread.setDaemon(true);
			return thread;
		});
	}

	public String entity() {
		return this.entity;
	}

	private String mirrorName() {
		return (this.phase.mirror() == StorageProperties.StorageBackend.JSON) ? "the JSON files" : "PostgreSQL";
	}

	/**
	 * P1: the journal of the primary JSON ledger. The entry is on disk before the JSON
	 * file is replaced, so a crash right after the replacement leaves it open.
	 */
	public JsonLedger.WriteJournal ledgerJournal() {
		return (operation, ids) -> {
			// in flight before the entry is open: the app's own repair must never copy
			// the state from before this write and resolve the entry
			ids.forEach((id) -> this.inFlight.merge(id, 1, Integer::sum));
			RepairJournal.Entry entry;
			try {
				entry = this.journal.open(this.entity, operation, ids);
			}
			finally {
				ids.forEach((id) -> this.inFlight.computeIfPresent(id, (key, count) -> (count > 1) ? count - 1 : null));
			}
			markInFlight(entry);
			return new JsonLedger.PendingWrite() {

				@Override
				public void written() {
					afterPrimaryWrite(entry);
				}

				@Override
				public void abandoned(RuntimeException failure) {
					unmarkInFlight(entry);
					try {
						EntryMirror.this.journal.resolve(entry, StorageMirrors.PRIMARY_FAILED);
					}
					catch (RuntimeException ex) {
						logger.warn("Could not close repair journal entry {} of a failed JSON write: {}", entry,
								ex.getMessage());
					}
				}

			};
		};
	}

	/**
	 * P2: the primary (PostgreSQL) wrote these ids. Opens the journal entry in the
	 * current transaction and copies after it commits; a write that rolls back is never
	 * copied, and its entry rolls back with it.
	 */
	public void primaryWritten(String operation, Collection<Integer> ids) {
		if (ids.isEmpty()) {
			return;
		}
		RepairJournal.Entry entry = this.journal.open(this.entity, operation, Set.copyOf(ids));
		markInFlight(entry);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					afterPrimaryWrite(entry);
				}

				@Override
				public void afterCompletion(int status) {
					if (status != STATUS_COMMITTED) {
						unmarkInFlight(entry);
					}
				}
			});
		}
		else {
			afterPrimaryWrite(entry);
		}
	}

	private void afterPrimaryWrite(RepairJournal.Entry entry) {
		if (this.seam != null) {
			this.seam.afterPrimaryWrite(this.entity, entry.operation(), entry.ids());
		}
		if (this.worker.isShutdown()) {
			logger.warn("Shutting down: {} was not copied to {}; its repair journal entry stays open", entry,
					mirrorName());
			unmarkInFlight(entry);
			return;
		}
		if (!this.queue.offer(entry)) {
			// the entry is open in the journal: the repair copies it, and memory stays
			// bounded. Counted, and logged once per overflow, not once per write; nothing
			// is written to the journal from the request's thread.
			unmarkInFlight(entry);
			failureCounter(entry, QUEUE_FULL).increment();
			if (this.overflowing.compareAndSet(false, true)) {
				logger.warn(
						"The mirror queue of {} is full ({} writes wait for their copy to {}); further writes "
								+ "stay open in the repair journal until the repair copies them",
						this.entity, this.queue.size(), mirrorName());
			}
			return;
		}
		if (this.drainScheduled.compareAndSet(false, true)) {
			try {
				this.worker.execute(this::drain);
			}
			catch (RejectedExecutionException ex) {
				this.drainScheduled.set(false);
				logger.warn("Shutting down: {} queued copies to {} did not run; their repair journal entries stay open",
						this.queue.size(), mirrorName());
			}
		}
	}

	/** Copies everything queued, a batch at a time; runs on the worker. */
	private void drain() {
		// cleared before polling: an entry queued from now on schedules another drain
		this.drainScheduled.set(false);
		List<RepairJournal.Entry> batch = new ArrayList<>();
		while (this.queue.drainTo(batch, MAX_BATCH) > 0) {
			try {
				String error = copy(batch, false);
				if (DATABASE_ERROR.equals(error) && batch.size() > 1) {
					// one record the mirror refuses must not keep the others open:
					// those are copied one by one
					for (RepairJournal.Entry entry : batch) {
						copy(List.of(entry), false);
					}
				}
			}
			finally {
				copied(batch);
				batch.clear();
			}
		}
		this.overflowing.set(false);
	}

	/** Entries waiting for the worker. */
	int queueDepth() {
		return this.queue.size();
	}

	/** Copies run so far, each covering one or more journal entries. */
	long batches() {
		return this.batches.get();
	}

	/** Whether a copy of this id to the mirror is still to come. */
	public boolean inFlight(int id) {
		return this.inFlight.containsKey(id);
	}

	/** How many copies have run (a clock for {@link #lastCopy}). */
	long copies() {
		return this.copies.get();
	}

	/** The {@link #copies()} count right after the latest copy of this id; 0 if none. */
	long lastCopy(int id) {
		return this.lastCopy.getOrDefault(id, 0L);
	}

	/**
	 * Whether this process opened the entry and its copy is still to come (or under way):
	 * the app's own repair leaves such an entry to the worker. In P1 the entry is open in
	 * the journal before the JSON file holds the write, so copying it then would copy the
	 * old state and resolve the entry.
	 */
	boolean pending(RepairJournal.Entry entry) {
		return this.pending.contains(entry.id()) || entry.ids().stream().anyMatch(this::inFlight);
	}

	private void markInFlight(RepairJournal.Entry entry) {
		this.pending.add(entry.id());
		entry.ids().forEach((id) -> this.inFlight.merge(id, 1, Integer::sum));
	}

	private void unmarkInFlight(RepairJournal.Entry entry) {
		entry.ids().forEach((id) -> this.inFlight.computeIfPresent(id, (key, count) -> (count > 1) ? count - 1 : null));
		this.pending.remove(entry.id());
	}

	/**
	 * A copy of these entries ran (or failed): the clock of the shadow reads moves on.
	 */
	private void copied(List<RepairJournal.Entry> entries) {
		long copy = this.copies.incrementAndGet();
		for (RepairJournal.Entry entry : entries) {
			entry.ids().forEach((id) -> this.lastCopy.put(id, copy));
			unmarkInFlight(entry);
		}
	}

	/**
	 * Copies an entry's ids now, on the calling thread, ignoring the pause (the repair
	 * command).
	 * @return the error kind, or null when the copy succeeded and the entry is resolved
	 */
	String repair(RepairJournal.Entry entry) {
		return repair(List.of(entry));
	}

	/**
	 * Copies the entries' ids now, in one copy, on the calling thread, ignoring the pause
	 * (the repair).
	 * @return the error kind, or null when the copy succeeded and the entries are
	 * resolved
	 */
	String repair(List<RepairJournal.Entry> entries) {
		// in flight while copied: a shadow read meanwhile is inconclusive, not a mismatch
		entries.forEach((entry) -> entry.ids().forEach((id) -> this.inFlight.merge(id, 1, Integer::sum)));
		try {
			return copy(entries, true);
		}
		finally {
			long copy = this.copies.incrementAndGet();
			for (RepairJournal.Entry entry : entries) {
				entry.ids().forEach((id) -> {
					this.lastCopy.put(id, copy);
					this.inFlight.computeIfPresent(id, (key, count) -> (count > 1) ? count - 1 : null);
				});
			}
		}
	}

	private String copy(List<RepairJournal.Entry> entries, boolean repair) {
		if (!repair && System.nanoTime() - this.pausedUntil < 0) {
			entries.forEach((entry) -> recordFailure(entry, SKIPPED, null));
			return SKIPPED;
		}
		Set<Integer> ids = new LinkedHashSet<>();
		entries.forEach((entry) -> ids.addAll(entry.ids()));
		try {
			if (this.transactions != null) {
				this.transactions.executeWithoutResult((status) -> this.copier.copy(ids));
			}
			else {
				this.copier.copy(ids);
			}
			this.batches.incrementAndGet();
			this.journal.resolveAll(entries, repair ? StorageMirrors.REPAIRED : StorageMirrors.MIRRORED);
			for (RepairJournal.Entry entry : entries) {
				Counter.builder("storage.mirror.copies")
					.description("Writes copied to the mirror store, by entity and operation")
					.tags("entity", this.entity, "operation", entry.operation())
					.register(this.meters)
					.increment();
			}
			logger.debug("Mirror: copied {} journal entries ({} ids) to {} in one copy", entries.size(), ids.size(),
					mirrorName());
			return null;
		}
		catch (RuntimeException ex) {
			String kind = errorKind(ex);
			if (UNAVAILABLE.equals(kind)) {
				this.pausedUntil = System.nanoTime() + this.pause.toNanos();
			}
			entries.forEach((entry) -> recordFailure(entry, kind, ex));
			return kind;
		}
	}

	private Counter failureCounter(RepairJournal.Entry entry, String kind) {
		return Counter.builder("storage.mirror.failures")
			.description("Writes that could not be copied to the mirror store (their repair journal entries stay open)")
			.tags("entity", this.entity, "operation", entry.operation(), "error", kind)
			.register(this.meters);
	}

	private void recordFailure(RepairJournal.Entry entry, String kind, RuntimeException cause) {
		failureCounter(entry, kind).increment();
		try {
			this.journal.fail(entry, kind);
		}
		catch (RuntimeException ex) {
			logger.debug("Could not record the failure of {} in the repair journal: {}", entry, ex.getMessage());
		}
		logger.warn("Mirror copy failed: {} to {} ({}); the repair journal entry stays open for the repair", entry,
				mirrorName(), kind);
		if (cause != null) {
			logger.debug("Mirror copy failure of {}", entry, cause);
		}
	}

	/**
	 * A fixed name for a failure: metrics labels and journal entries never hold messages.
	 */
	static String errorKind(Throwable failure) {
		if (DatabaseFailures.isUnavailable(failure)) {
			return UNAVAILABLE;
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof JsonStoreException) {
				return "json_write_failed";
			}
			if (cause instanceof DataAccessException) {
				return DATABASE_ERROR;
			}
		}
		return "unexpected";
	}

	/**
	 * Waits until every copy handed over so far has run.
	 * @return whether it finished in time
	 */
	public boolean awaitIdle(Duration timeout) {
		Future<?> barrier;
		try {
			barrier = this.worker.submit(() -> {
			});
		}
		catch (RejectedExecutionException ex) {
			return this.worker.isTerminated();
		}
		try {
			barrier.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			return false;
		}
		catch (ExecutionException ex) {
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Lets queued copies finish, up to the timeout; the rest stay open in the journal.
	 */
	void stop(Duration timeout) {
		this.worker.shutdown();
		try {
			if (!this.worker.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				this.worker.shutdownNow();
			}
			if (!this.queue.isEmpty()) {
				logger.warn("{} {} copies did not run before shutdown; their repair journal entries stay open",
						this.queue.size(), this.entity);
			}
		}
		catch (InterruptedException ex) {
			this.worker.shutdownNow();
			Thread.currentThread().interrupt();
		}
	}

}
