package dev.homebudget.ops;

import dev.homebudget.support.ApiTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpsApiIntegrationTests extends ApiTestSupport {

	@Test
	void shouldAnswerHealthExactly() {
		ApiResponse response = get("/api/v1/health");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json()).isEqualTo(JSON.readTree("{\"status\":\"ok\"}"));
	}

	@Test
	void shouldGreetAtRoot() {
		ApiResponse response = get("/");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("message").asString()).isEqualTo("Home Budget Web Backend running");
		assertThat(send("HEAD", "/", null, null).status()).isEqualTo(200);
	}

	@Test
	void shouldServeTheWebUiToBrowsersAndTheGreetingToApiClients() {
		ApiResponse page = send(
				java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + "/"))
					.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
					.build());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Content-Type")).startsWith("text/html");
		assertThat(page.body()).contains("<title>Home Budget</title>").contains("/ui/app.js");
		for (String accept : new String[] { "*/*", "application/json" }) {
			ApiResponse json = send(
					java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + "/"))
						.header("Accept", accept)
						.build());
			assertThat(json.status()).isEqualTo(200);
			assertThat(json.header("Content-Type")).startsWith("application/json");
			assertThat(json.json().get("message").asString()).isEqualTo("Home Budget Web Backend running");
		}
		assertThat(get("/ui/app.js").status()).isEqualTo(200);
		assertThat(get("/webjars/bootstrap/5.3.3/css/bootstrap.min.css").status()).isEqualTo(200);
	}

	@Test
	void shouldAnswerUnknownPathsWithNotFoundDetail() {
		ApiResponse response = get("/api/v1/nothing-here");
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.body()).isEqualTo("{\"detail\":\"Not Found\"}");
	}

	@Test
	void shouldServeInteractiveDocsAndTheSchema() {
		ApiResponse docs = get("/docs");
		assertThat(docs.status()).isBetween(300, 399);
		ApiResponse page = get(docs.header("Location").replaceFirst("^https?://[^/]+", ""));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).containsIgnoringCase("swagger");
		ApiResponse schema = get("/openapi.json");
		assertThat(schema.status()).isEqualTo(200);
		assertThat(schema.json().get("info").get("title").asString()).isEqualTo("Home Budget Web Backend");
	}

	@Test
	void shouldNeverLeakInternalsOfAnUnexpectedFailure() {
		ApiResponse response = get("/test-only/unexpected-failure");
		assertThat(response.status()).isEqualTo(500);
		assertThat(response.body()).isEqualTo("{\"detail\":\"Internal Server Error\"}");
	}

	@Test
	void shouldAnswer503WithRetryAfterWhenTheDatabaseIsUnavailable() {
		ApiResponse response = get("/test-only/database-down");
		assertThat(response.status()).isEqualTo(503);
		assertThat(response.header("Retry-After")).isNotBlank();
		assertThat(response.body()).doesNotContain("jdbc").doesNotContain("127.0.0.1").doesNotContain("Exception");
	}

	@Test
	void shouldRenderContainerErrorsWithTheDetailBodyOnly() {
		ApiResponse response = get("/error");
		assertThat(response.json().has("detail")).isTrue();
		assertThat(response.body()).doesNotContain("trace").doesNotContain("exception");
	}

}
