package dev.homebudget.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.homebudget.schema.SchemaState;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link ReadinessCheck} in parallel under one deadline, so that a database
 * that does not answer (or a pool that is exhausted) makes readiness say "not ready" in
 * about a second instead of hanging the probe.
 * <p>
 * The outcome of a {@linkplain ReadinessCheck#cached() cached} check (database,
 * migrations, sequences) is reused for {@link #CACHE_FOR}, and one probe runs at a time:
 * a flood of probes (the endpoint is public) costs one database and Flyway check per
 * second, and readiness follows a change within a second.
 */
@Component
class Readiness {

	private static final Logger log = LoggerFactory.getLogger(Readiness.class);

	static final Duration DEADLINE = Duration.ofSeconds(1);

	static final Duration CACHE_FOR = Duration.ofSeconds(1);

	private final List<ReadinessCheck> checks;

	private final ExecutorService executor;

	private final SchemaState schema;

	private final LongSupplier nanoTime;

	/** The last outcome of each cached check, and when it was taken; guarded by this. */
	private final Map<String, Taken> taken = new HashMap<>();

	@Autowired
	Readiness(List<ReadinessCheck> checks, SchemaState schema) {
		this(checks, schema, System::nanoTime);
	}

	Readiness(List<ReadinessCheck> checks, SchemaState schema, LongSupplier nanoTime) {
		this.checks = List.copyOf(checks);
		this.schema = schema;
		this.nanoTime = nanoTime;
		AtomicInteger count = new AtomicInteger();
		// Daemon threads: a check stuck on a dead socket must not keep the JVM alive.
		this.executor = Executors.newFixedThreadPool(Math.max(2, this.checks.size()), (task) -> {
			Thread thread = new Thread(task, "readiness-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	synchronized ReadinessReport run() {
		long now = this.nanoTime.getAsLong();
		List<Future<ReadinessCheck.Result>> futures = new ArrayList<>();
		List<Long> starts = new ArrayList<>();
		boolean schemaReady = this.schema.ready();
		for (ReadinessCheck check : this.checks) {
			starts.add(System.nanoTime());
			Taken reusable = check.cached() ? this.taken.get(check.name()) : null;
			if (reusable != null && now - reusable.at() < CACHE_FOR.toNanos()) {
				futures.add(null);
			}
			else {
				futures
					.add((schemaReady || !check.needsSchema()) ? this.executor.submit(check::check) : CompletableFuture
						.completedFuture(ReadinessCheck.Result.down("waiting for the schema migration")));
			}
		}
		long deadline = System.nanoTime() + DEADLINE.toNanos();
		Map<String, ReadinessCheckStatus> results = new LinkedHashMap<>();
		boolean ready = true;
		for (int i = 0; i < this.checks.size(); i++) {
			ReadinessCheck check = this.checks.get(i);
			ReadinessCheckStatus status;
			if (futures.get(i) == null) {
				status = this.taken.get(check.name()).status();
			}
			else {
				ReadinessCheck.Result result = await(check, futures.get(i), deadline);
				long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - starts.get(i));
				status = new ReadinessCheckStatus(result.up() ? "up" : "down", millis, result.reason());
				if (check.cached()) {
					this.taken.put(check.name(), new Taken(status, this.nanoTime.getAsLong()));
				}
			}
			results.put(check.name(), status);
			ready &= "up".equals(status.status());
		}
		return new ReadinessReport(ready ? "ready" : "not_ready", results);
	}

	/** A cached check's outcome and the time it was taken. */
	private record Taken(ReadinessCheckStatus status, long at) {

	}

	private ReadinessCheck.Result await(ReadinessCheck check, Future<ReadinessCheck.Result> future, long deadline) {
		try {
			ReadinessCheck.Result result = future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			return (result != null) ? result : ReadinessCheck.Result.down("no result");
		}
		catch (TimeoutException ex) {
			future.cancel(true);
			return ReadinessCheck.Result.down("timed out");
		}
		catch (ExecutionException ex) {
			log.debug("Readiness check {} failed: {}", check.name(), ex.getCause().getClass().getSimpleName());
			return ReadinessCheck.Result.down("error: " + ex.getCause().getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return ReadinessCheck.Result.down("interrupted");
		}
	}

	@PreDestroy
	void stop() {
		this.executor.shutdownNow();
	}

	/** The readiness body. */
	record ReadinessReport(String status, Map<String, ReadinessCheckStatus> checks) {

		boolean ready() {
			return "ready".equals(this.status);
		}

		/** Only the status and each check's up or down, for callers not shown details. */
		ReadinessReport withoutDetails() {
			Map<String, ReadinessCheckStatus> statuses = new LinkedHashMap<>();
			this.checks
				.forEach((name, check) -> statuses.put(name, new ReadinessCheckStatus(check.status(), null, null)));
			return new ReadinessReport(this.status, statuses);
		}

	}

	/**
	 * One check in the readiness body; {@code duration_ms} and {@code reason} are left
	 * out when null.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ReadinessCheckStatus(String status, @JsonProperty("duration_ms") Long durationMs, String reason) {

	}

}
