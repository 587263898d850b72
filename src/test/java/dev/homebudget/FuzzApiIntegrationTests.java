package dev.homebudget;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Generated-request testing of every route: 10,000 requests (valid, boundary and garbage
 * bodies, paths, content types and headers) from a fixed seed, so a failure replays
 * exactly. Asserts that no response is a 5xx, that every error body has the contract's
 * shape and carries no stack trace, class name or SQL, and that the database ends up
 * holding exactly what the accepted requests imply (a model of the expected rows is kept
 * alongside).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FuzzApiIntegrationTests {

	private static final long SEED = Long.getLong("fuzz.seed", 20261124L);

	private static final int REQUESTS = Integer.getInteger("fuzz.requests", 10_000);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String[] RESOURCES = { "expense", "income" };

	private static final String[] METHODS = { "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS" };

	private static final String[] CONTENT_TYPES = { "application/json", "application/json", "application/json", null,
			"text/plain", "application/x-www-form-urlencoded", "application/json; charset=utf-8", "text/csv",
			"garbage/" };

	private static final String[] FIELDS = { "date", "business", "category", "amount", "account", "currency", "notes",
			"id", "version", "type", "test_column", "owner_id", "foo" };

	private static final String[] LEAKS = { "Exception", "org.postgresql", "SQLState", "jdbc:", "\tat ", "java.lang",
			"tools.jackson", "springframework" };

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("budget.database.url", () -> TestDatabase.jdbcUrl("fuzz"));
	}

	private final HttpClient client = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	/** The rows the accepted requests imply, per resource, keyed by id. */
	private final Map<String, Map<Long, JsonNode>> model = Map.of("expense", new TreeMap<>(), "income",
			new TreeMap<>());

	private Random random;

	@Test
	void shouldStayWithinTheContractForGeneratedRequests() throws Exception {
		this.random = new Random(SEED);
		Map<Integer, Integer> statuses = new TreeMap<>();
		for (int i = 0; i < REQUESTS; i++) {
			Generated request = generate();
			HttpResponse<String> response = send(request);
			statuses.merge(response.statusCode(), 1, Integer::sum);
			check(i, request, response);
			track(request, response);
		}
		for (String resource : RESOURCES) {
			assertThat(stored(resource)).as("rows of %s after %d requests (seed %d)", resource, REQUESTS, SEED)
				.isEqualTo(this.model.get(resource));
		}
		assertThat(statuses.keySet()).as("status mix %s", statuses).contains(200, 404, 422);
	}

	private record Generated(String method, String resource, String path, String body, String contentType,
			Map<String, String> headers, Kind kind) {
	}

	private enum Kind {

		LIST, CREATE, ITEM, BULK, OTHER

	}

	private Generated generate() {
		String resource = pick(RESOURCES);
		String base = "/api/v1/" + resource;
		Map<String, String> headers = new HashMap<>();
		if (this.random.nextInt(10) == 0) {
			headers.put("If-Match", pick(new String[] { "*", "\"0\"", "\"1\"", "W/\"2\"", "garbage", "\"x\"" }));
		}
		if (this.random.nextInt(10) == 0) {
			headers.put("Idempotency-Key", pick(new String[] { "k1", "k2", "x".repeat(300), " ", "\u00e9" }));
		}
		String contentType = pick(CONTENT_TYPES);
		int shape = this.random.nextInt(100);
		if (shape < 30) {
			return new Generated("POST", resource, base, body(), contentType, headers, Kind.CREATE);
		}
		if (shape < 55) {
			String method = pick(new String[] { "PUT", "PATCH", "DELETE", "GET", "HEAD" });
			String body = method.equals("PATCH") ? patchBody() : body();
			return new Generated(method, resource, base + "/" + itemId(resource), body, contentType, headers,
					Kind.ITEM);
		}
		if (shape < 65) {
			return new Generated("POST", resource, base + "/bulk-delete", idsBody(resource), contentType, headers,
					Kind.BULK);
		}
		if (shape < 80) {
			return new Generated("GET", resource, base + "?" + query(), null, null, headers, Kind.LIST);
		}
		String path = pick(new String[] { "/", "/api/v1/health", "/api/v1/reports/totals?from=" + word(),
				"/api/v1/reports/monthly?year=" + word(), "/api/v1/reports/categories?kind=" + word(),
				"/api/v1/reports/values?field=" + word(), base + "/", base + "/export?" + query(), "/api/v1/" + word(),
				"/api/v1/config/show", base + "/bulk-delete", "/%2e%2e/etc", "/api/v1/health/ready" });
		return new Generated(pick(METHODS), resource, path, this.random.nextBoolean() ? null : body(), contentType,
				headers, Kind.OTHER);
	}

	private String itemId(String resource) {
		List<Long> ids = new ArrayList<>(this.model.get(resource).keySet());
		int choice = this.random.nextInt(10);
		if (choice < 6 && !ids.isEmpty()) {
			return String.valueOf(ids.get(this.random.nextInt(ids.size())));
		}
		return pick(new String[] { "0", "-1", "99999999", "2147483648", "99999999999999999999", "abc", "1.5",
				"bulk-delete", "%20", "1e3", String.valueOf(this.random.nextInt(50)) });
	}

	private String body() {
		int kind = this.random.nextInt(10);
		if (kind == 0) {
			return pick(new String[] { "", "{", "[]", "null", "42", "\"text\"", "{\"a\":", "{}}", "[".repeat(600),
					"{\"date\":\"2025-01-01\",\"category\":\"x\",\"amount\":1,\"account\":\"a\"} trailing" });
		}
		StringBuilder json = new StringBuilder("{");
		boolean valid = kind >= 4;
		Map<String, String> values = new HashMap<>();
		values.put("date", valid ? quote("2025-" + (1 + this.random.nextInt(12)) + "-" + (1 + this.random.nextInt(28)))
				: value("date"));
		values.put("category", valid ? quote("Cat " + this.random.nextInt(5)) : value("category"));
		values.put("amount", valid ? amount() : value("amount"));
		values.put("account", valid ? quote("Acct " + this.random.nextInt(3)) : value("account"));
		for (String field : FIELDS) {
			if (!values.containsKey(field) && this.random.nextInt(4) == 0) {
				values.put(field, value(field));
			}
		}
		List<String> keys = new ArrayList<>(values.keySet());
		for (String key : keys) {
			if (!valid && this.random.nextInt(5) == 0) {
				continue;
			}
			if (json.length() > 1) {
				json.append(',');
			}
			json.append('"').append(key).append("\":").append(values.get(key));
		}
		return json.append('}').toString();
	}

	private String patchBody() {
		if (this.random.nextInt(8) == 0) {
			return body();
		}
		String field = pick(FIELDS);
		return "{\"field\":\"" + field + "\",\"value\":" + value(field) + "}";
	}

	private String idsBody(String resource) {
		List<Long> ids = new ArrayList<>(this.model.get(resource).keySet());
		StringBuilder json = new StringBuilder("{\"ids\":[");
		int count = this.random.nextInt(5);
		for (int i = 0; i < count; i++) {
			if (i > 0) {
				json.append(',');
			}
			int kind = this.random.nextInt(6);
			if (kind < 3 && !ids.isEmpty()) {
				json.append(ids.get(this.random.nextInt(ids.size())));
			}
			else {
				json.append(pick(new String[] { "99999999", "\"7\"", "\"x\"", "1.5", "true", "null", "-3",
						"99999999999999999999" }));
			}
		}
		String body = json.append("]}").toString();
		return (this.random.nextInt(10) == 0) ? pick(new String[] { "{}", "{\"ids\":5}", "[]", "{\"ids\":\"1\"}" })
				: body;
	}

	private String value(String field) {
		return switch (this.random.nextInt(12)) {
			case 0 -> "null";
			case 1 -> "true";
			case 2 -> pick(new String[] { "0", "-1", "99999999.99", "100000000", "1e400", "NaN", "-Infinity", "12.345",
					"-0.005", "1E-7" });
			case 3 -> quote(pick(new String[] { "", "nan", "inf", "abc", "2025-02-30", "2025-13-01", "2025-1-5",
					"0000-01-01", " 7.25 ", "1e309" }));
			case 4 -> quote("x".repeat(pick(new Integer[] { 10, 11, 100, 101, 255, 256, 5000 })));
			case 5 -> "[1,2]";
			case 6 -> "{\"a\":1}";
			case 7 -> quote("\\u0000 nul");
			case 8 -> quote("\\ud800 lone");
			case 9 -> field.equals("amount") ? amount() : quote("₪ " + word());
			case 10 -> quote("2025-0" + (1 + this.random.nextInt(9)) + "-1" + this.random.nextInt(9));
			default -> quote(word());
		};
	}

	private String amount() {
		return (this.random.nextInt(100000) - 20000) / 100 + "." + this.random.nextInt(10) + this.random.nextInt(10);
	}

	private String query() {
		StringBuilder query = new StringBuilder();
		String[] names = { "from", "to", "category", "account", "business", "q", "min_amount", "max_amount", "sort",
				"limit", "cursor", "foo" };
		int count = this.random.nextInt(4);
		for (int i = 0; i < count; i++) {
			String name = pick(names);
			String value = pick(new String[] { "2025-01-01", "2025-12-31", "2025-02-30", "x", "-date", "amount", "0",
					"1", "1001", "50", "%", "_", "Cat 1", "-1e9", "nan", word() });
			query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
		}
		return query.toString();
	}

	private String word() {
		String alphabet = "abcXYZ019 -_%'\"<>&;\\/\u20aa\u00e9";
		StringBuilder word = new StringBuilder();
		int length = this.random.nextInt(8);
		for (int i = 0; i < length; i++) {
			word.append(alphabet.charAt(this.random.nextInt(alphabet.length())));
		}
		return word.toString();
	}

	private static String quote(String text) {
		return "\"" + text.replace("\\u", "\u0001").replace("\\", "\\\\").replace("\"", "\\\"").replace("\u0001", "\\u")
				+ "\"";
	}

	@SafeVarargs
	private <T> T pick(T... options) {
		return options[this.random.nextInt(options.length)];
	}

	private HttpResponse<String> send(Generated request) throws Exception {
		String path = request.path().replace(" ", "%20").replace("\"", "%22").replace("<", "%3C").replace(">", "%3E");
		URI uri;
		try {
			uri = URI.create("http://127.0.0.1:" + this.port + path);
		}
		catch (IllegalArgumentException ex) {
			uri = URI.create("http://127.0.0.1:" + this.port + "/api/v1/health");
		}
		HttpRequest.Builder builder = HttpRequest.newBuilder(uri);
		builder.timeout(Duration.ofSeconds(30))
			.method(request.method(), (request.body() == null) ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
		if (request.contentType() != null) {
			builder.header("Content-Type", request.contentType());
		}
		request.headers().forEach((name, value) -> {
			try {
				builder.header(name, value);
			}
			catch (IllegalArgumentException ex) {
				// the client refuses some header values; the server never sees them
			}
		});
		return this.client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private void check(int index, Generated request, HttpResponse<String> response) {
		String where = "request #" + index + " (seed " + SEED + "): " + request.method() + " " + request.path() + " "
				+ request.contentType() + " " + request.headers() + " body=" + abbreviate(request.body()) + " -> "
				+ response.statusCode() + " " + abbreviate(response.body());
		if (response.statusCode() >= 500) {
			fail("5xx for " + where);
		}
		for (String leak : LEAKS) {
			if (response.body().contains(leak)) {
				fail("leak of '" + leak + "' in " + where);
			}
		}
		boolean json = response.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
		if (response.statusCode() >= 400 && json && !response.body().isEmpty()) {
			JsonNode detail = JSON.readTree(response.body()).get("detail");
			assertThat(detail).as(where).isNotNull();
			if (detail.isArray()) {
				for (JsonNode item : detail) {
					assertThat(item.has("type") && item.has("loc") && item.has("msg")).as(where).isTrue();
				}
			}
			else {
				assertThat(detail.isString()).as(where).isTrue();
			}
		}
	}

	private void track(Generated request, HttpResponse<String> response) {
		if (response.statusCode() != 200 || !request.path().startsWith("/api/v1/" + request.resource())) {
			return;
		}
		Map<Long, JsonNode> rows = this.model.get(request.resource());
		switch (request.kind()) {
			case CREATE, ITEM -> {
				if (request.method().equals("DELETE")) {
					rows.remove(JSON.readTree(response.body()).get("id").asLong());
				}
				else if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
					JsonNode row = JSON.readTree(response.body()).get(request.resource());
					rows.put(row.get("id").asLong(), row);
				}
			}
			case BULK -> {
				JsonNode ids = JSON.readTree(request.body()).get("ids");
				// ids that cannot name a row (out of range, unparsable) remove nothing
				ids.forEach((id) -> {
					try {
						rows.remove(new java.math.BigDecimal(id.isString() ? id.asString().strip() : id.toString())
							.longValueExact());
					}
					catch (ArithmeticException | NumberFormatException ex) {
						// nothing to remove
					}
				});
			}
			default -> {
			}
		}
	}

	private Map<Long, JsonNode> stored(String resource) throws Exception {
		HttpResponse<String> list = this.client.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/" + resource)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		Map<Long, JsonNode> rows = new TreeMap<>();
		JSON.readTree(list.body()).forEach((row) -> rows.put(row.get("id").asLong(), row));
		return rows;
	}

	private static String abbreviate(String text) {
		if (text == null) {
			return "null";
		}
		return (text.length() <= 300) ? text : text.substring(0, 300) + "...";
	}

}
