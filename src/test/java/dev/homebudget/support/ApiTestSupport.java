package dev.homebudget.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the full-stack API tests: the whole app on a random port, on a real PostgreSQL
 * database of its own, spoken to over HTTP with raw bodies so that malformed input can be
 * sent exactly as a client would. Every subclass shares one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiTestSupport {

	protected static final JsonMapper JSON = JsonMapper.builder().build();

	/** Overrides the database of the API tests. */
	public static final String DATABASE_URL_PROPERTY = "hbw.test.database-url";

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	@LocalServerPort
	protected int port;

	/**
	 * Database "api", unless {@value #DATABASE_URL_PROPERTY} names another (tests of a
	 * storage phase, see {@link StoragePhases}).
	 */
	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("budget.database.url",
				() -> "${" + DATABASE_URL_PROPERTY + ":" + TestDatabase.jdbcUrl("api") + "}");
	}

	protected ApiResponse get(String path) {
		return send("GET", path, null, null);
	}

	protected ApiResponse post(String path, String json) {
		return send("POST", path, json, "application/json");
	}

	protected ApiResponse put(String path, String json) {
		return send("PUT", path, json, "application/json");
	}

	protected ApiResponse patch(String path, String json) {
		return send("PATCH", path, json, "application/json");
	}

	protected ApiResponse delete(String path) {
		return send("DELETE", path, null, null);
	}

	protected ApiResponse send(String method, String path, String body, String contentType) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, (body == null) ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		authorize(request);
		return send(request.build());
	}

	protected ApiResponse sendBytes(String method, String path, byte[] body, String contentType) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		authorize(request);
		return send(request.build());
	}

	/**
	 * Adds what every request of the test carries: nothing by default (single-user mode);
	 * a bearer token in tests that run in sign-in mode.
	 */
	protected void authorize(HttpRequest.Builder request) {
	}

	protected static ApiResponse send(HttpRequest request) {
		try {
			HttpResponse<String> response = CLIENT.send(request,
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new ApiResponse(response.statusCode(), response.body(), response.headers());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A response with its body parsed lazily. */
	public record ApiResponse(int status, String body, java.net.http.HttpHeaders headers) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
