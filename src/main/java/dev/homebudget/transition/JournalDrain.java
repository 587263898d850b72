package dev.homebudget.transition;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.homebudget.config.StorageMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The running app works off its own repair journal in the dual-write phases: at startup
 * (the entries a crash between the two writes left open) and then every
 * {@code budget.storage.repair-interval} (the copies that failed while the mirror was
 * down or full, and the writes that found the mirror's queue full), with
 * {@link StorageRepair}, so the backlog does not wait for someone to stop the app and run
 * {@code ./hbw repair}. Entries whose copy this process still has queued are left to the
 * mirror's worker. A run that cannot reach the mirror's database leaves the rest for the
 * next one.
 * <p>
 * Off with {@code budget.storage.self-repair=false} (the command-line tools set it: the
 * {@code repair} command is itself the repair).
 */
@Component
class JournalDrain implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(JournalDrain.class);

	private final StorageMode mode;

	private final StorageRepair repair;

	private final MirrorProperties properties;

	private ScheduledExecutorService scheduler;

	private volatile boolean running;

	private volatile long runs;

	JournalDrain(StorageMode mode, StorageRepair repair, MirrorProperties properties) {
		this.mode = mode;
		this.repair = repair;
		this.properties = properties;
	}

	@Override
	public synchronized void start() {
		this.running = true;
		if (!this.mode.phase().hasMirror() || !this.properties.selfRepair()) {
			return;
		}
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "repair-journal-drain");
			thread.setDaemon(true);
			return thread;
		});
		Duration interval = this.properties.repairInterval();
		if (interval.isZero()) {
			this.scheduler.execute(this::drain);
		}
		else {
			this.scheduler.scheduleWithFixedDelay(this::drain, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	/** One run over the backlog; never throws (the next run tries again). */
	void drain() {
		try {
			StorageRepair.Report report = this.repair.runOnBacklog();
			if (!report.lines().isEmpty()) {
				if (report.failed() == 0) {
					logger.info("Repair journal: copied {} open entr{} to the mirror", report.repaired(),
							(report.repaired() == 1) ? "y" : "ies");
				}
				else {
					logger.warn(
							"Repair journal: copied {} of {} open entries to the mirror; {} still fail (first: {}); "
									+ "retried in {}",
							report.repaired(), report.lines().size(), report.failed(),
							report.lines()
								.stream()
								.filter((line) -> line.error() != null)
								.findFirst()
								.map(StorageRepair.Line::toString)
								.orElse(""),
							this.properties.repairInterval());
				}
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Repair journal: the open entries could not be repaired now ({}); retried in {}",
					ex.getClass().getSimpleName(), this.properties.repairInterval());
			logger.debug("Repair journal drain failure", ex);
		}
		finally {
			this.runs++;
		}
	}

	/** How many runs have finished (for tests). */
	long runs() {
		return this.runs;
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			try {
				this.scheduler.awaitTermination(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.scheduler = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Stops before the mirrors (phase 0), which let their queued copies finish. */
	@Override
	public int getPhase() {
		return 1;
	}

}
