package dev.homebudget.ops;

import javax.sql.DataSource;

import dev.homebudget.support.ApiTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class HealthApiIntegrationTests extends ApiTestSupport {

	@Autowired
	DataSource dataSource;

	@Test
	void shouldAnswerLiveness() {
		ApiResponse response = get("/api/v1/health/live");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("status").asString()).isEqualTo("alive");
	}

	@Test
	void shouldBeReadyWithEveryCheckByName() {
		ApiResponse response = get("/api/v1/health/ready");
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(body.get("status").asString()).isEqualTo("ready");
		assertThat(body.get("checks").propertyNames()).containsExactly("database", "migrations", "sequences",
				"repair_journal", "json_store");
		for (JsonNode check : body.get("checks")) {
			assertThat(check.get("status").asString()).isEqualTo("up");
			assertThat(check.get("duration_ms").isIntegralNumber()).isTrue();
			assertThat(check.has("reason")).isFalse();
		}
	}

	@Test
	void shouldBeNotReadyWhileASequenceIsBehindMaxId() {
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		long next = jdbc.sql("SELECT COALESCE(max(id), 0) + 1000 FROM incomes").query(Long.class).single();
		jdbc.sql(
				"INSERT INTO incomes (id, date, category, amount, account) VALUES (:id, DATE '2025-01-01', 'seq', 1, 'A')")
			.param("id", next)
			.update();
		try {
			// readiness reuses the sequences check's outcome for a second
			ApiResponse response = awaitReadiness(503);
			assertThat(response.status()).isEqualTo(503);
			assertThat(response.header("Retry-After")).isNotBlank();
			JsonNode body = response.json();
			assertThat(body.get("status").asString()).isEqualTo("not_ready");
			assertThat(body.get("checks").get("database").get("status").asString()).isEqualTo("up");
			assertThat(body.get("checks").get("sequences").get("status").asString()).isEqualTo("down");
			assertThat(body.get("checks").get("sequences").get("reason").asString()).contains("incomes");
		}
		finally {
			jdbc.sql("DELETE FROM incomes WHERE id = :id").param("id", next).update();
			jdbc.sql(
					"SELECT setval(pg_get_serial_sequence('incomes', 'id'), (SELECT COALESCE(max(id), 0) + 1 FROM incomes), false)")
				.query()
				.singleValue();
		}
		assertThat(awaitReadiness(200).status()).isEqualTo(200);
	}

	/** Readiness once it answers {@code status}, or the last answer after 10 s. */
	private ApiResponse awaitReadiness(int status) {
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
		ApiResponse response = get("/api/v1/health/ready");
		while (response.status() != status && System.nanoTime() < deadline) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			response = get("/api/v1/health/ready");
		}
		return response;
	}

}
