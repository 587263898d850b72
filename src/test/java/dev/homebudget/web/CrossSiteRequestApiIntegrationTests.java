package dev.homebudget.web;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import dev.homebudget.support.ApiTestSupport;
import dev.homebudget.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single-user mode (no sign-in, no CSRF token) against what a web page the user visits
 * can send: cross-site "simple" requests (a form, or fetch with {@code text/plain} or no
 * Content-Type), requests from a sibling origin, and a DNS-rebinding page that reaches
 * the app under its own host name. Each is refused before it changes or reads anything;
 * scripts without browser headers keep working.
 */
class CrossSiteRequestApiIntegrationTests extends ApiTestSupport {

	private static final String EXPENSE = "{\"date\":\"2025-11-10\",\"category\":\"Cross\",\"amount\":12.5,"
			+ "\"account\":\"Cash\"}";

	private static final String CSV = "date,category,amount,account\n2025-11-11,Imported,3.00,Cash\n";

	private ApiResponse call(String method, String path, String body, String contentType, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, (body == null) ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		headers.forEach(request::header);
		return send(request.build());
	}

	private String own() {
		return "http://127.0.0.1:" + this.port;
	}

	private int created() {
		ApiResponse response = post("/api/v1/expense", EXPENSE);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json().get("expense").get("id").asInt();
	}

	private String stored(int id) {
		ApiResponse head = send("HEAD", "/api/v1/expense/" + id, null, null);
		return head.status() + " " + head.header("ETag");
	}

	private int rows() {
		return get("/api/v1/expense").json().size();
	}

	private static void assertRefusedAsCrossSite(String what, ApiResponse response) {
		assertThat(response.status()).as(what + ": " + response).isEqualTo(403);
		assertThat(response.body()).as(what).isEqualTo("{\"detail\":\"" + CrossSiteRequestFilter.DETAIL + "\"}");
	}

	static Stream<Arguments> foreignBrowserHeaders() {
		return Stream.of(Arguments.of("another site's Origin", Map.of("Origin", "https://evil.example")),
				Arguments.of("Sec-Fetch-Site: cross-site without Origin", Map.of("Sec-Fetch-Site", "cross-site")),
				Arguments.of("a sibling name (same-site)",
						Map.of("Sec-Fetch-Site", "same-site", "Origin", "http://evil.localhost")),
				Arguments.of("another port of the same host", Map.of("Origin", "http://127.0.0.1:1")),
				Arguments.of("an opaque origin", Map.of("Origin", "null")),
				Arguments.of("a sandboxed frame", Map.of("Origin", "null", "Sec-Fetch-Site", "cross-site")),
				Arguments.of("an unknown Sec-Fetch-Site", Map.of("Sec-Fetch-Site", "elsewhere")),
				Arguments.of("the other loopback name", Map.of("Origin", "http://localhost:{port}")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("foreignBrowserHeaders")
	void everyChangeFromAnotherSiteIsRefusedAndChangesNothing(String what, Map<String, String> template) {
		Map<String, String> headers = new LinkedHashMap<>();
		template.forEach((name, value) -> headers.put(name, value.replace("{port}", Integer.toString(this.port))));
		int id = created();
		String before = stored(id);
		int rows = rows();
		assertRefusedAsCrossSite(what + ", create (text/plain, a simple request)",
				call("POST", "/api/v1/expense", EXPENSE, "text/plain", headers));
		assertRefusedAsCrossSite(what + ", create",
				call("POST", "/api/v1/expense", EXPENSE, "application/json", headers));
		assertRefusedAsCrossSite(what + ", PUT",
				call("PUT", "/api/v1/expense/" + id, "{\"amount\":\"1\"}", "application/json", headers));
		assertRefusedAsCrossSite(what + ", PATCH", call("PATCH", "/api/v1/expense/" + id,
				"{\"field\":\"notes\",\"value\":\"x\"}", "application/json", headers));
		assertRefusedAsCrossSite(what + ", bulk delete",
				call("POST", "/api/v1/expense/bulk-delete", "{\"ids\":[" + id + "]}", "text/plain", headers));
		assertRefusedAsCrossSite(what + ", DELETE", call("DELETE", "/api/v1/expense/" + id, null, null, headers));
		assertRefusedAsCrossSite(what + ", CSV import",
				call("POST", "/api/v1/expense/import", CSV, "text/csv", headers));
		assertThat(stored(id)).isEqualTo(before);
		assertThat(rows()).isEqualTo(rows);
	}

	@Test
	void theAppsOwnPagesAndScriptsWithoutBrowserHeadersStillChangeData() {
		ApiResponse sameOrigin = call("POST", "/api/v1/expense", EXPENSE, "application/json",
				Map.of("Origin", own(), "Sec-Fetch-Site", "same-origin", "Sec-Fetch-Mode", "cors"));
		assertThat(sameOrigin.status()).as(sameOrigin.toString()).isEqualTo(200);
		int id = sameOrigin.json().get("expense").get("id").asInt();
		ApiResponse noReferrer = call("PATCH", "/api/v1/expense/" + id, "{\"field\":\"notes\",\"value\":\"x\"}",
				"application/json", Map.of("Origin", "null", "Sec-Fetch-Site", "same-origin"));
		assertThat(noReferrer.status()).as("the app's page under Referrer-Policy: no-referrer: " + noReferrer)
			.isEqualTo(200);
		ApiResponse user = call("DELETE", "/api/v1/expense/" + id, null, null, Map.of("Sec-Fetch-Site", "none"));
		assertThat(user.status()).as("typed by the user (Sec-Fetch-Site: none): " + user).isEqualTo(200);
		assertThat(post("/api/v1/expense", EXPENSE).status()).as("curl, a script").isEqualTo(200);
	}

	@Test
	void readsAreNotRefusedCorsDecidesWhoSeesThem() {
		ApiResponse response = call("GET", "/api/v1/expense", null, null,
				Map.of("Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site"));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Access-Control-Allow-Origin")).isNull();
	}

	@Test
	void jsonRoutesTakeJsonOnlyAndTheImportTakesCsvOnly() {
		int rows = rows();
		ApiResponse plain = call("POST", "/api/v1/expense", EXPENSE, "text/plain", Map.of());
		assertThat(plain.status()).isEqualTo(415);
		assertThat(plain.json().get("detail").asString()).isEqualTo("Content-Type must be application/json");
		ApiResponse plainCsv = call("POST", "/api/v1/expense/import", CSV, "text/plain", Map.of());
		assertThat(plainCsv.status()).as(plainCsv.toString()).isEqualTo(415);
		assertThat(plainCsv.body()).isEqualTo("{\"detail\":\"Content-Type must be text/csv\"}");
		ApiResponse plainIncomeCsv = call("POST", "/api/v1/income/import", CSV, "text/plain;charset=UTF-8", Map.of());
		assertThat(plainIncomeCsv.status()).as(plainIncomeCsv.toString()).isEqualTo(415);
		ApiResponse jsonCsv = call("POST", "/api/v1/expense/import", CSV, "application/json", Map.of());
		assertThat(jsonCsv.status()).isEqualTo(415);
		assertThat(rows()).isEqualTo(rows);
		ApiResponse csv = call("POST", "/api/v1/expense/import", CSV, "text/csv; charset=utf-8", Map.of());
		assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
		assertThat(rows()).isEqualTo(rows + 1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Origin", "Sec-Fetch-Mode", "Sec-Fetch-Site", "Sec-Fetch-Dest" })
	void aBodyWithoutContentTypeIsJsonOnlyWhenNoBrowserSentIt(String browserHeader) {
		int rows = rows();
		String value = browserHeader.equals("Origin") ? own()
				: browserHeader.equals("Sec-Fetch-Site") ? "same-origin" : "no-cors";
		ApiResponse fromBrowser = call("POST", "/api/v1/expense", EXPENSE, null, Map.of(browserHeader, value));
		assertThat(fromBrowser.status()).as(fromBrowser.toString()).isEqualTo(415);
		assertThat(fromBrowser.body()).isEqualTo("{\"detail\":\"Content-Type must be application/json\"}");
		assertThat(rows()).isEqualTo(rows);
		ApiResponse script = call("POST", "/api/v1/expense", EXPENSE, null, Map.of());
		assertThat(script.status()).as("no Content-Type, no browser: " + script).isEqualTo(200);
	}

	@Test
	void formPostsLikeCurlDashDWithoutAContentTypeAreRefusedAsBefore() {
		ApiResponse form = call("POST", "/api/v1/expense", EXPENSE, "application/x-www-form-urlencoded", Map.of());
		assertThat(form.status()).isEqualTo(415);
		assertThat(form.json().get("detail").asString()).isEqualTo("Content-Type must be application/json");
	}

	@ParameterizedTest
	@ValueSource(strings = { "rebind.attacker.example", "rebind.attacker.example:{port}", "127.0.0.1.nip.io:{port}",
			"localhost.attacker.example", "192.168.1.20:{port}" })
	void aRebindingPageUnderAnotherHostNameGets421ForReadsAndWrites(String hostTemplate) {
		String host = hostTemplate.replace("{port}", Integer.toString(this.port));
		int rows = rows();
		RawHttp.Response read = RawHttp.send(this.port, "GET", "/api/v1/expense", Map.of("Host", host), null);
		assertThat(read.status()).as(read.toString()).isEqualTo(421);
		assertThat(read.json().get("detail").asString()).isEqualTo(AllowedHostsFilter.DETAIL);
		assertThat(read.body()).doesNotContain("Cross");
		RawHttp.Response write = RawHttp.send(this.port, "POST", "/api/v1/expense",
				Map.of("Host", host, "Origin", "http://" + host, "Content-Type", "application/json"), EXPENSE);
		assertThat(write.status()).as(write.toString()).isEqualTo(421);
		assertThat(RawHttp.send(this.port, "GET", "/", Map.of("Host", host, "Accept", "text/html"), null).status())
			.isEqualTo(421);
		assertThat(rows()).isEqualTo(rows);
	}

	@ParameterizedTest
	@ValueSource(strings = { "localhost", "localhost:{port}", "LocalHost:{port}", "127.0.0.1:{port}", "[::1]:{port}",
			"[::1]" })
	void loopbackHostNamesAreServed(String hostTemplate) {
		String host = hostTemplate.replace("{port}", Integer.toString(this.port));
		RawHttp.Response read = RawHttp.send(this.port, "GET", "/api/v1/expense", Map.of("Host", host), null);
		assertThat(read.status()).as(read.toString()).isEqualTo(200);
	}

}
