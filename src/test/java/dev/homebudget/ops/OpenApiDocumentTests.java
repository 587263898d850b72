package dev.homebudget.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.homebudget.support.ApiTestSupport;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the committed {@code openapi/openapi_v1.json} equal to the live
 * {@code /openapi.json} (minus the server URL, which depends on the port). After an
 * intended API change, refresh it with
 * {@code ./mvnw test -Dtest=OpenApiDocumentTests -Dopenapi.write=true}.
 */
class OpenApiDocumentTests extends ApiTestSupport {

	private static final Path COMMITTED = Path.of("openapi", "openapi_v1.json");

	private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	@Test
	void shouldMatchTheCommittedDocument() throws IOException {
		JsonNode live = get("/openapi.json").json();
		((ObjectNode) live).remove("servers");
		String rendered = PRETTY.writeValueAsString(live) + "\n";
		if (Boolean.getBoolean("openapi.write")) {
			Files.createDirectories(COMMITTED.getParent());
			Files.writeString(COMMITTED, rendered, StandardCharsets.UTF_8);
		}
		assertThat(COMMITTED).as("run with -Dopenapi.write=true to create it").exists();
		JsonNode committed = JSON.readTree(Files.readString(COMMITTED, StandardCharsets.UTF_8));
		assertThat(live).as("openapi/openapi_v1.json is out of date: rerun this test with -Dopenapi.write=true")
			.isEqualTo(committed);
		assertThat(live.get("paths").propertyNames()).contains("/api/v1/expense", "/api/v1/expense/{expense_id}",
				"/api/v1/expense/bulk-delete", "/api/v1/income", "/api/v1/income/{income_id}",
				"/api/v1/income/bulk-delete", "/api/v1/health", "/");
	}

}
