package dev.homebudget.history;

import java.util.List;

import dev.homebudget.config.StoragePhase;
import dev.homebudget.support.ApiTestSupport;
import dev.homebudget.support.StoragePhases;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Phase P1, the JSON files primary: a delete is final as before (a second DELETE is 404),
 * and every history and trash route answers 409 with a sentence.
 */
class HistoryPhaseApiTests extends ApiTestSupport {

	@DynamicPropertySource
	static void phase(DynamicPropertyRegistry registry) {
		StoragePhases.register(registry, StoragePhase.P1, "api_history_p1");
	}

	@Test
	void deletesAreFinalAndEveryHistoryRouteSaysItNeedsPostgresAsThePrimaryStore() {
		ApiResponse created = post("/api/v1/expense",
				"{\"date\":\"2026-12-03\",\"category\":\"Food\",\"amount\":4,\"account\":\"Cash\"}");
		assertThat(created.status()).as(created.toString()).isEqualTo(200);
		int id = created.json().get("expense").get("id").asInt();
		assertThat(delete("/api/v1/expense/" + id).status()).isEqualTo(200);
		assertThat(delete("/api/v1/expense/" + id).status()).isEqualTo(404);
		for (ApiResponse response : List.of(get("/api/v1/expense/" + id + "/history"), get("/api/v1/income/1/history"),
				get("/api/v1/activity"), get("/api/v1/changes"), get("/api/v1/trash"),
				post("/api/v1/trash/restore", "{\"expense\":[" + id + "]}"),
				post("/api/v1/trash/restore", "{\"batch\":\"1\"}"), delete("/api/v1/trash"))) {
			assertThat(response.status()).as(response.toString()).isEqualTo(409);
			assertThat(response.json().get("detail").asString())
				.isEqualTo("History and the trash need PostgreSQL as the primary store (storage phase P2 or P3); "
						+ "this server keeps the JSON files primary");
		}
	}

}
