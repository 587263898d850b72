package dev.homebudget.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "budget.http.cors-allowed-origins=https://budget.example, https://other.example")
class CorsAllowListApiIntegrationTests {

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("budget.database.url", () -> TestDatabase.jdbcUrl("cors"));
	}

	private HttpResponse<String> preflight(String origin) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/expense"))
				.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
				.header("Origin", origin)
				.header("Access-Control-Request-Method", "POST")
				.header("Access-Control-Request-Headers", "Content-Type")
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void shouldEchoAnAllowedOriginExactlyWithoutCredentials() throws Exception {
		HttpResponse<String> response = preflight("https://budget.example");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("https://budget.example");
		assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
	}

	@Test
	void shouldRefuseAnOriginNotOnTheList() throws Exception {
		HttpResponse<String> response = preflight("https://evil.example");
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		assertThat(response.statusCode()).isEqualTo(403);
	}

	private HttpResponse<String> create(String origin) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/expense"))
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"date\":\"2025-11-10\",\"category\":\"Cors\",\"amount\":1,\"account\":\"Cash\"}"))
				.header("Content-Type", "application/json")
				.header("Origin", origin)
				.header("Sec-Fetch-Site", "cross-site")
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void shouldLetAnAllowedOriginChangeDataAndRefuseOthers() throws Exception {
		HttpResponse<String> allowed = create("https://budget.example");
		assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
		assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains("https://budget.example");
		HttpResponse<String> refused = create("https://evil.example");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).isEqualTo("{\"detail\":\"Requests from another site may not change data\"}");
	}

}
