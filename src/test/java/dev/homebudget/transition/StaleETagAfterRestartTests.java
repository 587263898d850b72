package dev.homebudget.transition;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import dev.homebudget.config.StoragePhase;
import dev.homebudget.support.PhaseApplication;
import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lost update across a restart: client A reads a record's ETag, client B changes the
 * record twice, the app restarts, and A's stale {@code If-Match} must be refused with 412
 * in every phase (the JSON stores keep no versions in their files, so they used to start
 * every row at 0 again and accept A's "0").
 */
class StaleETagAfterRestartTests {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path temp;

	@ParameterizedTest
	@EnumSource(StoragePhase.class)
	void aStaleIfMatchFromBeforeARestartIsRefused(StoragePhase phase) throws Exception {
		String url = TestDatabase.jdbcUrl("stale_etag_" + phase.name().toLowerCase(Locale.ROOT));
		Path json = Files.createDirectories(this.temp.resolve("json"));
		int id;
		String staleTag;
		try (PhaseApplication app = PhaseApplication.start(phase, url, json, true)) {
			HttpResponse<String> created = send(app, "POST", "/api/v1/expense",
					"{\"date\":\"2025-11-10\",\"category\":\"Food\",\"amount\":10,\"account\":\"Cash\"}", null);
			assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
			id = JSON.readTree(created.body()).get("expense").get("id").asInt();
			staleTag = send(app, "HEAD", "/api/v1/expense/" + id, null, null).headers()
				.firstValue("ETag")
				.orElseThrow();
			// client B changes the record twice
			for (String notes : new String[] { "B once", "B twice" }) {
				assertThat(
						send(app, "PUT", "/api/v1/expense/" + id, "{\"notes\":\"" + notes + "\"}", null).statusCode())
					.isEqualTo(200);
			}
			app.mirrors().awaitIdle(Duration.ofMinutes(2));
		}
		try (PhaseApplication app = PhaseApplication.start(phase, url, json, true)) {
			HttpResponse<String> stale = send(app, "PUT", "/api/v1/expense/" + id, "{\"notes\":\"A, stale\"}",
					staleTag);
			assertThat(stale.statusCode()).as("%s: If-Match %s after a restart: %s", phase, staleTag, stale.body())
				.isEqualTo(412);
			String current = stale.headers().firstValue("ETag").orElseThrow();
			assertThat(current).isNotEqualTo(staleTag);
			HttpResponse<String> fresh = send(app, "PUT", "/api/v1/expense/" + id, "{\"notes\":\"A, fresh\"}", current);
			assertThat(fresh.statusCode()).as(fresh.body()).isEqualTo(200);
			app.mirrors().awaitIdle(Duration.ofMinutes(2));
		}
	}

	/**
	 * A switch of phases is a restart too: the mirror stores each record with the
	 * primary's version, so an ETag handed out in P1 means the same in P2 (a current one
	 * is accepted, a stale one refused), and back in P1 every version P2 handed out is
	 * stale.
	 */
	@Test
	void versionsSurviveASwitchFromP1ToP2AndBack() throws Exception {
		String url = TestDatabase.jdbcUrl("stale_etag_switch");
		Path json = Files.createDirectories(this.temp.resolve("json"));
		int id;
		String first;
		String current;
		try (PhaseApplication p1 = PhaseApplication.start(StoragePhase.P1, url, json, true)) {
			HttpResponse<String> created = send(p1, "POST", "/api/v1/expense",
					"{\"date\":\"2025-11-10\",\"category\":\"Food\",\"amount\":10,\"account\":\"Cash\"}", null);
			id = JSON.readTree(created.body()).get("expense").get("id").asInt();
			first = etag(p1, id);
			for (String notes : new String[] { "once", "twice" }) {
				assertThat(send(p1, "PUT", "/api/v1/expense/" + id, "{\"notes\":\"" + notes + "\"}", null).statusCode())
					.isEqualTo(200);
			}
			current = etag(p1, id);
			assertThat(p1.mirrors().awaitIdle(Duration.ofMinutes(2))).isTrue();
		}
		String afterP2;
		try (PhaseApplication p2 = PhaseApplication.start(StoragePhase.P2, url, json, true)) {
			assertThat(send(p2, "PUT", "/api/v1/expense/" + id, "{\"notes\":\"stale\"}", first).statusCode())
				.isEqualTo(412);
			HttpResponse<String> kept = send(p2, "PUT", "/api/v1/expense/" + id, "{\"notes\":\"p2\"}", current);
			assertThat(kept.statusCode()).as("the current ETag of P1 in P2: %s", kept.body()).isEqualTo(200);
			afterP2 = etag(p2, id);
			assertThat(p2.mirrors().awaitIdle(Duration.ofMinutes(2))).isTrue();
		}
		try (PhaseApplication p1 = PhaseApplication.start(StoragePhase.P1, url, json, true)) {
			for (String stale : new String[] { first, current }) {
				assertThat(send(p1, "PUT", "/api/v1/expense/" + id, "{\"notes\":\"stale\"}", stale).statusCode())
					.as(stale)
					.isEqualTo(412);
			}
			assertThat(etag(p1, id)).isNotIn(first, current, afterP2);
			assertThat(p1.mirrors().awaitIdle(Duration.ofMinutes(2))).isTrue();
		}
	}

	private static String etag(PhaseApplication app, int id) throws Exception {
		return send(app, "HEAD", "/api/v1/expense/" + id, null, null).headers().firstValue("ETag").orElseThrow();
	}

	private static HttpResponse<String> send(PhaseApplication app, String method, String path, String body,
			String ifMatch) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
			.timeout(Duration.ofMinutes(1))
			.method(method,
					(body == null) ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
