package dev.homebudget.budget;

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
 * Phase P1, the JSON files primary: budgets live in PostgreSQL alone, so every budget
 * route answers 409 with a sentence and writes nothing.
 */
class BudgetPhaseApiTests extends ApiTestSupport {

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void phase(DynamicPropertyRegistry registry) {
		StoragePhases.register(registry, StoragePhase.P1, "api_budgets_p1");
	}

	@Test
	void everyBudgetRouteSaysItNeedsPostgresAsThePrimaryStore() {
		for (ApiResponse response : List.of(get("/api/v1/budgets/settings"),
				put("/api/v1/budgets/settings", "{\"start_day\":10}"), get("/api/v1/budgets/2025-11"),
				put("/api/v1/budgets/2025-11/categories/1", "{\"assigned\":10}"),
				post("/api/v1/budgets/2025-11/moves", "{\"from\":1,\"to\":2,\"amount\":5}"),
				post("/api/v1/budgets/2025-11/copy", "{\"to\":\"2025-12\"}"),
				post("/api/v1/budgets/2025-11/fill", "{}"), get("/api/v1/budgets/2025-11/categories/1/explain"),
				get("/api/v1/reports/budget?from=2025-01&to=2025-12"))) {
			assertThat(response.status()).as(response.toString()).isEqualTo(409);
			assertThat(response.json().get("detail").asString())
				.isEqualTo("Budgets need PostgreSQL as the primary store (storage phase P2 or P3); "
						+ "this server keeps the JSON files primary");
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM budget_lines").query(Integer.class).single()).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM budget_settings").query(Integer.class).single()).isZero();
	}

}
