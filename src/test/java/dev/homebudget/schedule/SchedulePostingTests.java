package dev.homebudget.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.homebudget.config.StorageMode;
import dev.homebudget.support.ApiTestSupport;
import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Posting exactly once: two posters on one database racing over the same schedules,
 * catching up after 40 days down (their clocks 40 days on), bounded runs, and a failure
 * between the claim and the entry leaving neither. Also prints how long posting 1,000 due
 * occurrences takes (measured, not asserted).
 */
class SchedulePostingTests extends ApiTestSupport {

	@Autowired
	SchedulePoster poster;

	@Autowired
	ScheduleStore store;

	@Autowired
	EntryPosting posting;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	StorageMode storage;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		registry.add(DATABASE_URL_PROPERTY, () -> TestDatabase.jdbcUrl("schedule_api"));
		registry.add("budget.schedules.post-interval", () -> "0");
	}

	/**
	 * A poster of its own (as a second app instance would have) whose clock says
	 * {@code today}.
	 */
	private SchedulePoster posterOn(LocalDate today, int maxPerRun) {
		Clock clock = Clock.fixed(today.atStartOfDay(ZoneId.systemDefault()).toInstant().plusSeconds(3600),
				ZoneId.systemDefault());
		return new SchedulePoster(this.store, this.posting, this.transactionManager,
				new ScheduleProperties(Duration.ZERO, maxPerRun, 500), this.storage, clock);
	}

	private String dailySchedule(String category, LocalDate start) {
		ApiResponse created = post("/api/v1/schedules", "{\"kind\":\"expense\",\"template\":{\"category\":\"" + category
				+ "\",\"amount\":\"9.99\",\"account\":\"Card\"},\"rrule\":\"FREQ=DAILY\",\"start\":\"" + start + "\"}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private int entries(String category) {
		return this.jdbc.sql("SELECT count(*) FROM expenses WHERE category = :c")
			.param("c", category)
			.query(Integer.class)
			.single();
	}

	private int distinctDates(String category) {
		return this.jdbc.sql("SELECT count(DISTINCT date) FROM expenses WHERE category = :c")
			.param("c", category)
			.query(Integer.class)
			.single();
	}

	private void pauseAllSchedules() {
		this.jdbc.sql("UPDATE schedules SET status = 'paused' WHERE status = 'active'").update();
	}

	@Test
	void twoPostersRacingAfterFortyDaysDownPostEachOccurrenceOnce() throws Exception {
		pauseAllSchedules();
		LocalDate today = this.poster.today();
		List<String> categories = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String category = "Race " + UUID.randomUUID();
			categories.add(category);
			dailySchedule(category, today);
		}
		// the app was down for 40 days: both instances come back 40 days on
		LocalDate back = today.plusDays(39);
		SchedulePoster first = posterOn(back, 1000);
		SchedulePoster second = posterOn(back, 1000);
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> runs = new ArrayList<>();
			for (SchedulePoster one : List.of(first, second)) {
				runs.add(threads.submit(() -> {
					go.await();
					return one.postDue();
				}));
			}
			go.countDown();
			int handled = 0;
			for (Future<Integer> run : runs) {
				handled += run.get(60, TimeUnit.SECONDS);
			}
			assertThat(handled).isEqualTo(120);
		}
		finally {
			threads.shutdownNow();
		}
		for (String category : categories) {
			assertThat(entries(category)).as(category).isEqualTo(40);
			assertThat(distinctDates(category)).as(category).isEqualTo(40);
		}
		// and again, by both: nothing more
		assertThat(first.postDue() + second.postDue()).isZero();
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM schedule_occurrences o JOIN expenses e ON e.id = o.entry_id
				WHERE e.category LIKE 'Race %' AND o.status = 'posted'""").query(Integer.class).single())
			.isGreaterThanOrEqualTo(120);
	}

	@Test
	void aClaimIsAdmittedOnceEvenWhenTwoTransactionsTryTogether() throws Exception {
		pauseAllSchedules();
		String category = "Claim " + UUID.randomUUID();
		int id = Integer.parseInt(dailySchedule(category, LocalDate.parse("2031-03-01")));
		Schedule schedule = this.store.find(1, id).orElseThrow();
		Recurrence.Occurrence occurrence = schedule.recurrence().at(LocalDate.parse("2031-03-02")).orElseThrow();
		org.springframework.transaction.support.TransactionTemplate transactions = new org.springframework.transaction.support.TransactionTemplate(
				this.transactionManager);
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<Boolean>> claims = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				claims.add(threads.submit(() -> {
					go.await();
					return transactions.execute((status) -> {
						boolean won = this.store.claim(schedule, occurrence, "due");
						if (won) {
							this.posting.postAsCreator(schedule, occurrence, schedule.amount(occurrence.seq()));
						}
						return won;
					});
				}));
			}
			go.countDown();
			int won = 0;
			for (Future<Boolean> claim : claims) {
				won += claim.get(60, TimeUnit.SECONDS) ? 1 : 0;
			}
			assertThat(won).isEqualTo(1);
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(entries(category)).isEqualTo(1);
	}

	@Test
	void aRunIsBoundedAndTheNextRunCatchesUp() {
		pauseAllSchedules();
		LocalDate today = this.poster.today();
		String category = "Bounded " + UUID.randomUUID();
		dailySchedule(category, today);
		SchedulePoster small = posterOn(today.plusDays(39), 15);
		assertThat(small.postDue()).isEqualTo(15);
		assertThat(entries(category)).isEqualTo(15);
		assertThat(small.postDue()).isEqualTo(15);
		assertThat(small.postDue()).isEqualTo(10);
		assertThat(small.postDue()).isZero();
		assertThat(distinctDates(category)).isEqualTo(40);
		// the history says where the entries came from
		assertThat(this.jdbc.sql("""
				SELECT DISTINCT h.source FROM history_events h JOIN expenses e ON e.id = h.entity_id
				WHERE h.kind = 'expense' AND h.action = 'create' AND e.category = :category""")
			.param("category", category)
			.query(String.class)
			.list()).containsExactly("schedule");
	}

	@Test
	void aFailureBetweenClaimAndEntryLeavesNeitherAndIsTriedAgain() {
		pauseAllSchedules();
		String category = "Broken " + UUID.randomUUID();
		int id = Integer.parseInt(dailySchedule(category, LocalDate.parse("2031-05-01")));
		// the entry cannot be stored (its template lost its amount): the claim is rolled
		// back with it
		this.jdbc.sql("UPDATE schedules SET template = template - 'amount' WHERE id = :id").param("id", id).update();
		assertThat(posterOn(LocalDate.parse("2031-05-03"), 1000).postDue()).isZero();
		assertThat(entries(category)).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM schedule_occurrences WHERE schedule_id = :id")
			.param("id", id)
			.query(Integer.class)
			.single()).isZero();
		ApiResponse read = get("/api/v1/schedules/" + id);
		assertThat(read.json().get("last_error").asString()).isEqualTo("Field required");
		this.jdbc.sql("UPDATE schedules SET template = template || '{\"amount\": \"5.00\"}' WHERE id = :id")
			.param("id", id)
			.update();
		assertThat(posterOn(LocalDate.parse("2031-05-03"), 1000).postDue()).isEqualTo(3);
		assertThat(entries(category)).isEqualTo(3);
		assertThat(get("/api/v1/schedules/" + id).json().get("last_error").isNull()).isTrue();
	}

	/**
	 * Not a timed assertion: prints how long the poster takes for 1,000 due occurrences
	 * (four daily schedules 250 days behind), as the server does at start-up.
	 */
	@Test
	void postingAThousandDueOccurrences() {
		pauseAllSchedules();
		LocalDate today = this.poster.today();
		List<String> categories = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			String category = "Thousand " + UUID.randomUUID();
			categories.add(category);
			dailySchedule(category, today.minusDays(249));
		}
		SchedulePoster startup = posterOn(today, 1000);
		long started = System.nanoTime();
		int handled = startup.postDue();
		long millis = (System.nanoTime() - started) / 1_000_000;
		System.out.println("SCHEDULE-POSTING: " + handled + " occurrences posted in " + millis + " ms");
		assertThat(handled).isEqualTo(1000);
		for (String category : categories) {
			assertThat(entries(category)).isEqualTo(250);
		}
	}

}
