package dev.homebudget.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import dev.homebudget.schema.SchemaState;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database and Flyway checks of readiness run at most once a second however many
 * probes arrive (on a clock the test moves itself); checks of in-memory state run on
 * every probe.
 */
class ReadinessCacheTests {

	private static final SchemaState READY = SchemaState.at(SchemaState.Phase.READY, null);

	private static ReadinessCheck counting(String name, boolean cached, AtomicInteger runs) {
		return new ReadinessCheck() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public Result check() {
				runs.incrementAndGet();
				return Result.ok();
			}

			@Override
			public boolean cached() {
				return cached;
			}

		};
	}

	@Test
	void cachedChecksRunOnceASecondAndTheOthersEveryTime() {
		AtomicInteger flyway = new AtomicInteger();
		AtomicInteger memory = new AtomicInteger();
		AtomicLong now = new AtomicLong(1_000_000_000L);
		Readiness readiness = new Readiness(
				List.of(counting("migrations", true, flyway), counting("json_store", false, memory)), READY, now::get);
		try {
			for (int i = 0; i < 10; i++) {
				assertThat(readiness.run().ready()).isTrue();
			}
			now.addAndGet(Duration.ofMillis(999).toNanos());
			Readiness.ReadinessReport report = readiness.run();
			assertThat(flyway.get()).isEqualTo(1);
			assertThat(memory.get()).isEqualTo(11);
			assertThat(report.checks()).containsOnlyKeys("migrations", "json_store");
			assertThat(report.checks().get("migrations").status()).isEqualTo("up");
			now.addAndGet(Duration.ofMillis(1).toNanos());
			readiness.run();
			assertThat(flyway.get()).as("a second after it was taken").isEqualTo(2);
		}
		finally {
			readiness.stop();
		}
	}

	@Test
	void aFloodOfConcurrentProbesRunsTheCachedCheckOnce() throws Exception {
		AtomicInteger database = new AtomicInteger();
		Readiness readiness = new Readiness(List.of(counting("database", true, database)), READY, () -> 42L);
		ExecutorService probes = Executors.newFixedThreadPool(16);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Readiness.ReadinessReport>> answers = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				answers.add(probes.submit(() -> {
					start.await();
					return readiness.run();
				}));
			}
			start.countDown();
			for (Future<Readiness.ReadinessReport> answer : answers) {
				assertThat(answer.get(30, TimeUnit.SECONDS).ready()).isTrue();
			}
			assertThat(database.get()).isEqualTo(1);
		}
		finally {
			probes.shutdownNow();
			readiness.stop();
		}
	}

	@Test
	void theDatabaseMigrationsAndSequencesChecksAreTheCachedOnes() {
		DataSource unused = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none");
		assertThat(new DatabaseReadinessCheck(unused, READY).cached()).isTrue();
		assertThat(new MigrationsReadinessCheck(null, READY).cached()).isTrue();
		assertThat(new SequencesReadinessCheck(unused).cached()).isTrue();
	}

}
