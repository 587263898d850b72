package dev.homebudget.imports;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import dev.homebudget.support.ApiTestSupport;
import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v1/imports/profiles}: a mapping saved per bank is chosen by the file's
 * header when a statement comes without a mapping; two profiles with one header make the
 * upload name one; names are unique, changes need the current version.
 */
class ImportProfileApiTests extends ApiTestSupport {

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		registry.add(DATABASE_URL_PROPERTY, () -> TestDatabase.jdbcUrl("imports_profiles"));
	}

	private static final String MAPPING = "{\"date\":\"Booking Date\",\"date_format\":\"dd/MM/yyyy\","
			+ "\"amount\":\"Value\",\"payee\":\"Text\",\"decimal\":\",\",\"delimiter\":\";\"}";

	private static final String FILE = "Booking Date;Text;Value\n01/02/2030;Bakery;-3,20\n";

	private ApiResponse upload(String... fields) {
		return sendBytes("POST", "/api/v1/imports", ImportUploads.body("s.csv", ImportUploads.utf8(FILE), fields),
				ImportUploads.CONTENT_TYPE);
	}

	private ApiResponse withIfMatch(String method, String path, String body, String etag) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.header("If-Match", etag)
			.method(method, (body == null) ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		return send(request.build());
	}

	@Test
	void aSavedProfileIsChosenByTheFilesHeader() {
		String name = "Bank " + UUID.randomUUID().toString().substring(0, 8);
		ApiResponse created = post("/api/v1/imports/profiles", "{\"name\":\"" + name + "\",\"mapping\":" + MAPPING
				+ ",\"header\":[\"Booking Date\",\"Text\",\"Value\"]}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.header("ETag")).isEqualTo("\"1\"");
		int profile = created.json().get("id").asInt();
		assertThat(created.json().get("header").toString()).isEqualTo("[\"booking date\",\"text\",\"value\"]");
		assertThat(created.json().get("mapping").get("delimiter").asString()).isEqualTo(";");

		ApiResponse chosen = upload("account", "Visa");
		assertThat(chosen.status()).as(chosen.toString()).isEqualTo(201);
		assertThat(chosen.json().get("profile_id").asInt()).isEqualTo(profile);
		assertThat(chosen.json().get("profile").asString()).isEqualTo(name);
		JsonNode row = chosen.json().get("rows").get(0);
		assertThat(row.get("status").asString()).isEqualTo("new");
		assertThat(row.get("amount").decimalValue()).isEqualByComparingTo("3.20");
		assertThat(row.get("date").asString()).isEqualTo("2030-02-01");

		assertThat(post("/api/v1/imports/profiles",
				"{\"name\":\"" + name + "\",\"mapping\":" + MAPPING + ",\"header\":[\"a\"]}")
			.status()).isEqualTo(409);

		// a second profile from that import: the same header, so an upload must name one
		ApiResponse fromImport = post("/api/v1/imports/profiles",
				"{\"name\":\"" + name + " copy\",\"import_id\":" + chosen.json().get("id").asInt() + "}");
		assertThat(fromImport.status()).as(fromImport.toString()).isEqualTo(201);
		assertThat(fromImport.json().get("header")).isEqualTo(created.json().get("header"));
		int copy = fromImport.json().get("id").asInt();
		ApiResponse ambiguous = upload("account", "Visa");
		assertThat(ambiguous.status()).as(ambiguous.toString()).isEqualTo(422);
		assertThat(ambiguous.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"body\",\"profile\"]");
		ApiResponse named = upload("account", "Visa", "profile", String.valueOf(copy));
		assertThat(named.status()).as(named.toString()).isEqualTo(201);
		assertThat(named.json().get("profile_id").asInt()).isEqualTo(copy);
		assertThat(named.json().get("rows").get(0).get("status").asString()).isEqualTo("new");

		ApiResponse unknown = upload("account", "Visa", "profile", "999999");
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"body\",\"profile\"]");
		assertThat(upload("account", "Visa", "profile", String.valueOf(copy), "mapping", MAPPING).status())
			.isEqualTo(422);

		// replace needs the current version; delete too
		String path = "/api/v1/imports/profiles/" + copy;
		String renamed = "{\"name\":\"" + name + " renamed\",\"mapping\":" + MAPPING + "}";
		assertThat(withIfMatch("PUT", path, renamed, "\"7\"").status()).isEqualTo(412);
		ApiResponse replaced = withIfMatch("PUT", path, renamed, "\"1\"");
		assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
		assertThat(replaced.json().get("version").asInt()).isEqualTo(2);
		assertThat(replaced.json().get("header")).isEqualTo(created.json().get("header"));
		assertThat(get(path).json().get("name").asString()).isEqualTo(name + " renamed");
		assertThat(withIfMatch("DELETE", path, null, "\"1\"").status()).isEqualTo(412);
		assertThat(delete(path).status()).isEqualTo(200);
		assertThat(get(path).status()).isEqualTo(404);
		assertThat(get("/api/v1/imports/profiles/x").status()).isEqualTo(404);
		assertThat(upload("account", "Visa").json().get("profile_id").asInt()).isEqualTo(profile);
		assertThat(get("/api/v1/imports/profiles").json()).hasSize(1);
	}

	@Test
	void badProfilesAreRefusedWithEveryProblem() {
		ApiResponse empty = post("/api/v1/imports/profiles", "{}");
		assertThat(empty.status()).isEqualTo(422);
		assertThat(empty.json().get("detail")).hasSize(3);
		ApiResponse badMapping = post("/api/v1/imports/profiles",
				"{\"name\":\"x\",\"mapping\":{\"amount\":\"A\"},\"header\":[\"A\"]}");
		assertThat(badMapping.status()).isEqualTo(422);
		assertThat(badMapping.json().get("detail").get(0).get("loc").toString())
			.isEqualTo("[\"body\",\"mapping\",\"date\"]");
		ApiResponse badHeader = post("/api/v1/imports/profiles",
				"{\"name\":\"x\",\"mapping\":" + MAPPING + ",\"header\":\"Date\"}");
		assertThat(badHeader.status()).isEqualTo(422);
		ApiResponse noImport = post("/api/v1/imports/profiles", "{\"name\":\"x\",\"import_id\":999999}");
		assertThat(noImport.status()).isEqualTo(422);
		ApiResponse notJson = send("POST", "/api/v1/imports/profiles", "name=x", "text/plain");
		assertThat(notJson.status()).isEqualTo(415);
		ApiResponse noMatch = sendBytes("POST", "/api/v1/imports",
				ImportUploads.body("s.csv", ImportUploads.utf8("Q,R\n1,2\n"), "account", "Visa"),
				ImportUploads.CONTENT_TYPE);
		assertThat(noMatch.status()).isEqualTo(422);
		assertThat(noMatch.json().get("detail").get(0).get("msg").asString())
			.contains("no saved profile matches this file's header");
	}

}
