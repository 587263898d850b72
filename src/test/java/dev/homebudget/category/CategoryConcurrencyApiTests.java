package dev.homebudget.category;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.homebudget.ledger.EntrySql;
import dev.homebudget.support.ApiTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A merge and a rename while other clients keep writing entries under every spelling of
 * the categories involved: no entry is lost, none is left pointing at the merged
 * category, and every one shows the final name. The merge and the rename start once the
 * writers have made a given number of entries (counted, not timed).
 */
class CategoryConcurrencyApiTests extends ApiTestSupport {

	private static final int WRITERS = 4;

	private static final int ENTRIES_PER_WRITER = 30;

	@Autowired
	JdbcClient jdbc;

	private int create(String name) {
		ApiResponse created = post("/api/v1/categories", "{\"name\":\"" + name + "\",\"kind\":\"expense\"}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asInt();
	}

	@Test
	void mergeAndRenameUnderConcurrentWritesLoseNoEntryAndLeaveNoneBehind() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String typo = "Restarants " + suffix;
		String right = "Restaurants " + suffix;
		String renamed = "Eating out " + suffix;
		int from = create(typo);
		int into = create(right);
		List<String> spellings = List.of(typo, typo.toUpperCase(java.util.Locale.ROOT), " " + typo + " ", right,
				right.toLowerCase(java.util.Locale.ROOT));
		Set<Integer> created = ConcurrentHashMap.newKeySet();
		AtomicInteger made = new AtomicInteger();
		CountDownLatch enoughToStart = new CountDownLatch(WRITERS * 5);
		ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
		try {
			List<Future<?>> running = new java.util.ArrayList<>();
			for (int w = 0; w < WRITERS; w++) {
				int writer = w;
				running.add(writers.submit(() -> {
					for (int i = 0; i < ENTRIES_PER_WRITER; i++) {
						String category = spellings.get((writer + i) % spellings.size());
						ApiResponse response = post("/api/v1/expense",
								"{\"date\":\"2025-11-10\",\"business\":\"Shop\",\"category\":\"" + category
										+ "\",\"amount\":1." + String.format("%02d", i) + ",\"account\":\"Cash\"}");
						assertThat(response.status()).as(response.toString()).isEqualTo(200);
						created.add(response.json().get("expense").get("id").asInt());
						made.incrementAndGet();
						enoughToStart.countDown();
					}
					return null;
				}));
			}
			assertThat(enoughToStart.await(5, TimeUnit.MINUTES)).as("writers started").isTrue();
			ApiResponse merged = post("/api/v1/categories/" + from + "/merge", "{\"into\":" + into + "}");
			assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
			assertThat(made.get()).as("the merge ran while writers were still writing")
				.isLessThan(WRITERS * ENTRIES_PER_WRITER);
			ApiResponse changed = send("PATCH", "/api/v1/categories/" + into, "{\"name\":\"" + renamed + "\"}",
					"application/json");
			assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
			for (Future<?> writer : running) {
				writer.get(5, TimeUnit.MINUTES);
			}
		}
		finally {
			writers.shutdownNow();
		}

		assertThat(created).hasSize(WRITERS * ENTRIES_PER_WRITER);
		var ids = EntrySql.integerArray(created);
		List<Integer> present = this.jdbc.sql("SELECT id FROM expenses WHERE id = ANY(:ids)")
			.param("ids", ids)
			.query(Integer.class)
			.list();
		assertThat(present).as("no entry lost").hasSize(created.size());
		List<Integer> categories = this.jdbc.sql("SELECT DISTINCT category_id FROM expenses WHERE id = ANY(:ids)")
			.param("ids", ids)
			.query(Integer.class)
			.list();
		assertThat(categories).as("every entry in the category merged into").containsExactly(into);
		List<String> names = this.jdbc.sql("SELECT DISTINCT category FROM expenses WHERE id = ANY(:ids)")
			.param("ids", ids)
			.query(String.class)
			.list();
		assertThat(names).as("every entry shows the final name").containsExactly(renamed);
		assertThat(get("/api/v1/categories/" + from).status()).isEqualTo(404);
		ApiResponse listed = get("/api/v1/expense?category="
				+ java.net.URLEncoder.encode(renamed, java.nio.charset.StandardCharsets.UTF_8) + "&limit=1000");
		assertThat(listed.status()).isEqualTo(200);
		assertThat(listed.json().size()).isEqualTo(WRITERS * ENTRIES_PER_WRITER);
	}

}
