package dev.homebudget.rules;

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
 * Phase P1, the JSON files primary: rules live in PostgreSQL alone, so every rule route
 * answers 409 with a sentence and writes nothing.
 */
class RulePhaseApiTests extends ApiTestSupport {

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void phase(DynamicPropertyRegistry registry) {
		StoragePhases.register(registry, StoragePhase.P1, "api_rules_p1");
	}

	@Test
	void everyRuleRouteSaysItNeedsPostgresAsThePrimaryStore() {
		String body = "{\"name\":\"x\",\"conditions\":{\"kind\":\"expense\"},\"actions\":{\"category\":\"c\"}}";
		for (ApiResponse response : List.of(get("/api/v1/rules"), post("/api/v1/rules", body), get("/api/v1/rules/1"),
				put("/api/v1/rules/1", body), delete("/api/v1/rules/1"), post("/api/v1/rules/order", "{\"ids\":[1]}"),
				post("/api/v1/rules/1/preview", null), post("/api/v1/rules/1/apply", null))) {
			assertThat(response.status()).as(response.toString()).isEqualTo(409);
			assertThat(response.json().get("detail").asString())
				.isEqualTo("Rules need PostgreSQL as the primary store (storage phase P2 or P3); "
						+ "this server keeps the JSON files primary");
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM rules").query(Integer.class).single()).isZero();
	}

}
