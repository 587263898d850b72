package dev.homebudget.category;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.homebudget.support.ApiTestSupport.ApiResponse;
import dev.homebudget.support.SignedInHouseholdsSupport;
import dev.homebudget.support.TokenCaller;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Categories in sign-in mode: each household its own, a viewer reads them and changes
 * none, and a merge while members keep adding entries loses no entry and leaves none
 * pointing at the category merged away.
 */
class CategorySignedInApiTests extends SignedInHouseholdsSupport {

	private static int create(TokenCaller user, String name) {
		ApiResponse created = user.json("POST", "/api/v1/categories",
				"{\"name\":\"" + name + "\",\"kind\":\"expense\"}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asInt();
	}

	@Test
	void aViewerReadsCategoriesAndChangesNone() {
		TokenCaller owner = newUser("co");
		TokenCaller viewer = newUser("cv");
		int household = currentHousehold(owner);
		join(owner, household, "viewer", viewer);
		int id = create(owner, "Viewed " + UUID.randomUUID());
		int other = create(owner, "Other " + UUID.randomUUID());
		assertThat(viewer.get("/api/v1/categories").status()).isEqualTo(200);
		assertThat(viewer.get("/api/v1/categories/" + id).status()).isEqualTo(200);
		for (ApiResponse refused : List.of(
				viewer.json("POST", "/api/v1/categories", "{\"name\":\"Mine\",\"kind\":\"expense\"}"),
				viewer.json("PATCH", "/api/v1/categories/" + id, "{\"name\":\"Mine\"}"),
				viewer.delete("/api/v1/categories/" + other),
				viewer.json("POST", "/api/v1/categories/" + id + "/merge", "{\"into\":" + other + "}"))) {
			assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
		}
		assertThat(owner.get("/api/v1/categories/" + other).status()).isEqualTo(200);
	}

	@Test
	void aMergeWhileEntriesArriveLosesNoneAndLeavesNoneBehind() throws Exception {
		TokenCaller owner = newUser("cm");
		String from = "Merged away " + UUID.randomUUID();
		String into = "Kept " + UUID.randomUUID();
		int fromId = create(owner, from);
		int intoId = create(owner, into);
		int writers = 4;
		int each = 30;
		ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (int w = 0; w < writers; w++) {
				results.add(pool.submit(() -> {
					int written = 0;
					for (int i = 0; i < each; i++) {
						ApiResponse created = owner.json("POST", "/api/v1/expense", "{\"date\":\"2025-11-10\","
								+ "\"category\":\"" + from + "\",\"amount\":1,\"account\":\"Cash\"}");
						assertThat(created.status()).as(created.toString()).isEqualTo(200);
						written++;
					}
					return written;
				}));
			}
			// merge once some entries are in
			while (owner.get("/api/v1/categories/" + fromId).json().get("entries").asInt() < writers) {
				Thread.onSpinWait();
			}
			ApiResponse merged = owner.json("POST", "/api/v1/categories/" + fromId + "/merge",
					"{\"into\":" + intoId + "}");
			assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
			int written = 0;
			for (Future<Integer> result : results) {
				written += result.get();
			}
			assertThat(written).isEqualTo(writers * each);
			int household = currentHousehold(owner);
			List<Integer> categories = this.jdbc.sql("""
					SELECT DISTINCT category_id FROM expenses
					WHERE household_id = :household AND (category = :from OR category = :into)""")
				.param("household", household)
				.param("from", from)
				.param("into", into)
				.query(Integer.class)
				.list();
			assertThat(categories).containsExactly(intoId);
			assertThat(this.jdbc.sql("SELECT count(*) FROM expenses WHERE household_id = :household")
				.param("household", household)
				.query(Integer.class)
				.single()).isEqualTo(writers * each);
			assertThat(owner.get("/api/v1/categories/" + intoId).json().get("entries").asInt())
				.isEqualTo(writers * each);
		}
		finally {
			pool.shutdownNow();
		}
	}

}
