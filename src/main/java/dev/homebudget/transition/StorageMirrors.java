package dev.homebudget.transition;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.homebudget.config.StorageMode;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The mirrors of the current phase, one per kind of entry, with their shared repair
 * journal. Features create their mirror here when they build their repository; the repair
 * command and readiness find them here.
 * <p>
 * As a lifecycle bean it stops after the web server (so no new writes arrive) and before
 * any bean is destroyed, letting queued copies finish while both stores are still open.
 */
public final class StorageMirrors implements SmartLifecycle {

	/** Resolution of an entry the mirror copied as part of the write. */
	static final String MIRRORED = "mirrored";

	/** Resolution of an entry the repair command copied. */
	static final String REPAIRED = "repaired";

	/** Resolution of an entry whose primary write failed: nothing to copy. */
	static final String PRIMARY_FAILED = "primary_failed";

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

	private final StorageMode mode;

	private final RepairJournal journal;

	private final TransactionTemplate transactions;

	private final MirrorFaultSeam seam;

	private final MeterRegistry meters;

	private final Duration pause;

	private final int shadowPercent;

	private final int queueLimit;

	private final boolean shadowRaise;

	private final Map<String, EntryMirror> mirrors = new LinkedHashMap<>();

	private final Map<String, ShadowReads> shadows = new LinkedHashMap<>();

	private volatile boolean running;

	StorageMirrors(StorageMode mode, RepairJournal journal, PlatformTransactionManager transactionManager,
			MirrorFaultSeam seam, MeterRegistry meters, MirrorProperties properties) {
		this.mode = mode;
		this.journal = journal;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.seam = seam;
		this.meters = meters;
		this.pause = properties.mirrorPause();
		this.shadowPercent = properties.shadowReads();
		this.shadowRaise = properties.shadowReadsRaise();
		this.queueLimit = properties.mirrorQueueLimit();
		// in every phase (0 without a mirror), so one alert rule fits every install
		Gauge.builder("budget.mirror.queue.depth", this, StorageMirrors::queueDepth)
			.description("Writes waiting for their copy to the mirror store (bounded by "
					+ "budget.storage.mirror-queue-limit per kind of entry)")
			.register(meters);
		if (mode.phase().hasMirror()) {
			Gauge.builder("storage.repair.open.entries", this, StorageMirrors::openEntriesOrNaN)
				.description("Open repair journal entries: writes not confirmed in the mirror store")
				.register(meters);
		}
	}

	/**
	 * The mirror of one kind of entry.
	 * @throws IllegalStateException when the phase has no mirror, or the file has one
	 */
	public synchronized EntryMirror create(LedgerFile file, MirrorCopier copier) {
		if (!this.mode.phase().hasMirror()) {
			throw new IllegalStateException(this.mode.phase() + " has no mirror");
		}
		if (this.mirrors.containsKey(file.entryName())) {
			throw new IllegalStateException(file.entryName() + " already has a mirror");
		}
		EntryMirror mirror = new EntryMirror(file.entryName(), this.mode.phase(), this.journal, copier,
				this.transactions, this.seam, this.meters, this.pause, this.queueLimit);
		this.mirrors.put(file.entryName(), mirror);
		return mirror;
	}

	/**
	 * The read experiment of one kind of entry (P2: PostgreSQL is the control, the JSON
	 * files the candidate), sampling {@code budget.storage.shadow-reads} percent of
	 * reads. Ids whose copy is under way are ignored.
	 */
	public synchronized ShadowReads shadowReads(LedgerFile file) {
		EntryMirror mirror = this.mirrors.get(file.entryName());
		if (mirror == null) {
			throw new IllegalStateException(file.entryName() + " has no mirror to read from");
		}
		ShadowReads shadow = new ShadowReads(file.entryName(), this.shadowPercent, this.shadowRaise, this.meters,
				mirror);
		this.shadows.put(file.entryName(), shadow);
		return shadow;
	}

	synchronized Map<String, ShadowReads> shadows() {
		return Map.copyOf(this.shadows);
	}

	public synchronized Optional<EntryMirror> mirror(String entity) {
		return Optional.ofNullable(this.mirrors.get(entity));
	}

	synchronized Collection<EntryMirror> all() {
		return java.util.List.copyOf(this.mirrors.values());
	}

	/** Waits until every copy handed over so far has run (tests, the repair command). */
	public boolean awaitIdle(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		boolean idle = true;
		for (EntryMirror mirror : all()) {
			idle &= mirror.awaitIdle(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
		}
		return idle;
	}

	RepairJournal journal() {
		return this.journal;
	}

	StorageMode mode() {
		return this.mode;
	}

	/** Writes waiting for their copy, over every kind of entry. */
	double queueDepth() {
		return all().stream().mapToInt(EntryMirror::queueDepth).sum();
	}

	private double openEntriesOrNaN() {
		try {
			return this.journal.openCount();
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		for (EntryMirror mirror : all()) {
			mirror.stop(STOP_TIMEOUT);
		}
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Below the web server's phases: stops once requests have stopped. */
	@Override
	public int getPhase() {
		return 0;
	}

}
