package dev.homebudget.database;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;

/**
 * Watches the embedded PostgreSQL server this app started and starts it again when its
 * postmaster is gone (killed, crashed, taken by the out-of-memory killer): every second
 * it checks that the process runs; when it does not, it restarts it in place with backoff
 * (0.5 s, doubling, at most 10 s between attempts), logs each step and counts each
 * restart in {@code budget_embedded_postgres_restarts_total}. Requests answer 503
 * meanwhile and succeed again once the server is back, without restarting the app.
 * <p>
 * When {@code budget.database.embedded.restart-attempts} attempts in a row fail, the app
 * cannot recover by itself: {@link #recovering()} turns false, so liveness fails and a
 * process supervisor restarts the app. It keeps trying every 10 s, and liveness returns
 * when a restart succeeds. With an external database ({@code DATABASE_URL}) there is
 * nothing to watch.
 */
public final class EmbeddedPostgresSupervisor implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedPostgresSupervisor.class);

	static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);

	static final Duration FIRST_DELAY = Duration.ofMillis(500);

	static final Duration MAX_DELAY = Duration.ofSeconds(10);

	private final EmbeddedPostgres server;

	private final int attempts;

	private final Counter restarts;

	private final AtomicInteger failedRounds = new AtomicInteger();

	private volatile boolean exhausted;

	private volatile String lastFailure;

	private ScheduledExecutorService watcher;

	private volatile boolean running;

	/**
	 * @param server the embedded server, or null with an external database
	 * @param attempts restart attempts in a row before the app reports it cannot recover
	 */
	EmbeddedPostgresSupervisor(EmbeddedPostgres server, int attempts, MeterRegistry meters) {
		this.server = server;
		this.attempts = attempts;
		this.restarts = Counter.builder("budget.embedded.postgres.restarts")
			.description("Times the embedded PostgreSQL server was started again after it died")
			.register(meters);
	}

	/**
	 * False when the embedded server is gone and the restarts in a row are exhausted: the
	 * app cannot recover by itself (liveness fails).
	 */
	public boolean recovering() {
		return !this.exhausted;
	}

	/** Why the last restart failed, for liveness; null when none failed. */
	public String lastFailure() {
		return this.lastFailure;
	}

	@Override
	public synchronized void start() {
		this.running = true;
		if (this.server == null) {
			return;
		}
		this.watcher = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "embedded-postgres-supervisor");
			thread.setDaemon(true);
			return thread;
		});
		this.watcher.scheduleWithFixedDelay(this::check, CHECK_INTERVAL.toMillis(), CHECK_INTERVAL.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	/** One check; a restart, with its backoff, runs on this thread. */
	void check() {
		if (!this.running || this.server.running()) {
			return;
		}
		long pid = this.server.pid();
		long started = System.nanoTime();
		// after the attempts in a row ran out: one attempt per round, at the longest
		// delay
		int tries = this.exhausted ? 1 : this.attempts;
		if (this.exhausted) {
			sleep(MAX_DELAY);
		}
		else {
			logger.error("Embedded PostgreSQL (pid {}) is not running; starting it again", pid);
		}
		RetryTemplate retries = new RetryTemplate(RetryPolicy.builder()
			.includes(RuntimeException.class)
			.delay(FIRST_DELAY)
			.multiplier(2)
			.maxDelay(MAX_DELAY)
			.maxRetries(tries - 1)
			.build());
		AtomicInteger attempt = new AtomicInteger();
		try {
			boolean restarted = retries.execute(() -> {
				if (!this.running) {
					return false;
				}
				attempt.incrementAndGet();
				try {
					return this.server.restartIfGone();
				}
				catch (RuntimeException ex) {
					this.lastFailure = firstLine(ex.getMessage());
					logger.warn("Starting the embedded PostgreSQL again failed (attempt {}): {}", attempt.get(),
							this.lastFailure);
					throw ex;
				}
			});
			if (restarted) {
				this.restarts.increment();
				logger.warn("Embedded PostgreSQL started again (pid {}) {} ms after it was found gone, attempt {}",
						this.server.pid(), Duration.ofNanos(System.nanoTime() - started).toMillis(), attempt.get());
			}
			this.exhausted = false;
			this.failedRounds.set(0);
			this.lastFailure = null;
		}
		catch (RetryException ex) {
			if (!this.exhausted) {
				logger.error(
						"Embedded PostgreSQL could not be started again after {} attempts ({}); the app cannot "
								+ "recover by itself, so liveness fails now. Still trying every {} s.",
						attempt.get(), this.lastFailure, MAX_DELAY.toSeconds());
			}
			this.exhausted = true;
			this.failedRounds.incrementAndGet();
		}
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "unknown";
		}
		int end = message.indexOf('\n');
		return (end < 0) ? message : message.substring(0, end);
	}

	private void sleep(Duration delay) {
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		if (this.watcher != null) {
			this.watcher.shutdownNow();
			try {
				this.watcher.awaitTermination(90, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.watcher = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
