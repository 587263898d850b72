package dev.homebudget.category;

import java.util.List;

import dev.homebudget.config.StoragePhase;
import dev.homebudget.support.ApiTestSupport;
import dev.homebudget.support.StoragePhases;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Phase P1, the JSON files primary: categories live in PostgreSQL alone, so every
 * category route answers 409 with a sentence, while entries and their category filter
 * work as before (any spelling of a name matches, as in PostgreSQL).
 */
class CategoryPhaseApiTests extends ApiTestSupport {

	@DynamicPropertySource
	static void phase(DynamicPropertyRegistry registry) {
		StoragePhases.register(registry, StoragePhase.P1, "api_categories_p1");
	}

	@Test
	void everyCategoryRouteSaysItNeedsPostgresAsThePrimaryStore() {
		for (ApiResponse response : List.of(get("/api/v1/categories"), get("/api/v1/categories/1"),
				get("/api/v1/categories/duplicates"), get("/api/v1/suggestions?business=Shop"),
				post("/api/v1/categories", "{\"name\":\"Food\",\"kind\":\"expense\"}"),
				patch("/api/v1/categories/1", "{\"name\":\"Food\"}"), delete("/api/v1/categories/1"),
				post("/api/v1/categories/1/merge", "{\"into\":2}"))) {
			assertThat(response.status()).as(response.toString()).isEqualTo(409);
			assertThat(response.json().get("detail").asString())
				.isEqualTo("Categories need PostgreSQL as the primary store (storage phase P2 or P3); "
						+ "this server keeps the JSON files primary");
		}
	}

	@Test
	void entriesKeepTheirTextAndTheFilterMatchesAnySpelling() {
		ApiResponse created = post("/api/v1/expense",
				"{\"date\":\"2025-11-10\",\"category\":\"  Pet Food \",\"amount\":2,\"account\":\"Cash\"}");
		assertThat(created.status()).as(created.toString()).isEqualTo(200);
		assertThat(created.json().get("expense").get("category").asString()).isEqualTo("  Pet Food ");
		ApiResponse filtered = get("/api/v1/expense?category=pet%20food&limit=5");
		assertThat(filtered.status()).isEqualTo(200);
		assertThat(filtered.json())
			.anyMatch((row) -> row.get("id").asInt() == created.json().get("expense").get("id").asInt());
	}

}
