package dev.homebudget.idempotency;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.homebudget.support.ApiTestSupport;
import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** T20 of the reliability catalogue: Idempotency-Key on POST. */
class IdempotencyApiIntegrationTests extends ApiTestSupport {

	private HttpResponse<String> postWithKey(String path, String key, String body) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
				.header("Content-Type", "application/json")
				.header("Idempotency-Key", key)
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private long count(String account) {
		return get("/api/v1/expense?account=" + account).json().size();
	}

	private static String expense(String account, String amount) {
		return "{\"date\":\"2025-11-10\",\"category\":\"Idem\",\"amount\":" + amount + ",\"account\":\"" + account
				+ "\"}";
	}

	@Test
	void shouldReplayTheFirstResponseForARetry() throws Exception {
		String account = "idem-" + UUID.randomUUID();
		String key = UUID.randomUUID().toString();
		HttpResponse<String> first = postWithKey("/api/v1/expense", key, expense(account, "10"));
		HttpResponse<String> retry = postWithKey("/api/v1/expense", key, expense(account, "10"));
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
		assertThat(retry.statusCode()).isEqualTo(200);
		assertThat(retry.body()).isEqualTo(first.body());
		assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
		assertThat(count(account)).isEqualTo(1);
	}

	@Test
	void shouldRefuseTheSameKeyWithAnotherBody() throws Exception {
		String account = "idem-" + UUID.randomUUID();
		String key = UUID.randomUUID().toString();
		postWithKey("/api/v1/expense", key, expense(account, "10"));
		HttpResponse<String> other = postWithKey("/api/v1/expense", key, expense(account, "11"));
		assertThat(other.statusCode()).isEqualTo(422);
		assertThat(other.body()).contains("idempotency_key_reused").contains("[\"header\",\"Idempotency-Key\"]");
		assertThat(count(account)).isEqualTo(1);
	}

	@Test
	void shouldStoreNothingForARequestThatFailsValidation() throws Exception {
		String account = "idem-" + UUID.randomUUID();
		String key = UUID.randomUUID().toString();
		assertThat(postWithKey("/api/v1/expense", key, "{\"amount\":\"abc\"}").statusCode()).isEqualTo(422);
		assertThat(postWithKey("/api/v1/expense", key, expense(account, "5")).statusCode()).isEqualTo(200);
		assertThat(count(account)).isEqualTo(1);
	}

	@Test
	void shouldCreateOneRowForFiftyConcurrentRequestsWithOneKey() throws Exception {
		String account = "idem-" + UUID.randomUUID();
		String key = UUID.randomUUID().toString();
		String body = expense(account, "42");
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(16);
		List<Future<HttpResponse<String>>> futures = new ArrayList<>();
		try {
			for (int i = 0; i < 50; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					return postWithKey("/api/v1/expense", key, body);
				}));
			}
			start.countDown();
			String firstBody = null;
			for (Future<HttpResponse<String>> future : futures) {
				HttpResponse<String> response = future.get();
				assertThat(response.statusCode()).as(response.body()).isIn(200, 409);
				if (response.statusCode() == 200) {
					if (firstBody == null) {
						firstBody = response.body();
					}
					assertThat(response.body()).isEqualTo(firstBody);
				}
				else {
					assertThat(response.body()).contains("still being processed");
				}
			}
			assertThat(firstBody).isNotNull();
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(count(account)).isEqualTo(1);
		String distinct = "idem-" + UUID.randomUUID();
		for (int i = 0; i < 50; i++) {
			assertThat(
					postWithKey("/api/v1/expense", UUID.randomUUID().toString(), expense(distinct, "1")).statusCode())
				.isEqualTo(200);
		}
		assertThat(count(distinct)).isEqualTo(50);
	}

	/**
	 * A retry while the first request with its key is still running waits briefly for the
	 * key's row, then gets the documented 409 (not a 503 "database unavailable"): the
	 * first request is stood in for by a transaction that inserted the key and has not
	 * committed, which is exactly what a running first request holds.
	 */
	@Test
	void shouldAnswer409ToARetryWhileTheFirstRequestIsStillRunning() throws Exception {
		String account = "idem-" + UUID.randomUUID();
		String key = UUID.randomUUID().toString();
		try (Connection first = TestDatabase.dataSource("api").getConnection()) {
			first.setAutoCommit(false);
			try (PreparedStatement insert = first.prepareStatement(
					"INSERT INTO idempotency_keys (scope, key, request_hash) VALUES ('POST /api/v1/expense', ?, 'x')")) {
				insert.setString(1, key);
				insert.executeUpdate();
			}
			HttpResponse<String> retry = postWithKey("/api/v1/expense", key, expense(account, "7"));
			assertThat(retry.statusCode()).as(retry.body()).isEqualTo(409);
			assertThat(retry.body()).contains("still being processed");
			first.rollback();
		}
		assertThat(count(account)).isZero();
		assertThat(postWithKey("/api/v1/expense", key, expense(account, "7")).statusCode()).isEqualTo(200);
		assertThat(count(account)).isEqualTo(1);
	}

	@Test
	void shouldMakeBulkDeleteIdempotentToo() throws Exception {
		String account = "idem-" + UUID.randomUUID();
		long id = post("/api/v1/expense", expense(account, "3")).json().get("expense").get("id").asLong();
		String key = UUID.randomUUID().toString();
		HttpResponse<String> first = postWithKey("/api/v1/expense/bulk-delete", key, "{\"ids\":[" + id + "]}");
		HttpResponse<String> retry = postWithKey("/api/v1/expense/bulk-delete", key, "{\"ids\":[" + id + "]}");
		assertThat(first.body()).isEqualTo("{\"status\":\"deleted\",\"count\":1}");
		assertThat(retry.body()).isEqualTo(first.body());
		assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
	}

	@Test
	void shouldKeepKeysApartPerRouteAndRefuseMalformedKeys() throws Exception {
		String key = UUID.randomUUID().toString();
		String account = "idem-" + UUID.randomUUID();
		assertThat(postWithKey("/api/v1/expense", key, expense(account, "1")).statusCode()).isEqualTo(200);
		assertThat(postWithKey("/api/v1/income", key, expense(account, "1")).statusCode()).isEqualTo(200);
		HttpResponse<String> bad = postWithKey("/api/v1/expense", "x".repeat(256), expense(account, "1"));
		assertThat(bad.statusCode()).isEqualTo(422);
		assertThat(count(account)).isEqualTo(1);
	}

}
