package dev.homebudget.transition;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * the write is durable (P2: committed), the entry's ids are handed to one worker thread,
 * which copies the primary's current state of those ids to the mirror and resolves the
 * entry. The user's request never waits for the mirror and never fails because of it; a
 * failed copy leaves the entry open, counted and logged, for {@code ./hbw repair}.
 * <p>
 * After a copy fails because the mirror's database is unavailable, copies are skipped
 * (their entries stay open) for a short pause, so an outage costs one connection timeout
 * rather than one per write.
 */
public final class EntryMirror {

	private static final Logger logger = LoggerFactory.getLogger(EntryMirror.class);

	static final String UNAVAILABLE = "database_unavailable";

	static final String SKIPPED = "skipped_while_unavailable";

	private final String entity;

	private final StoragePhase phase;

	private final RepairJournal journal;

	private final MirrorCopier copier;

	private final TransactionTemplate transactions;

	private final MirrorFaultSeam seam;

	private final MeterRegistry meters;

	private final Duration pause;

	private final ExecutorService worker;

	private volatile long pausedUntil;

	/**
	 * Ids written to the primary whose copy has not run yet, with how many copies wait.
	 */
	private final Map<Integer, Integer> inFlight = new ConcurrentHashMap<>();

	/** Copies run so far, and the number of the latest copy of each id. */
	private final AtomicLong copies = new AtomicLong();

	private final Map<Integer, Long> lastCopy = new ConcurrentHashMap<>();

	EntryMirror(String entity, StoragePhase phase, RepairJournal journal, MirrorCopier copier,
			TransactionTemplate transactions, MirrorFaultSeam seam, MeterRegistry meters, Duration pause) {
		this.entity = entity;
		this.phase = phase;
		this.journal = journal;
		this.copier = copier;
		this.transactions = transactions;
		this.seam = seam;
		this.meters = meters;
		this.pause = pause;
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
			RepairJournal.Entry entry = this.journal.open(this.entity, operation, ids);
			markInFlight(ids);
			return new JsonLedger.PendingWrite() {

				@Override
				public void written() {
					afterPrimaryWrite(entry);
				}

				@Override
				public void abandoned(RuntimeException failure) {
					unmarkInFlight(ids);
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
		markInFlight(entry.ids());
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					afterPrimaryWrite(entry);
				}

				@Override
				public void afterCompletion(int status) {
					if (status != STATUS_COMMITTED) {
						unmarkInFlight(entry.ids());
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
		try {
			this.worker.execute(() -> {
				try {
					copy(entry, false);
				}
				finally {
					long copy = this.copies.incrementAndGet();
					entry.ids().forEach((id) -> this.lastCopy.put(id, copy));
					unmarkInFlight(entry.ids());
				}
			});
		}
		catch (RejectedExecutionException ex) {
			logger.warn("Shutting down: {} was not copied to {}; its repair journal entry stays open", entry,
					mirrorName());
		}
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

	private void markInFlight(Collection<Integer> ids) {
		ids.forEach((id) -> this.inFlight.merge(id, 1, Integer::sum));
	}

	private void unmarkInFlight(Collection<Integer> ids) {
		ids.forEach((id) -> this.inFlight.computeIfPresent(id, (key, count) -> (count > 1) ? count - 1 : null));
	}

	/**
	 * Copies an entry's ids now, on the calling thread, ignoring the pause (the repair
	 * command).
	 * @return the error kind, or null when the copy succeeded and the entry is resolved
	 */
	String repair(RepairJournal.Entry entry) {
		return copy(entry, true);
	}

	private String copy(RepairJournal.Entry entry, boolean repair) {
		if (!repair && System.nanoTime() - this.pausedUntil < 0) {
			recordFailure(entry, SKIPPED, null);
			return SKIPPED;
		}
		try {
			this.transactions.executeWithoutResult((status) -> this.copier.copy(entry.ids()));
			this.journal.resolve(entry, repair ? StorageMirrors.REPAIRED : StorageMirrors.MIRRORED);
			Counter.builder("storage.mirror.copies")
				.description("Writes copied to the mirror store, by entity and operation")
				.tags("entity", this.entity, "operation", entry.operation())
				.register(this.meters)
				.increment();
			logger.debug("Mirror: copied {} to {}", entry, mirrorName());
			return null;
		}
		catch (RuntimeException ex) {
			String kind = errorKind(ex);
			if (UNAVAILABLE.equals(kind)) {
				this.pausedUntil = System.nanoTime() + this.pause.toNanos();
			}
			recordFailure(entry, kind, ex);
			return kind;
		}
	}

	private void recordFailure(RepairJournal.Entry entry, String kind, RuntimeException cause) {
		Counter.builder("storage.mirror.failures")
			.description("Writes that could not be copied to the mirror store (their repair journal entries stay open)")
			.tags("entity", this.entity, "operation", entry.operation(), "error", kind)
			.register(this.meters)
			.increment();
		try {
			this.journal.fail(entry, kind);
		}
		catch (RuntimeException ex) {
			logger.debug("Could not record the failure of {} in the repair journal: {}", entry, ex.getMessage());
		}
		logger.warn("Mirror copy failed: {} to {} ({}); the repair journal entry stays open, run ./hbw repair", entry,
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
				return "database_error";
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
				List<Runnable> dropped = this.worker.shutdownNow();
				logger.warn("{} {} copies did not finish before shutdown; their repair journal entries stay open",
						dropped.size(), this.entity);
			}
		}
		catch (InterruptedException ex) {
			this.worker.shutdownNow();
			Thread.currentThread().interrupt();
		}
	}

}
