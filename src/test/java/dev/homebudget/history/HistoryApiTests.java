package dev.homebudget.history;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.homebudget.support.ApiTestSupport;
import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * History and trash in single-user mode on PostgreSQL alone: every change of an entry is
 * one event with its diff, a delete moves the row to the trash (gone from every read, a
 * second DELETE is 404), a restore brings it back with its id and a new version, a bulk
 * delete comes back as one batch, a failed write leaves no event, the activity and
 * changes feeds page, and the trash is purged after its retention.
 */
class HistoryApiTests extends ApiTestSupport {

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		registry.add(DATABASE_URL_PROPERTY, () -> TestDatabase.jdbcUrl("history_api"));
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HistoryService history;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	HistoryProperties properties;

	private int expense(String amount) {
		ApiResponse created = post("/api/v1/expense",
				"{\"date\":\"2026-12-03\",\"category\":\"Food\",\"amount\":" + amount + ",\"account\":\"Cash\"}");
		assertThat(created.status()).as(created.toString()).isEqualTo(200);
		return created.json().get("expense").get("id").asInt();
	}

	private int income(String amount) {
		ApiResponse created = post("/api/v1/income",
				"{\"date\":\"2026-12-03\",\"category\":\"Salary\",\"amount\":" + amount + ",\"account\":\"Bank\"}");
		assertThat(created.status()).as(created.toString()).isEqualTo(200);
		return created.json().get("income").get("id").asInt();
	}

	private JsonNode history(String kind, int id) {
		ApiResponse found = get("/api/v1/" + kind + "/" + id + "/history");
		assertThat(found.status()).as(found.toString()).isEqualTo(200);
		return found.json();
	}

	private long events(String kind, int id) {
		return this.jdbc.sql("SELECT count(*) FROM history_events WHERE kind = :kind AND entity_id = :id")
			.param("kind", kind)
			.param("id", id)
			.query(Long.class)
			.single();
	}

	@Test
	void everyChangeIsOneEventWithItsDiffAndADeleteCanBeUndone() {
		int id = expense("42.00");
		JsonNode created = history("expense", id);
		assertThat(created).hasSize(1);
		assertThat(created.get(0).get("action").asString()).isEqualTo("create");
		assertThat(created.get(0).get("changes").get("amount").get("new").asString()).isEqualTo("42.00");
		assertThat(created.get(0).get("source").asString()).isEqualTo("api");
		assertThat(created.get(0).get("version_after").asInt()).isZero();

		ApiResponse changed = put("/api/v1/expense/" + id, "{\"amount\":24}");
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		JsonNode update = history("expense", id).get(0);
		assertThat(update.get("action").asString()).isEqualTo("update");
		assertThat(update.get("changes").properties()).hasSize(1);
		assertThat(update.get("changes").get("amount").get("old").asString()).isEqualTo("42.00");
		assertThat(update.get("changes").get("amount").get("new").asString()).isEqualTo("24.00");
		assertThat(update.get("version_before").asInt()).isZero();
		assertThat(update.get("version_after").asInt()).isEqualTo(1);
		assertThat(update.get("request_id").asString()).isNotBlank();

		ApiResponse patched = patch("/api/v1/expense/" + id, "{\"field\":\"notes\",\"value\":\"lunch\"}");
		assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
		assertThat(history("expense", id).get(0).get("changes").get("notes").get("new").asString()).isEqualTo("lunch");

		assertThat(delete("/api/v1/expense/" + id).status()).isEqualTo(200);
		assertThat(history("expense", id).get(0).get("action").asString()).isEqualTo("delete");
		assertThat(send("HEAD", "/api/v1/expense/" + id, null, null).status()).isEqualTo(404);
		assertThat(delete("/api/v1/expense/" + id).status()).isEqualTo(404);
		assertThat(get("/api/v1/expense").body()).doesNotContain("\"id\":" + id + ",");

		JsonNode trash = get("/api/v1/trash?kind=expense").json();
		JsonNode row = trash.get(0);
		assertThat(row.get("id").asInt()).isEqualTo(id);
		assertThat(row.get("amount").decimalValue()).isEqualByComparingTo("24.00");
		assertThat(row.get("notes").asString()).isEqualTo("lunch");

		ApiResponse restored = post("/api/v1/trash/restore", "{\"expense\":[" + id + "]}");
		assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
		assertThat(restored.json().get("restored").get("expense").get(0).asInt()).isEqualTo(id);
		ApiResponse back = send("HEAD", "/api/v1/expense/" + id, null, null);
		assertThat(back.status()).isEqualTo(200);
		assertThat(get("/api/v1/expense").body()).contains("\"id\":" + id + ",");
		assertThat(back.header("ETag")).isEqualTo("\"3\"");
		JsonNode restore = history("expense", id).get(0);
		assertThat(restore.get("action").asString()).isEqualTo("restore");
		assertThat(restore.get("version_after").asInt()).isEqualTo(3);
		assertThat(events("expense", id)).isEqualTo(5);

		ApiResponse again = post("/api/v1/trash/restore", "{\"expense\":[" + id + "]}");
		assertThat(again.status()).as(again.toString()).isEqualTo(404);
	}

	/**
	 * The update trigger's two paths: the first update of a transaction records its event
	 * directly; a later update of the same row in that transaction folds into it (old
	 * values of the first, new of the last), and a later update of another row is its own
	 * event.
	 */
	@Test
	void updatesOfOneTransactionFoldIntoOneEventPerRow() {
		int first = expense("10.00");
		int second = expense("20.00");
		long before = events("expense", first) + events("expense", second);
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.sql("UPDATE expenses SET amount = 11, version = version + 1 WHERE id = :id")
				.param("id", first)
				.update();
			this.jdbc.sql("UPDATE expenses SET amount = 12, notes = 'twice', version = version + 1 WHERE id = :id")
				.param("id", first)
				.update();
			this.jdbc.sql("UPDATE expenses SET amount = 21, version = version + 1 WHERE id = :id")
				.param("id", second)
				.update();
		});
		assertThat(events("expense", first) + events("expense", second)).isEqualTo(before + 2);
		JsonNode folded = history("expense", first).get(0);
		assertThat(folded.get("action").asString()).isEqualTo("update");
		assertThat(folded.get("changes").get("amount").get("old").asString()).isEqualTo("10.00");
		assertThat(folded.get("changes").get("amount").get("new").asString()).isEqualTo("12.00");
		assertThat(folded.get("changes").get("notes").get("new").asString()).isEqualTo("twice");
		assertThat(folded.get("version_before").asInt()).isZero();
		assertThat(folded.get("version_after").asInt()).isEqualTo(2);
		JsonNode other = history("expense", second).get(0);
		assertThat(other.get("changes").properties()).hasSize(1);
		assertThat(other.get("changes").get("amount").get("old").asString()).isEqualTo("20.00");
		assertThat(other.get("changes").get("amount").get("new").asString()).isEqualTo("21.00");

		// an update that changes nothing records nothing
		this.jdbc.sql("UPDATE expenses SET amount = amount WHERE id = :id").param("id", second).update();
		assertThat(events("expense", first) + events("expense", second)).isEqualTo(before + 2);
	}

	@Test
	void aFailedWriteLeavesNoEvent() {
		int id = expense("10.00");
		long before = events("expense", id);
		assertThat(put("/api/v1/expense/" + id, "{\"amount\":null}").status()).isEqualTo(400);
		assertThat(send("PUT", "/api/v1/expense/" + id, "{\"amount\":5}", "application/json").status()).isEqualTo(200);
		HttpRequest stale = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/expense/" + id))
			.header("Content-Type", "application/json")
			.header("If-Match", "\"0\"")
			.method("PUT", HttpRequest.BodyPublishers.ofString("{\"amount\":7}", StandardCharsets.UTF_8))
			.build();
		assertThat(send(stale).status()).isEqualTo(412);
		HttpRequest staleDelete = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/expense/" + id))
			.header("If-Match", "\"0\"")
			.DELETE()
			.build();
		assertThat(send(staleDelete).status()).isEqualTo(412);
		assertThat(events("expense", id)).isEqualTo(before + 1);
		assertThat(get("/api/v1/trash").body()).doesNotContain("\"id\":" + id + ",");
	}

	@Test
	void theBrowserAppIsRecordedAsWeb() {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/income"))
			.header("Content-Type", "application/json")
			.header("Sec-Fetch-Site", "same-origin")
			.POST(HttpRequest.BodyPublishers.ofString(
					"{\"date\":\"2026-12-03\",\"category\":\"Gift\",\"amount\":5,\"account\":\"Cash\"}",
					StandardCharsets.UTF_8))
			.build();
		ApiResponse created = send(request);
		assertThat(created.status()).as(created.toString()).isEqualTo(200);
		JsonNode event = history("income", created.json().get("income").get("id").asInt()).get(0);
		assertThat(event.get("source").asString()).isEqualTo("web");
		assertThat(event.has("actor") && !event.get("actor").isNull()).isFalse();
	}

	@Test
	void aBulkDeleteComesBackAsOneBatch() {
		List<Integer> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ids.add(expense("1" + i + ".00"));
		}
		ApiResponse deleted = post("/api/v1/expense/bulk-delete", "{\"ids\":" + ids + "}");
		assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
		assertThat(deleted.json().get("count").asInt()).isEqualTo(5);
		JsonNode trash = get("/api/v1/trash?kind=expense&limit=5").json();
		String batch = trash.get(0).get("batch").asString();
		for (JsonNode row : trash) {
			assertThat(row.get("batch").asString()).isEqualTo(batch);
		}
		ApiResponse restored = post("/api/v1/trash/restore", "{\"batch\":\"" + batch + "\"}");
		assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
		assertThat(restored.json().get("count").asInt()).isEqualTo(5);
		for (int id : ids) {
			assertThat(send("HEAD", "/api/v1/expense/" + id, null, null).status()).isEqualTo(200);
		}
		assertThat(post("/api/v1/trash/restore", "{\"batch\":\"" + batch + "\"}").status()).isEqualTo(404);
	}

	@Test
	void anIncomeRestoredKeepsItsTotals() {
		int id = income("100.00");
		String total = get("/api/v1/reports/totals").body();
		assertThat(delete("/api/v1/income/" + id).status()).isEqualTo(200);
		assertThat(get("/api/v1/reports/totals").body()).isNotEqualTo(total);
		assertThat(post("/api/v1/trash/restore", "{\"income\":[" + id + "]}").status()).isEqualTo(200);
		assertThat(get("/api/v1/reports/totals").body()).isEqualTo(total);
	}

	@Test
	void theActivityFeedPagesNewestFirstAndFilters() {
		expense("1.00");
		expense("2.00");
		income("3.00");
		ApiResponse first = get("/api/v1/activity?limit=2");
		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		assertThat(first.json()).hasSize(2);
		assertThat(first.json().get(0).get("id").asLong()).isGreaterThan(first.json().get(1).get("id").asLong());
		String cursor = first.header("X-Next-Cursor");
		assertThat(cursor).isNotNull();
		ApiResponse second = get("/api/v1/activity?limit=2&cursor=" + cursor);
		assertThat(second.status()).isEqualTo(200);
		assertThat(second.json().get(0).get("id").asLong()).isLessThan(first.json().get(1).get("id").asLong());
		for (JsonNode event : get("/api/v1/activity?kind=income&source=api").json()) {
			assertThat(event.get("kind").asString()).isEqualTo("income");
			assertThat(event.get("source").asString()).isEqualTo("api");
		}
		ApiResponse bad = get("/api/v1/activity?kind=nope&member=x&limit=0");
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.json().get("detail").size()).isEqualTo(2);
		assertThat(get("/api/v1/activity?cursor=forged").status()).isEqualTo(422);
	}

	@Test
	void theChangesFeedFollowsEveryChangeSinceACursor() {
		ApiResponse start = get("/api/v1/changes?limit=1000");
		String cursor = start.json().get("cursor").asString();
		while (start.json().get("more").asBoolean()) {
			start = get("/api/v1/changes?limit=1000&cursor=" + cursor);
			cursor = start.json().get("cursor").asString();
		}
		int id = expense("9.00");
		assertThat(put("/api/v1/expense/" + id, "{\"amount\":8}").status()).isEqualTo(200);
		assertThat(delete("/api/v1/expense/" + id).status()).isEqualTo(200);
		ApiResponse changes = get("/api/v1/changes?cursor=" + cursor);
		assertThat(changes.status()).as(changes.toString()).isEqualTo(200);
		List<String> seen = new ArrayList<>();
		for (JsonNode change : changes.json().get("changes")) {
			if (change.get("kind").asString().equals("expense") && change.get("id").asInt() == id) {
				seen.add(change.get("change").asString() + " " + change.get("version"));
			}
		}
		assertThat(seen).containsExactly("created 0", "updated 1", "deleted null");
		String next = changes.json().get("cursor").asString();
		assertThat(get("/api/v1/changes?cursor=" + next).json().get("changes")).isEmpty();
	}

	@Test
	void theTrashIsPurgedAfterItsRetention() {
		int id = expense("3.00");
		assertThat(delete("/api/v1/expense/" + id).status()).isEqualTo(200);
		Instant now = Instant.now();
		Duration retention = this.properties.trashRetention();
		this.history.purge(Clock.fixed(now.plus(retention).minusSeconds(60), ZoneOffset.UTC));
		assertThat(get("/api/v1/trash?kind=expense").body()).contains("\"id\":" + id + ",");
		this.history.purge(Clock.fixed(now.plus(retention).plusSeconds(60), ZoneOffset.UTC));
		assertThat(get("/api/v1/trash?kind=expense").body()).doesNotContain("\"id\":" + id + ",");
		assertThat(post("/api/v1/trash/restore", "{\"expense\":[" + id + "]}").status()).isEqualTo(404);
		// the history stays
		assertThat(history("expense", id).get(0).get("action").asString()).isEqualTo("delete");
	}

	@Test
	void badRestoreBodiesAreTheContractsUnprocessableEntity() {
		assertThat(post("/api/v1/trash/restore", "{}").status()).isEqualTo(422);
		assertThat(post("/api/v1/trash/restore", "{\"expense\":\"1\"}").status()).isEqualTo(422);
		assertThat(post("/api/v1/trash/restore", "{\"expense\":[1.5]}").status()).isEqualTo(422);
		assertThat(post("/api/v1/trash/restore", "{\"batch\":\"x\"}").status()).isEqualTo(422);
		assertThat(post("/api/v1/trash/restore", "{\"batch\":\"1\",\"income\":[1]}").status()).isEqualTo(422);
		assertThat(post("/api/v1/trash/restore", "[]").status()).isEqualTo(422);
		assertThat(get("/api/v1/expense/abc/history").status()).isEqualTo(404);
		assertThat(get("/api/v1/expense/2000000000/history").status()).isEqualTo(404);
	}

}
