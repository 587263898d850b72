package dev.homebudget.expense;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.homebudget.support.ApiTestSupport;
import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** T21: ETags and If-Match against lost updates. */
class OptimisticConcurrencyApiIntegrationTests extends ApiTestSupport {

	static HttpResponse<String> call(int port, String method, String path, String body, String ifMatch)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.method(method,
					(body == null) ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "application/json");
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> call(String method, String path, String body, String ifMatch) throws Exception {
		return call(this.port, method, path, body, ifMatch);
	}

	private long create() {
		return post("/api/v1/expense",
				"{\"date\":\"2025-11-10\",\"category\":\"Etag\",\"amount\":100,\"account\":\"A\"}")
			.json()
			.get("expense")
			.get("id")
			.asLong();
	}

	@Test
	void shouldHandOutVersionsAsEtags() throws Exception {
		ApiResponse created = post("/api/v1/expense",
				"{\"date\":\"2025-11-10\",\"category\":\"Etag\",\"amount\":100,\"account\":\"A\"}");
		assertThat(created.header("ETag")).isEqualTo("\"0\"");
		long id = created.json().get("expense").get("id").asLong();
		assertThat(call("HEAD", "/api/v1/expense/" + id, null, null).headers().firstValue("ETag")).contains("\"0\"");
		HttpResponse<String> updated = call("PUT", "/api/v1/expense/" + id, "{\"amount\":110}", "\"0\"");
		assertThat(updated.statusCode()).isEqualTo(200);
		assertThat(updated.headers().firstValue("ETag")).contains("\"1\"");
		assertThat(updated.body()).doesNotContain("version");
		assertThat(call("HEAD", "/api/v1/expense/99999999", null, null).statusCode()).isEqualTo(404);
	}

	@Test
	void shouldRefuseStaleChangesWith412AndTheCurrentEtag() throws Exception {
		long id = create();
		assertThat(
				call("PATCH", "/api/v1/expense/" + id, "{\"field\":\"notes\",\"value\":\"a\"}", "\"0\"").statusCode())
			.isEqualTo(200);
		HttpResponse<String> stale = call("PUT", "/api/v1/expense/" + id, "{\"amount\":90}", "\"0\"");
		assertThat(stale.statusCode()).isEqualTo(412);
		assertThat(stale.headers().firstValue("ETag")).contains("\"1\"");
		assertThat(stale.body()).contains("changed by someone else");
		assertThat(
				call("PATCH", "/api/v1/expense/" + id, "{\"field\":\"notes\",\"value\":\"b\"}", "W/\"0\"").statusCode())
			.isEqualTo(412);
		assertThat(call("DELETE", "/api/v1/expense/" + id, null, "\"0\"").statusCode()).isEqualTo(412);
		assertThat(call("PUT", "/api/v1/expense/" + id, "{}", "\"0\"").statusCode()).isEqualTo(412);
		assertThat(call("PUT", "/api/v1/expense/" + id, "{}", "\"1\"").statusCode()).isEqualTo(200);
		assertThat(call("PUT", "/api/v1/expense/" + id, "{\"amount\":1}", "garbage").statusCode()).isEqualTo(412);
		assertThat(call("PUT", "/api/v1/expense/" + id, "{\"amount\":1}", "\"7\", \"1\"").statusCode()).isEqualTo(200);
		assertThat(call("DELETE", "/api/v1/expense/" + id, null, "\"2\"").statusCode()).isEqualTo(200);
		assertThat(call("DELETE", "/api/v1/expense/" + id, null, "\"2\"").statusCode()).isEqualTo(404);
	}

	@Test
	void shouldApplyWildcardAndNeverTrustAVersionInTheBody() throws Exception {
		long id = create();
		HttpResponse<String> response = call("PUT", "/api/v1/expense/" + id, "{\"version\":41,\"amount\":5}", "*");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("ETag")).contains("\"1\"");
		assertThat(call("PUT", "/api/v1/expense/99999999", "{\"amount\":5}", "*").statusCode()).isEqualTo(404);
		assertThat(call("PUT", "/api/v1/expense/99999999", "{\"amount\":5}", "\"0\"").statusCode()).isEqualTo(404);
		assertThat(call("PUT", "/api/v1/expense/" + id, "{\"amount\":6}", null).statusCode()).isEqualTo(200);
	}

	@Test
	void shouldLetExactlyOneOfTwoConcurrentEditsWin() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int repetition = 0; repetition < 100; repetition++) {
				long id = create();
				CountDownLatch start = new CountDownLatch(1);
				List<Future<HttpResponse<String>>> edits = new ArrayList<>();
				for (String amount : new String[] { "110", "90" }) {
					edits.add(pool.submit(() -> {
						start.await();
						return call("PUT", "/api/v1/expense/" + id, "{\"amount\":" + amount + "}", "\"0\"");
					}));
				}
				start.countDown();
				List<Integer> statuses = new ArrayList<>();
				for (Future<HttpResponse<String>> edit : edits) {
					statuses.add(edit.get().statusCode());
				}
				assertThat(statuses).containsExactlyInAnyOrder(200, 412);
				assertThat(call("HEAD", "/api/v1/expense/" + id, null, null).headers().firstValue("ETag"))
					.contains("\"1\"");
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = "budget.concurrency.require-if-match=true")
	class InStrictMode {

		@LocalServerPort
		int strictPort;

		@DynamicPropertySource
		static void database(DynamicPropertyRegistry registry) {
			registry.add("budget.database.url", () -> TestDatabase.jdbcUrl("strict_concurrency"));
		}

		@Test
		void shouldRequireIfMatch() throws Exception {
			HttpResponse<String> created = call(this.strictPort, "POST", "/api/v1/expense",
					"{\"date\":\"2025-11-10\",\"category\":\"Strict\",\"amount\":1,\"account\":\"A\"}", null);
			String id = created.body().replaceAll(".*\"id\":(\\d+).*", "$1");
			HttpResponse<String> unconditional = call(this.strictPort, "PUT", "/api/v1/expense/" + id, "{\"amount\":2}",
					null);
			assertThat(unconditional.statusCode()).isEqualTo(428);
			assertThat(unconditional.body()).contains("If-Match");
			assertThat(call(this.strictPort, "DELETE", "/api/v1/expense/" + id, null, null).statusCode())
				.isEqualTo(428);
			assertThat(call(this.strictPort, "PUT", "/api/v1/expense/" + id, "{\"amount\":2}", "\"0\"").statusCode())
				.isEqualTo(200);
		}

	}

}
