package dev.homebudget.ops;

import java.util.List;

import javax.sql.DataSource;

import dev.homebudget.support.MigratedDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class ReadinessCheckTests {

	@Test
	void shouldAcceptNeverUsedSequencesAndFlagOneBehindExplicitIds() {
		DataSource dataSource = MigratedDatabase.migrated("readiness_sequences");
		MigratedDatabase.truncate(dataSource, "expenses", "incomes");
		SequencesReadinessCheck check = new SequencesReadinessCheck(dataSource);
		assertThat(check.check().up()).isTrue();
		JdbcClient.create(dataSource)
			.sql("INSERT INTO expenses (id, date, category, amount, account) VALUES (1, DATE '2025-01-01', 'c', 1, 'a')")
			.update();
		ReadinessCheck.Result result = check.check();
		assertThat(result.up()).isFalse();
		assertThat(result.reason()).contains("expenses").doesNotContain("incomes");
	}

	@Test
	void shouldFlagPendingMigrationsAndAcceptTheLatest() {
		DataSource dataSource = MigratedDatabase.dataSource("readiness_migrations");
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("1").load().migrate();
		Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
		MigrationsReadinessCheck check = new MigrationsReadinessCheck(flyway);
		assertThat(check.check()).isEqualTo(ReadinessCheck.Result.down("pending migrations"));
		flyway.migrate();
		assertThat(check.check().up()).isTrue();
	}

	@Test
	void shouldReportAThrowingOrSlowCheckAsDownWithinTheDeadline() {
		ReadinessCheck throwing = check("broken", () -> {
			throw new IllegalStateException("secret host 10.0.0.1");
		});
		ReadinessCheck slow = check("slow", () -> {
			try {
				Thread.sleep(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return ReadinessCheck.Result.ok();
		});
		Readiness readiness = new Readiness(List.of(throwing, slow, check("fine", ReadinessCheck.Result::ok)));
		try {
			long start = System.nanoTime();
			Readiness.ReadinessReport report = readiness.run();
			assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
			assertThat(report.ready()).isFalse();
			assertThat(report.checks().get("broken").reason()).isEqualTo("error: IllegalStateException");
			assertThat(report.checks().get("slow").reason()).isEqualTo("timed out");
			assertThat(report.checks().get("fine").status()).isEqualTo("up");
		}
		finally {
			readiness.stop();
		}
	}

	private static ReadinessCheck check(String name, java.util.function.Supplier<ReadinessCheck.Result> body) {
		return new ReadinessCheck() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public Result check() {
				return body.get();
			}

		};
	}

}
