package dev.homebudget.web;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.homebudget.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Security headers, CORS (off by default) and the body size limit. */
class HttpHardeningApiIntegrationTests extends ApiTestSupport {

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/expense", "/api/v1/health", "/api/v1/nope", "/api/v1/expense/abc",
			"/api/v1/reports/monthly?year=x" })
	void shouldSendSecurityHeadersOnApiResponsesIncludingErrors(String path) {
		ApiResponse response = path.endsWith("abc") ? delete(path) : get(path);
		assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
		assertThat(response.header("Cache-Control")).isEqualTo("no-store");
	}

	@Test
	void shouldSendAContentSecurityPolicyOnPages() {
		ApiResponse response = get("/docs");
		assertThat(response.header("Content-Security-Policy")).contains("frame-ancestors 'none'")
			.contains("script-src 'self'");
		assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
	}

	@Test
	void shouldNotAllowCrossOriginCallsByDefault() throws Exception {
		HttpResponse<String> preflight = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/expense"))
				.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
				.header("Origin", "https://evil.example")
				.header("Access-Control-Request-Method", "POST")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		HttpResponse<String> simple = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/health"))
				.header("Origin", "https://evil.example")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(simple.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	@Test
	void shouldRefuseBodiesOverTheLimitByContentLength() {
		ApiResponse response = post("/api/v1/expense", "{\"notes\":\"" + "x".repeat(1_100_000) + "\"}");
		assertThat(response.status()).isEqualTo(413);
		assertThat(response.json().get("detail").asString()).startsWith("Request body too large");
	}

	@Test
	void shouldRefuseChunkedBodiesOverTheLimitWhileReading() throws Exception {
		byte[] body = ("{\"notes\":\"" + "x".repeat(1_100_000) + "\"}").getBytes();
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/expense"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).startsWith("{\"detail\":\"Request body too large");
	}

	@Test
	void shouldRefuseWildcardCorsConfiguration() {
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> new HttpProperties(org.springframework.util.unit.DataSize.ofKilobytes(1),
					org.springframework.util.unit.DataSize.ofKilobytes(1), java.util.List.of("*"), java.util.List.of(),
					java.util.List.of(), null))
			.hasMessageContaining("'*' is not allowed");
	}

}
