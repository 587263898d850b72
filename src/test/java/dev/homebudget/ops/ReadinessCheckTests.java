package dev.homebudget.ops;

import java.util.List;

import javax.sql.DataSource;

import dev.homebudget.schema.SchemaState;
import dev.homebudget.support.MigratedDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ReadinessCheckTests {

	private static final SchemaState READY = SchemaState.at(SchemaState.Phase.READY, null);

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
		MigrationsReadinessCheck check = new MigrationsReadinessCheck(flyway, READY);
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
		Readiness readiness = new Readiness(List.of(throwing, slow, check("fine", ReadinessCheck.Result::ok)), READY);
		try {
			long start = System.nanoTime();
			Readiness.ReadinessReport report = readiness.run();
			// the deadline is 1 s; below the slow check's 10 s with slack for a loaded
			// box
			assertThat(System.nanoTime() - start).isLessThan(9_000_000_000L);
			assertThat(report.ready()).isFalse();
			assertThat(report.checks().get("broken").reason()).isEqualTo("error: IllegalStateException");
			assertThat(report.checks().get("slow").reason()).isEqualTo("timed out");
			assertThat(report.checks().get("fine").status()).isEqualTo("up");
		}
		finally {
			readiness.stop();
		}
	}

	@Test
	void shouldSayWhatItWaitsForWhileTheDatabaseIsUnreachableWithoutRunningSchemaChecks() {
		SchemaState waiting = SchemaState.at(SchemaState.Phase.WAITING_FOR_DATABASE, "cannot connect to the database");
		DataSource unreachable = new org.springframework.jdbc.datasource.DriverManagerDataSource(
				"jdbc:postgresql://127.0.0.1:1/none");
		java.util.concurrent.atomic.AtomicBoolean ran = new java.util.concurrent.atomic.AtomicBoolean();
		Readiness readiness = new Readiness(List.of(new DatabaseReadinessCheck(unreachable, waiting),
				new MigrationsReadinessCheck(Flyway.configure().dataSource(unreachable).load(), waiting),
				check("journal", () -> {
					ran.set(true);
					return ReadinessCheck.Result.ok();
				})), waiting);
		try {
			Readiness.ReadinessReport report = readiness.run();
			assertThat(report.ready()).isFalse();
			assertThat(report.checks().get("database").reason()).isEqualTo("cannot connect to the database");
			assertThat(report.checks().get("migrations").reason()).isEqualTo("waiting for the database");
			assertThat(report.checks().get("journal").reason()).isEqualTo("waiting for the schema migration");
			assertThat(ran).isFalse();
			Readiness.ReadinessReport hidden = report.withoutDetails();
			assertThat(hidden.checks().get("database").status()).isEqualTo("down");
			assertThat(hidden.checks().get("database").reason()).isNull();
			assertThat(hidden.checks().get("database").durationMs()).isNull();
		}
		finally {
			readiness.stop();
		}
		SchemaState migrating = SchemaState.at(SchemaState.Phase.MIGRATING, null);
		assertThat(new MigrationsReadinessCheck(Flyway.configure().dataSource(unreachable).load(), migrating).check())
			.isEqualTo(ReadinessCheck.Result.down("migrating the schema"));
		SchemaState ready = SchemaState.at(SchemaState.Phase.READY, null);
		assertThat(new DatabaseReadinessCheck(unreachable, ready).check())
			.isEqualTo(ReadinessCheck.Result.down("cannot connect to the database"));
	}

	@Test
	void shouldHideReadinessDetailsFromCallersNotAllowedToSeeThem() {
		Readiness readiness = new Readiness(
				List.of(check("database", () -> ReadinessCheck.Result.down("cannot connect to the database"))), READY);
		MockHttpServletRequest remote = new MockHttpServletRequest();
		remote.setRemoteAddr("203.0.113.5");
		MockHttpServletRequest local = new MockHttpServletRequest();
		local.setRemoteAddr("127.0.0.1");
		try {
			HealthController loopback = new HealthController(readiness,
					new HealthProperties(HealthProperties.Details.LOOPBACK));
			var hidden = loopback.ready(remote);
			assertThat(hidden.getStatusCode().value()).isEqualTo(503);
			assertThat(hidden.getBody().status()).isEqualTo("not_ready");
			assertThat(hidden.getBody().checks().get("database"))
				.isEqualTo(new Readiness.ReadinessCheckStatus("down", null, null));
			assertThat(loopback.ready(local).getBody().checks().get("database").reason())
				.isEqualTo("cannot connect to the database");
			assertThat(
					new HealthController(readiness, new HealthProperties(HealthProperties.Details.ALWAYS)).ready(remote)
						.getBody()
						.checks()
						.get("database")
						.durationMs())
				.isNotNull();
			assertThat(
					new HealthController(readiness, new HealthProperties(HealthProperties.Details.NEVER)).ready(local)
						.getBody()
						.checks()
						.get("database")
						.reason())
				.isNull();
		}
		finally {
			readiness.stop();
		}
	}

	@Test
	void shouldShowDetailsToLoopbackCallersOnly() {
		assertThat(HealthController.isLoopback("127.0.0.1")).isTrue();
		assertThat(HealthController.isLoopback("127.1.2.3")).isTrue();
		assertThat(HealthController.isLoopback("0:0:0:0:0:0:0:1")).isTrue();
		assertThat(HealthController.isLoopback("::1")).isTrue();
		assertThat(HealthController.isLoopback("::ffff:127.0.0.1")).isTrue();
		assertThat(HealthController.isLoopback("203.0.113.5")).isFalse();
		assertThat(HealthController.isLoopback("2001:db8::1")).isFalse();
		assertThat(HealthController.isLoopback("localhost")).isFalse();
		assertThat(HealthController.isLoopback("")).isFalse();
		assertThat(HealthController.isLoopback(null)).isFalse();
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
