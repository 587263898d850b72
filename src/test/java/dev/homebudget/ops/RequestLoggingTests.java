package dev.homebudget.ops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import dev.homebudget.HomeBudgetApplication;
import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request logs, JSON logs and SQL logs, from an app started here so that its whole output
 * (startup included) is captured. None of it may ever show the database password.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RequestLoggingTests {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	@Order(1)
	void shouldLogJsonRequestLinesAndSqlWithoutValuesOrPassword(CapturedOutput output) throws Exception {
		String password = TestDatabase.server().password();
		try (ConfigurableApplicationContext app = start("budget.logging.sql=true",
				"logging.structured.format.console=ecs")) {
			int port = port(app);
			HttpResponse<String> created = send(port, "POST", "/api/v1/expense", "abc-123",
					"{\"date\":\"2025-11-10\",\"category\":\"value-not-logged-7f3\",\"amount\":1,\"account\":\"A\"}");
			assertThat(created.statusCode()).isEqualTo(200);
			assertThat(created.headers().firstValue("X-Request-Id")).hasValue("abc-123");
			HttpResponse<String> listed = send(port, "GET", "/api/v1/expense?secret=q", "bad id with spaces", null);
			assertThat(listed.headers().firstValue("X-Request-Id").orElseThrow()).matches("[0-9a-f-]{36}");
		}
		List<JsonNode> lines = JsonLines.parse(output.getOut());
		JsonNode request = lines.stream()
			.filter((line) -> "abc-123".equals(text(line, "request_id")) && text(line, "message").startsWith("POST"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no JSON request line in:\n" + output.getOut()));
		assertThat(text(request, "message")).matches("POST /api/v1/expense 200 \\d+ ms request_id=abc-123");
		assertThat(lines).anyMatch((line) -> text(line, "message").contains("INSERT INTO expenses"));
		assertThat(output.getAll()).doesNotContain("value-not-logged-7f3")
			.doesNotContain("secret=q")
			.doesNotContain(password);
	}

	// Last, so the JVM's logging is plain text again for whatever runs next.
	@Test
	@Order(2)
	void shouldLogPlainRequestLinesByDefault(CapturedOutput output) throws Exception {
		String password = TestDatabase.server().password();
		try (ConfigurableApplicationContext app = start()) {
			assertThat(send(port(app), "GET", "/api/v1/health", null, null).statusCode()).isEqualTo(200);
		}
		assertThat(output.getOut()).containsPattern("GET /api/v1/health 200 \\d+ ms request_id=[0-9a-f-]{36}")
			.doesNotContain("INSERT INTO")
			.doesNotContain(password);
	}

	private static ConfigurableApplicationContext start(String... properties) {
		// Other test classes' cached apps leave logging initialized, and Logback then
		// keeps its first configuration: reset it so this app applies its own format.
		LoggingSystem.get(RequestLoggingTests.class.getClassLoader()).cleanUp();
		// Command-line arguments: they win over application.yml, as an operator's would.
		List<String> args = new java.util.ArrayList<>(
				List.of("--server.port=0", "--budget.database.url=" + TestDatabase.jdbcUrl("logs")));
		for (String property : properties) {
			args.add("--" + property);
		}
		return new SpringApplicationBuilder(HomeBudgetApplication.class).run(args.toArray(String[]::new));
	}

	private static int port(ConfigurableApplicationContext app) {
		return ((WebServerApplicationContext) app).getWebServer().getPort();
	}

	private static HttpResponse<String> send(int port, String method, String path, String requestId, String json)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (requestId != null) {
			request.header("X-Request-Id", requestId);
		}
		return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String text(JsonNode line, String field) {
		JsonNode value = line.findValue(field);
		return (value != null) ? value.asString() : "";
	}

	/** The JSON objects among captured lines (the test runner may add plain ones). */
	static final class JsonLines {

		private static final JsonMapper JSON = JsonMapper.builder().build();

		static List<JsonNode> parse(String text) {
			return text.lines().filter((line) -> line.startsWith("{")).map(JSON::readTree).toList();
		}

	}

}
