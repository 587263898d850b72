package dev.homebudget.imports;

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
 * Phase P1, the JSON files primary: statement imports live in PostgreSQL alone, so every
 * import route answers 409 with a sentence and writes nothing.
 */
class ImportPhaseApiTests extends ApiTestSupport {

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void phase(DynamicPropertyRegistry registry) {
		StoragePhases.register(registry, StoragePhase.P1, "api_imports_p1");
	}

	@Test
	void everyImportRouteSaysItNeedsPostgresAsThePrimaryStore() {
		byte[] upload = ImportUploads.body("s.csv", ImportUploads.utf8("Date,Amount\n2030-01-01,-1\n"), "mapping",
				"{\"date\":\"Date\",\"amount\":\"Amount\"}", "account", "Card");
		for (ApiResponse response : List.of(sendBytes("POST", "/api/v1/imports", upload, ImportUploads.CONTENT_TYPE),
				get("/api/v1/imports"), get("/api/v1/imports/1"),
				patch("/api/v1/imports/1/rows/2", "{\"decision\":\"skip\"}"), post("/api/v1/imports/1/commit", null),
				delete("/api/v1/imports/1"), post("/api/v1/imports/1/revert", null), get("/api/v1/imports/profiles"),
				post("/api/v1/imports/profiles",
						"{\"name\":\"x\",\"mapping\":{\"date\":\"D\",\"amount\":\"A\"}," + "\"header\":[\"D\",\"A\"]}"),
				get("/api/v1/imports/profiles/1"), delete("/api/v1/imports/profiles/1"))) {
			assertThat(response.status()).as(response.toString()).isEqualTo(409);
			assertThat(response.json().get("detail").asString())
				.isEqualTo("Statement imports need PostgreSQL as the primary store (storage phase P2 or P3); "
						+ "this server keeps the JSON files primary");
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM import_batches").query(Integer.class).single()).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM import_profiles").query(Integer.class).single()).isZero();
	}

}
