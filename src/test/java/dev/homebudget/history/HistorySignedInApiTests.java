package dev.homebudget.history;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.homebudget.support.ApiTestSupport.ApiResponse;
import dev.homebudget.support.SignedInHouseholdsSupport;
import dev.homebudget.support.TokenCaller;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * History and trash in sign-in mode: who changed what (the member and the API), a bulk
 * delete of 1,000 shared expenses restored as one batch with every share, viewers reading
 * but not restoring, only owners emptying the trash, households kept apart, and a restore
 * racing an edit.
 */
class HistorySignedInApiTests extends SignedInHouseholdsSupport {

	private static int expense(TokenCaller user, String body) {
		ApiResponse created = user.json("POST", "/api/v1/expense", body);
		assertThat(created.status()).as(created.toString()).isEqualTo(200);
		return created.json().get("expense").get("id").asInt();
	}

	private Map<String, Object> shares(int expense) {
		List<Map<String, Object>> rows = this.jdbc
			.sql("SELECT user_id, amount FROM expense_shares WHERE expense_id = :id ORDER BY user_id")
			.param("id", expense)
			.query()
			.listOfRows();
		Map<String, Object> result = new java.util.LinkedHashMap<>();
		for (Map<String, Object> row : rows) {
			result.put(row.get("user_id").toString(), ((BigDecimal) row.get("amount")).toPlainString());
		}
		return result;
	}

	@Test
	void theEventNamesTheMemberAndTheApi() {
		TokenCaller dana = newUser("dana");
		int id = expense(dana, expense("Food", "42.00"));
		ApiResponse changed = dana.json("PUT", "/api/v1/expense/" + id, "{\"amount\":24}");
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		JsonNode history = dana.get("/api/v1/expense/" + id + "/history").json();
		assertThat(history).hasSize(2);
		JsonNode update = history.get(0);
		assertThat(update.get("actor").get("id").asInt()).isEqualTo(dana.userId());
		// the API token the change came with is named with its user
		assertThat(update.get("actor").get("name").asString()).isEqualTo(dana.username() + " (token: tests)");
		assertThat(update.get("source").asString()).isEqualTo("api");
		assertThat(update.get("changes").get("amount").get("old").asString()).isEqualTo("42.00");
		// the create with its payers (a second statement) is one event
		assertThat(history.get(1).get("action").asString()).isEqualTo("create");
		assertThat(history.get(1).get("changes").has("paid_by")).isTrue();
		JsonNode mine = dana.get("/api/v1/activity?member=" + dana.userId()).json();
		assertThat(mine.get(0).get("entity_id").asInt()).isEqualTo(id);
	}

	@Test
	void aBulkDeleteOfAThousandSharedExpensesComesBackAsOneBatchWithEveryShare() throws Exception {
		TokenCaller a = newUser("ba");
		TokenCaller b = newUser("bb");
		join(a, currentHousehold(a), "member", b);
		String split = ",\"shares\":[{\"user_id\":" + a.userId() + ",\"amount\":\"2.50\"},{\"user_id\":" + b.userId()
				+ ",\"amount\":\"7.50\"}]";
		String body = "{\"date\":\"2025-11-10\",\"category\":\"Bulk\",\"amount\":10,\"account\":\"Cash\"" + split + "}";
		List<Integer> ids = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<CompletableFuture<Integer>> created = new ArrayList<>();
			for (int i = 0; i < 1000; i++) {
				created.add(CompletableFuture.supplyAsync(() -> expense(a, body), pool));
			}
			for (CompletableFuture<Integer> id : created) {
				ids.add(id.get());
			}
		}
		finally {
			pool.shutdown();
		}
		Map<String, Object> before = shares(ids.get(0));
		assertThat(before).hasSize(2);
		String balance = a.get("/api/v1/balance").body();

		ApiResponse deleted = a.json("POST", "/api/v1/expense/bulk-delete", "{\"ids\":" + ids + "}");
		assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
		assertThat(deleted.json().get("count").asInt()).isEqualTo(1000);
		assertThat(shares(ids.get(0))).isEmpty();
		assertThat(a.get("/api/v1/balance").body()).isNotEqualTo(balance);
		JsonNode trash = a.get("/api/v1/trash?kind=expense&limit=1").json();
		assertThat(trash.get(0).get("deleted_by").get("id").asInt()).isEqualTo(a.userId());
		String batch = trash.get(0).get("batch").asString();

		ApiResponse restored = b.json("POST", "/api/v1/trash/restore", "{\"batch\":\"" + batch + "\"}");
		assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
		assertThat(restored.json().get("count").asInt()).isEqualTo(1000);
		assertThat(this.jdbc.sql("SELECT count(*) FROM expense_shares WHERE expense_id = ANY(:ids)")
			.param("ids", ids.toArray(Integer[]::new))
			.query(Long.class)
			.single()).isEqualTo(2000);
		assertThat(shares(ids.get(999))).isEqualTo(before);
		assertThat(a.get("/api/v1/balance").body()).isEqualTo(balance);
		JsonNode restore = a.get("/api/v1/expense/" + ids.get(0) + "/history").json().get(0);
		assertThat(restore.get("action").asString()).isEqualTo("restore");
		assertThat(restore.get("actor").get("id").asInt()).isEqualTo(b.userId());
	}

	@Test
	void viewersReadAndOnlyOwnersEmptyTheTrash() {
		TokenCaller owner = newUser("to");
		TokenCaller member = newUser("tm");
		TokenCaller viewer = newUser("tv");
		int household = currentHousehold(owner);
		join(owner, household, "member", member);
		join(owner, household, "viewer", viewer);
		int id = expense(owner, expense("Viewed", "5.00"));
		assertThat(owner.delete("/api/v1/expense/" + id).status()).isEqualTo(200);
		for (String path : List.of("/api/v1/trash", "/api/v1/activity", "/api/v1/changes",
				"/api/v1/expense/" + id + "/history")) {
			ApiResponse read = viewer.get(path);
			assertThat(read.status()).as(path + " " + read).isEqualTo(200);
		}
		assertThat(viewer.json("POST", "/api/v1/trash/restore", "{\"expense\":[" + id + "]}").status()).isEqualTo(403);
		assertThat(viewer.delete("/api/v1/trash").status()).isEqualTo(403);
		assertThat(member.delete("/api/v1/trash").status()).isEqualTo(403);
		ApiResponse emptied = owner.delete("/api/v1/trash");
		assertThat(emptied.status()).as(emptied.toString()).isEqualTo(200);
		assertThat(emptied.json().get("deleted").asInt()).isEqualTo(1);
		assertThat(owner.get("/api/v1/trash").json()).isEmpty();
		// the history of what was emptied stays
		assertThat(owner.get("/api/v1/expense/" + id + "/history").json().get(0).get("action").asString())
			.isEqualTo("delete");
	}

	@Test
	void householdsSeeAndRestoreOnlyTheirOwn() {
		TokenCaller mine = newUser("hm");
		TokenCaller other = newUser("ho");
		int id = expense(mine, expense("Private " + UUID.randomUUID(), "5.00"));
		assertThat(mine.delete("/api/v1/expense/" + id).status()).isEqualTo(200);
		assertThat(other.get("/api/v1/trash").body()).doesNotContain("\"id\":" + id + ",");
		assertThat(other.get("/api/v1/activity").body()).doesNotContain("\"entity_id\":" + id + ",");
		assertThat(other.get("/api/v1/changes?limit=1000").body()).doesNotContain("\"id\":" + id + ",");
		assertThat(other.get("/api/v1/expense/" + id + "/history").status()).isEqualTo(404);
		assertThat(other.json("POST", "/api/v1/trash/restore", "{\"expense\":[" + id + "]}").status()).isEqualTo(404);
		String batch = mine.get("/api/v1/trash?limit=1").json().get(0).get("batch").asString();
		assertThat(other.json("POST", "/api/v1/trash/restore", "{\"batch\":\"" + batch + "\"}").status())
			.isEqualTo(404);
		assertThat(other.delete("/api/v1/trash").status()).isEqualTo(200);
		assertThat(mine.json("POST", "/api/v1/trash/restore", "{\"expense\":[" + id + "]}").status()).isEqualTo(200);
	}

	@Test
	void aRestoreRacingAnEditNeverLetsAStaleEditThrough() throws Exception {
		TokenCaller user = newUser("race");
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 20; round++) {
				int id = expense(user, expense("Race", "10.00"));
				assertThat(user.delete("/api/v1/expense/" + id).status()).isEqualTo(200);
				CountDownLatch start = new CountDownLatch(1);
				CompletableFuture<ApiResponse> restore = CompletableFuture.supplyAsync(() -> {
					await(start);
					return user.json("POST", "/api/v1/trash/restore", "{\"expense\":[" + id + "]}");
				}, pool);
				CompletableFuture<ApiResponse> edit = CompletableFuture.supplyAsync(() -> {
					await(start);
					return user.send("PUT", "/api/v1/expense/" + id, "{\"amount\":99}", "application/json",
							Map.of("If-Match", "\"0\""));
				}, pool);
				start.countDown();
				assertThat(restore.get().status()).as(restore.get().toString()).isEqualTo(200);
				// before the restore the row is absent; after it, version 0 is stale
				assertThat(edit.get().status()).as(edit.get().toString()).isIn(404, 412);
				ApiResponse head = user.send("HEAD", "/api/v1/expense/" + id, null, null);
				assertThat(head.header("ETag")).isEqualTo("\"1\"");
				JsonNode history = user.get("/api/v1/expense/" + id + "/history").json();
				assertThat(history.get(0).get("action").asString()).isEqualTo("restore");
				assertThat(history).hasSize(3);
			}
		}
		finally {
			pool.shutdown();
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
