package dev.homebudget.history;

import java.nio.file.Files;
import java.time.Duration;

import dev.homebudget.config.StoragePhase;
import dev.homebudget.support.ApiTestSupport;
import dev.homebudget.support.StoragePhases;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Phase P2, PostgreSQL primary with the JSON mirror (every read shadowed, a mismatch
 * raised): a delete goes to the trash and leaves the mirror, a restore brings the row
 * back in both stores.
 */
class HistoryMirrorApiTests extends ApiTestSupport {

	private static final String NAME = "api_history_p2";

	@DynamicPropertySource
	static void phase(DynamicPropertyRegistry registry) {
		StoragePhases.register(registry, StoragePhase.P2, NAME);
		registry.add("budget.storage.shadow-reads", () -> "100");
		registry.add("budget.storage.shadow-reads-raise", () -> "true");
	}

	private static boolean mirrored(int id) throws Exception {
		String json = Files.readString(StoragePhases.jsonDirectory(NAME).resolve("expenses.json"));
		JsonNode rows = JSON.readTree(json);
		for (JsonNode row : rows) {
			if (row.get("id").asInt() == id) {
				return true;
			}
		}
		return false;
	}

	@Test
	void aRestoreReachesTheMirror() {
		ApiResponse created = post("/api/v1/expense",
				"{\"date\":\"2026-12-03\",\"category\":\"Mirror\",\"amount\":4.5,\"account\":\"Cash\"}");
		assertThat(created.status()).as(created.toString()).isEqualTo(200);
		int id = created.json().get("expense").get("id").asInt();
		await().atMost(Duration.ofSeconds(30)).until(() -> mirrored(id));
		assertThat(delete("/api/v1/expense/" + id).status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(30)).until(() -> !mirrored(id));
		assertThat(get("/api/v1/trash").body()).contains("\"id\":" + id + ",");

		ApiResponse restored = post("/api/v1/trash/restore", "{\"expense\":[" + id + "]}");
		assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(30)).until(() -> mirrored(id));
		ApiResponse list = get("/api/v1/expense");
		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		assertThat(list.body()).contains("\"id\":" + id + ",");
		assertThat(send("HEAD", "/api/v1/expense/" + id, null, null).header("ETag")).isEqualTo("\"1\"");
		JsonNode history = get("/api/v1/expense/" + id + "/history").json();
		assertThat(history).hasSize(3);
		assertThat(history.get(0).get("action").asString()).isEqualTo("restore");
	}

}
