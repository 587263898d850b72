package dev.homebudget.demo;

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
 * Phase P1, the JSON files primary: which rows are the demo's is kept in PostgreSQL
 * alone, so every demo data route answers 409 with a sentence and writes nothing.
 */
class DemoDataPhaseApiTests extends ApiTestSupport {

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void phase(DynamicPropertyRegistry registry) {
		StoragePhases.register(registry, StoragePhase.P1, "api_demo_p1");
	}

	@Test
	void everyDemoDataRouteSaysItNeedsPostgresAsThePrimaryStore() {
		for (ApiResponse response : List.of(get("/api/v1/demo-data"), post("/api/v1/demo-data", null),
				delete("/api/v1/demo-data"))) {
			assertThat(response.status()).as(response.toString()).isEqualTo(409);
			assertThat(response.json().get("detail").asString())
				.isEqualTo("Demo data need PostgreSQL as the primary store (storage phase P2 or P3); "
						+ "this server keeps the JSON files primary");
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM demo_rows").query(Integer.class).single()).isZero();
	}

}
