package dev.homebudget.transition;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import dev.homebudget.config.StoragePhase;
import dev.homebudget.support.HttpCalls;
import dev.homebudget.support.PhaseApplication;
import dev.homebudget.support.StoreContents;
import dev.homebudget.support.StoreDifference;
import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * T6 and M5: in P1, 1,000 seeded creates, updates, deletes and bulk deletes from 4
 * threads leave the JSON files parseable and equal to PostgreSQL, record by record, with
 * an empty repair journal and no 5xx; with mirror writes failing on the way (a trigger in
 * PostgreSQL refuses some of them), the failures stay open in the journal until repair,
 * after which the stores are equal again.
 */
class DualWriteConvergenceTests {

	private static final int THREADS = 4;

	private static final int OPERATIONS = 1_000;

	private static final String FAILING_NOTE = "mirror-must-fail";

	/** The journal is looked at and repaired by the test, not by the app itself. */
	private static final String NO_SELF_REPAIR = "budget.storage.self-repair=false";

	@TempDir
	Path json;

	@Test
	void concurrentWritesConverge() throws Exception {
		String url = TestDatabase.jdbcUrl("t6_converge");
		try (PhaseApplication app = PhaseApplication.start(StoragePhase.P1, url, this.json, true, NO_SELF_REPAIR)) {
			List<Integer> statuses = runOperations(app, 0.0);
			assertThat(statuses).noneMatch((status) -> status >= 500);
			assertThat(app.mirrors().awaitIdle(Duration.ofMinutes(5))).isTrue();
			assertConverged(app);
			assertThat(app.mirrors().journal().openEntries()).isEmpty();
		}
	}

	@Test
	void mirrorFailuresStayOpenUntilRepairThenConverge() throws Exception {
		String url = TestDatabase.jdbcUrl("t6_failures");
		JdbcClient database = JdbcClient.create(TestDatabase.dataSource("t6_failures"));
		try (PhaseApplication app = PhaseApplication.start(StoragePhase.P1, url, this.json, true, NO_SELF_REPAIR)) {
			database.sql("""
					CREATE FUNCTION refuse_marked() RETURNS trigger LANGUAGE plpgsql AS $$
					BEGIN RAISE EXCEPTION 'injected mirror failure'; END $$""").update();
			database
				.sql("CREATE TRIGGER refuse_marked BEFORE INSERT OR UPDATE ON expenses FOR EACH ROW "
						+ "WHEN (NEW.notes = '" + FAILING_NOTE + "') EXECUTE FUNCTION refuse_marked()")
				.update();
			List<Integer> statuses = runOperations(app, 0.1);
			assertThat(statuses).noneMatch((status) -> status >= 500);
			assertThat(app.mirrors().awaitIdle(Duration.ofMinutes(5))).isTrue();
			List<RepairJournal.Entry> open = app.mirrors().journal().openEntries();
			assertThat(open).isNotEmpty()
				.allSatisfy((entry) -> assertThat(entry.errorKind()).isEqualTo("database_error"));
			assertThat(StoreDifference
				.of(StoreContents.json(this.json, LedgerFile.EXPENSES),
						StoreContents.database(app.dataSource(), LedgerFile.EXPENSES))
				.ids()).as("every difference is journalled")
				.isSubsetOf(open.stream().flatMap((entry) -> entry.ids().stream()).collect(Collectors.toSet()));

			database.sql("DROP TRIGGER refuse_marked ON expenses").update();
			StorageRepair.Report report = app.bean(StorageRepair.class).run();
			assertThat(report.lines()).hasSize(open.size());
			assertThat(report.failed()).isZero();
			assertConverged(app);
			assertThat(app.mirrors().journal().openEntries()).isEmpty();
		}
	}

	private void assertConverged(PhaseApplication app) {
		for (LedgerFile file : LedgerFile.values()) {
			StoreDifference difference = StoreDifference.of(StoreContents.json(this.json, file),
					StoreContents.database(app.dataSource(), file));
			assertThat(difference.ids()).as(file.fileName() + ": " + difference).isEmpty();
			assertThat(difference.compared()).isPositive();
		}
	}

	/**
	 * {@link #OPERATIONS} random writes from {@link #THREADS} threads, each thread seeded
	 * by its number; {@code failing} of the expense writes carry the note the trigger
	 * refuses.
	 */
	private List<Integer> runOperations(PhaseApplication app, double failing) throws Exception {
		HttpCalls http = new HttpCalls(app.port());
		List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
		java.util.Set<Integer> expenses = ConcurrentHashMap.newKeySet();
		java.util.Set<Integer> incomes = ConcurrentHashMap.newKeySet();
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int thread = 0; thread < THREADS; thread++) {
				Random random = new Random(6_000 + thread);
				futures.add(pool.submit(() -> {
					for (int i = 0; i < OPERATIONS / THREADS; i++) {
						boolean expense = random.nextInt(3) > 0;
						String resource = expense ? "expense" : "income";
						java.util.Set<Integer> known = expense ? expenses : incomes;
						String notes = (expense && random.nextDouble() < failing) ? FAILING_NOTE : "op " + i;
						List<Integer> ids = new ArrayList<>(known);
						int kind = ids.size() < 5 ? 0 : random.nextInt(10);
						HttpCalls.Response response;
						if (kind < 5) {
							response = http.send("POST", "/api/v1/" + resource,
									"{\"date\":\"2025-" + (1 + random.nextInt(12)) + "-" + (1 + random.nextInt(28))
											+ "\",\"category\":\"c" + random.nextInt(5) + "\",\"amount\":"
											+ random.nextInt(100_000) / 100.0 + ",\"account\":\"a\",\"notes\":\""
											+ notes + "\""
											+ (expense ? ",\"business\":\"b" + random.nextInt(3) + "\"" : "") + "}");
							if (response.status() == 200) {
								known.add(response.json().get(resource).get("id").asInt());
							}
						}
						else if (kind < 8) {
							int id = ids.get(random.nextInt(ids.size()));
							response = http.send("PUT", "/api/v1/" + resource + "/" + id,
									"{\"amount\":" + random.nextInt(100_000) / 100.0 + ",\"notes\":\"" + notes + "\"}");
						}
						else if (kind < 9) {
							int id = ids.get(random.nextInt(ids.size()));
							response = http.send("DELETE", "/api/v1/" + resource + "/" + id, null);
							known.remove(id);
						}
						else {
							List<Integer> chosen = List.of(ids.get(random.nextInt(ids.size())),
									ids.get(random.nextInt(ids.size())), 999_999);
							response = http.send("POST", "/api/v1/" + resource + "/bulk-delete",
									"{\"ids\":" + chosen + "}");
							known.removeAll(chosen);
						}
						statuses.add(response.status());
					}
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(statuses).hasSize(OPERATIONS);
		return statuses;
	}

}
