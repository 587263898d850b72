package dev.homebudget.schedule;

import java.util.List;

import dev.homebudget.config.StoragePhase;
import dev.homebudget.support.ApiTestSupport;
import dev.homebudget.support.StoragePhases;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Phase P1, the JSON files primary: schedules live in PostgreSQL alone, so every schedule
 * route answers 409 with a sentence and writes nothing, and the poster posts nothing.
 */
class SchedulePhaseApiTests extends ApiTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SchedulePoster poster;

	@DynamicPropertySource
	static void phase(DynamicPropertyRegistry registry) {
		StoragePhases.register(registry, StoragePhase.P1, "api_schedules_p1");
	}

	@Test
	void everyScheduleRouteSaysItNeedsPostgresAsThePrimaryStore() {
		String body = "{\"kind\":\"expense\",\"template\":{\"category\":\"X\",\"amount\":1,\"account\":\"A\"},"
				+ "\"rrule\":\"FREQ=DAILY\",\"start\":\"2031-01-01\"}";
		for (ApiResponse response : List.of(get("/api/v1/schedules"), post("/api/v1/schedules", body),
				get("/api/v1/schedules/1"), patch("/api/v1/schedules/1", "{\"status\":\"paused\"}"),
				delete("/api/v1/schedules/1"), get("/api/v1/schedules/1/occurrences"),
				post("/api/v1/schedules/1/occurrences/2031-01-01/confirm", null),
				post("/api/v1/schedules/1/occurrences/2031-01-01/skip", null), get("/api/v1/upcoming"),
				get("/api/v1/schedules/settings"), put("/api/v1/schedules/settings", "{\"default_split\":null}"),
				post("/api/v1/calendar/feed", null), delete("/api/v1/calendar/feed"),
				get("/api/v1/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics"))) {
			assertThat(response.status()).as(response.toString()).isEqualTo(409);
			assertThat(response.json().get("detail").asString())
				.isEqualTo("Schedules need PostgreSQL as the primary store (storage phase P2 or P3); "
						+ "this server keeps the JSON files primary");
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM schedules").query(Integer.class).single()).isZero();
		this.jdbc.sql("""
				INSERT INTO schedules (household_id, kind, template, rrule, start_date, weekend, mode, post_from)
				VALUES (1, 'expense', '{"category":"x","amount":1,"account":"a"}', 'FREQ=DAILY', '2031-01-01', 'keep',
				    'auto', '2031-01-01')""").update();
		assertThat(this.poster.postDue(java.time.LocalDate.parse("2031-01-05"))).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM schedule_occurrences").query(Integer.class).single()).isZero();
		this.jdbc.sql("DELETE FROM schedules").update();
	}

}
