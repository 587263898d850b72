package dev.homebudget.schedule;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import dev.homebudget.web.IfMatch;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of schedules, their occurrences, the default split and the calendar feeds.
 * Every statement a request runs names its household.
 */
@Repository
class ScheduleStore {

	private static final String COLUMNS = """
			s.id, s.household_id, s.created_by, u.username, s.kind, s.template::text AS template, s.rrule, s.start_date,
			s.end_date, s.count, s.weekend, s.mode, s.approximate, s.status, s.plan_total, s.plan_first, s.post_from,
			s.last_error, s.version""";

	private static final String FROM = " FROM schedules s LEFT JOIN users u ON u.id = s.created_by ";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ScheduleStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** One handled occurrence. */
	record StoredOccurrence(int scheduleId, LocalDate due, LocalDate date, int seq, String status, String entryKind,
			Integer entryId, BigDecimal amount) {

	}

	/** A new schedule's fields. */
	record NewSchedule(int household, Integer createdBy, String kind, JsonNode template, String rrule, LocalDate start,
			LocalDate end, Integer count, Recurrence.Weekend weekend, String mode, boolean approximate,
			BigDecimal planTotal, BigDecimal planFirst) {

	}

	int insert(NewSchedule s) {
		return this.jdbc.sql("""
				INSERT INTO schedules (household_id, created_by, kind, template, rrule, start_date, end_date, count,
				    weekend, mode, approximate, plan_total, plan_first, post_from)
				VALUES (:household, :createdBy, :kind, CAST(:template AS jsonb), :rrule, :start, :end, :count, :weekend,
				    :mode, :approximate, :planTotal, :planFirst, :start)
				RETURNING id""")
			.param("household", s.household())
			.param("createdBy", s.createdBy(), Types.INTEGER)
			.param("kind", s.kind())
			.param("template", this.json.writeValueAsString(s.template()))
			.param("rrule", s.rrule())
			.param("start", s.start())
			.param("end", s.end(), Types.DATE)
			.param("count", s.count(), Types.INTEGER)
			.param("weekend", s.weekend().value())
			.param("mode", s.mode())
			.param("approximate", s.approximate())
			.param("planTotal", s.planTotal(), Types.NUMERIC)
			.param("planFirst", s.planFirst(), Types.NUMERIC)
			.query(Integer.class)
			.single();
	}

	int count(int household) {
		return this.jdbc.sql("SELECT count(*) FROM schedules WHERE household_id = :household")
			.param("household", household)
			.query(Integer.class)
			.single();
	}

	Optional<Schedule> find(int household, int id) {
		return this.jdbc.sql("SELECT " + COLUMNS + FROM + "WHERE s.household_id = :household AND s.id = :id")
			.param("household", household)
			.param("id", id)
			.query(this::schedule)
			.optional();
	}

	/** A household's schedule, locked until the transaction ends. */
	Optional<Schedule> lock(int household, int id) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + FROM + "WHERE s.household_id = :household AND s.id = :id FOR UPDATE OF s")
			.param("household", household)
			.param("id", id)
			.query(this::schedule)
			.optional();
	}

	List<Schedule> list(int household, int limit) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + FROM + "WHERE s.household_id = :household ORDER BY s.id LIMIT :limit")
			.param("household", household)
			.param("limit", limit)
			.query(this::schedule)
			.list();
	}

	/** A schedule the poster may have something to post for, and who created it. */
	record Postable(int id, Integer createdBy, String creatorName) {

	}

	/** Active schedules of every household that may have something to post by then. */
	List<Postable> postable(LocalDate today) {
		return this.jdbc.sql("""
				SELECT s.id, s.created_by, u.username FROM schedules s LEFT JOIN users u ON u.id = s.created_by
				WHERE s.status = 'active' AND s.post_from <= :until ORDER BY s.id""")
			.param("until", today.plusDays(Recurrence.MAX_SHIFT))
			.query((rs, row) -> new Postable(rs.getInt("id"), (Integer) rs.getObject("created_by"),
					rs.getString("username")))
			.list();
	}

	/**
	 * An active schedule for the poster, locked until the transaction ends; empty when
	 * another poster holds it (it is posting it now) or it is no longer active.
	 */
	Optional<Schedule> lockForPosting(int id) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + FROM + "WHERE s.id = :id AND s.status = 'active' FOR UPDATE OF s SKIP LOCKED")
			.param("id", id)
			.query(this::schedule)
			.optional();
	}

	/** Changes the fields a PATCH may change; false on a stale If-Match. */
	boolean update(Schedule s, IfMatch ifMatch) {
		return this.jdbc.sql("""
				UPDATE schedules SET template = CAST(:template AS jsonb), rrule = :rrule, start_date = :start,
				    end_date = :end, count = :count, weekend = :weekend, mode = :mode, approximate = :approximate,
				    status = :status, plan_total = :planTotal, plan_first = :planFirst, post_from = :postFrom,
				    last_error = :lastError, version = version + 1
				WHERE household_id = :household AND id = :id""" + versionCheck(ifMatch))
			.param("template", this.json.writeValueAsString(s.template()))
			.param("rrule", s.rrule())
			.param("start", s.start())
			.param("end", s.end(), Types.DATE)
			.param("count", s.count(), Types.INTEGER)
			.param("weekend", s.weekend().value())
			.param("mode", s.mode())
			.param("approximate", s.approximate())
			.param("status", s.status())
			.param("planTotal", s.planTotal(), Types.NUMERIC)
			.param("planFirst", s.planFirst(), Types.NUMERIC)
			.param("postFrom", s.postFrom())
			.param("lastError", s.lastError(), Types.VARCHAR)
			.param("household", s.household())
			.param("id", s.id())
			.param("versions", ifMatch.versions().isEmpty() ? List.of(-1) : ifMatch.versions())
			.update() == 1;
	}

	boolean delete(int household, int id, IfMatch ifMatch) {
		return this.jdbc
			.sql("DELETE FROM schedules WHERE household_id = :household AND id = :id" + versionCheck(ifMatch))
			.param("household", household)
			.param("id", id)
			.param("versions", ifMatch.versions().isEmpty() ? List.of(-1) : ifMatch.versions())
			.update() == 1;
	}

	private static String versionCheck(IfMatch ifMatch) {
		return ifMatch.constrainsVersion() ? " AND version IN (:versions)" : "";
	}

	/** Where the poster got to, and that it succeeded. */
	void advance(int id, LocalDate postFrom) {
		this.jdbc
			.sql("UPDATE schedules SET post_from = greatest(post_from, :postFrom), last_error = NULL WHERE id = :id")
			.param("postFrom", postFrom)
			.param("id", id)
			.update();
	}

	void failed(int id, String error) {
		this.jdbc.sql("UPDATE schedules SET last_error = :error WHERE id = :id")
			.param("error", (error.length() > 500) ? error.substring(0, 500) : error)
			.param("id", id)
			.update();
	}

	/**
	 * Claims an occurrence: inserts its row; false when it exists (posted, due or skipped
	 * before, by anyone).
	 */
	boolean claim(Schedule schedule, Recurrence.Occurrence occurrence, String status) {
		return this.jdbc.sql("""
				INSERT INTO schedule_occurrences (schedule_id, due_date, entry_date, household_id, seq, status)
				VALUES (:schedule, :due, :date, :household, :seq, :status)
				ON CONFLICT (schedule_id, due_date) DO NOTHING""")
			.param("schedule", schedule.id())
			.param("due", occurrence.due())
			.param("date", occurrence.date())
			.param("household", schedule.household())
			.param("seq", occurrence.seq())
			.param("status", status)
			.update() == 1;
	}

	/** The rule dates of a schedule's handled occurrences in a span of days. */
	java.util.Set<LocalDate> handledDues(int scheduleId, LocalDate from, LocalDate to) {
		return new java.util.HashSet<>(this.jdbc.sql("""
				SELECT due_date FROM schedule_occurrences
				WHERE schedule_id = :schedule AND due_date BETWEEN :from AND :to""")
			.param("schedule", scheduleId)
			.param("from", from)
			.param("to", to)
			.query(LocalDate.class)
			.list());
	}

	/**
	 * Stores the rows of occurrences the poster handled, in one statement: posted ones
	 * with their entries, others as due. A plain insert: were one stored already, the
	 * primary key fails the statement and the transaction, entries included.
	 */
	void insertHandled(Schedule schedule, List<Recurrence.Occurrence> due, List<EntryPosting.Posted> posted) {
		if (due.isEmpty() && posted.isEmpty()) {
			return;
		}
		StringBuilder sql = new StringBuilder("""
				INSERT INTO schedule_occurrences (schedule_id, due_date, entry_date, household_id, seq, status,
				    entry_kind, entry_id, amount) VALUES\s""");
		java.util.Map<String, Object> params = new java.util.HashMap<>();
		int i = 0;
		for (Recurrence.Occurrence o : due) {
			sql.append((i == 0) ? "" : ", ")
				.append("(:schedule, :due")
				.append(i)
				.append(", :date")
				.append(i)
				.append(", :household, :seq")
				.append(i)
				.append(", 'due', NULL, NULL, NULL)");
			params.put("due" + i, o.due());
			params.put("date" + i, o.date());
			params.put("seq" + i, o.seq());
			i++;
		}
		for (EntryPosting.Posted p : posted) {
			sql.append((i == 0) ? "" : ", ")
				.append("(:schedule, :due")
				.append(i)
				.append(", :date")
				.append(i)
				.append(", :household, :seq")
				.append(i)
				.append(", 'posted', :kind, :entry")
				.append(i)
				.append(", :amount")
				.append(i)
				.append(")");
			params.put("due" + i, p.occurrence().due());
			params.put("date" + i, p.occurrence().date());
			params.put("seq" + i, p.occurrence().seq());
			params.put("entry" + i, p.entryId());
			params.put("amount" + i, p.amount());
			i++;
		}
		this.jdbc.sql(sql.toString())
			.params(params)
			.param("schedule", schedule.id())
			.param("household", schedule.household())
			.param("kind", schedule.kind())
			.update();
	}

	/** Links a claimed occurrence to the entry posted for it (same transaction). */
	void posted(int scheduleId, LocalDate due, String kind, int entryId, BigDecimal amount) {
		this.jdbc.sql("""
				UPDATE schedule_occurrences SET status = 'posted', entry_kind = :kind, entry_id = :entry,
				    amount = :amount, handled_at = now()
				WHERE schedule_id = :schedule AND due_date = :due""")
			.param("kind", kind)
			.param("entry", entryId)
			.param("amount", amount)
			.param("schedule", scheduleId)
			.param("due", due)
			.update();
	}

	/** Marks a due (or just claimed) occurrence skipped; false when it was not due. */
	boolean skipped(int scheduleId, LocalDate due) {
		return this.jdbc.sql("""
				UPDATE schedule_occurrences SET status = 'skipped', handled_at = now()
				WHERE schedule_id = :schedule AND due_date = :due AND status = 'due'""")
			.param("schedule", scheduleId)
			.param("due", due)
			.update() == 1;
	}

	Optional<StoredOccurrence> occurrence(int scheduleId, LocalDate due) {
		return this.jdbc.sql("""
				SELECT schedule_id, due_date, entry_date, seq, status, entry_kind, entry_id, amount
				FROM schedule_occurrences WHERE schedule_id = :schedule AND due_date = :due""")
			.param("schedule", scheduleId)
			.param("due", due)
			.query(ScheduleStore::occurrence)
			.optional();
	}

	/** A schedule's handled occurrences, newest first. */
	List<StoredOccurrence> occurrences(int household, int scheduleId, int limit) {
		return this.jdbc.sql("""
				SELECT schedule_id, due_date, entry_date, seq, status, entry_kind, entry_id, amount
				FROM schedule_occurrences WHERE household_id = :household AND schedule_id = :schedule
				ORDER BY due_date DESC LIMIT :limit""")
			.param("household", household)
			.param("schedule", scheduleId)
			.param("limit", limit)
			.query(ScheduleStore::occurrence)
			.list();
	}

	/** A household's handled occurrences from a day on (or due, whenever), by date. */
	List<StoredOccurrence> handledSince(int household, LocalDate from, int limit) {
		return this.jdbc.sql("""
				SELECT schedule_id, due_date, entry_date, seq, status, entry_kind, entry_id, amount
				FROM schedule_occurrences WHERE household_id = :household AND (status = 'due' OR due_date >= :from)
				ORDER BY entry_date, schedule_id LIMIT :limit""")
			.param("household", household)
			.param("from", from.minusDays(Recurrence.MAX_SHIFT))
			.param("limit", limit)
			.query(ScheduleStore::occurrence)
			.list();
	}

	/** Whether any occurrence of the household waits for confirmation. */
	boolean anyDue(int household) {
		return this.jdbc.sql(
				"SELECT EXISTS (SELECT 1 FROM schedule_occurrences WHERE household_id = :household AND status = 'due')")
			.param("household", household)
			.query(Boolean.class)
			.single();
	}

	/** How many occurrences each of a household's schedules has posted. */
	java.util.Map<Integer, Integer> postedCounts(int household) {
		java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
		this.jdbc.sql("""
				SELECT schedule_id, count(*) FROM schedule_occurrences
				WHERE household_id = :household AND status = 'posted' GROUP BY schedule_id""")
			.param("household", household)
			.query((rs) -> {
				counts.put(rs.getInt(1), rs.getInt(2));
			});
		return counts;
	}

	/** The household's default split weights as JSON text, or null, and the version. */
	record Settings(String weights, int version) {

	}

	Settings settings(int household) {
		return this.jdbc
			.sql("SELECT split_weights::text, version FROM schedule_settings WHERE household_id = :household")
			.param("household", household)
			.query((rs, row) -> new Settings(rs.getString(1), rs.getInt(2)))
			.optional()
			.orElse(new Settings(null, 0));
	}

	/** Stores the weights; false on a stale If-Match. */
	boolean putSettings(int household, String weights, IfMatch ifMatch) {
		this.jdbc.sql("INSERT INTO schedule_settings (household_id) VALUES (:household) ON CONFLICT DO NOTHING")
			.param("household", household)
			.update();
		return this.jdbc.sql("""
				UPDATE schedule_settings SET split_weights = CAST(:weights AS jsonb), version = version + 1
				WHERE household_id = :household""" + versionCheck(ifMatch))
			.param("weights", weights, Types.VARCHAR)
			.param("household", household)
			.param("versions", ifMatch.versions().isEmpty() ? List.of(-1) : ifMatch.versions())
			.update() == 1;
	}

	/** Replaces the caller's feed (a new secret); returns its id. */
	int createFeed(int household, Integer user, String secretSha256) {
		this.jdbc.sql("DELETE FROM calendar_feeds WHERE household_id = :household AND coalesce(user_id, 0) = :user")
			.param("household", household)
			.param("user", (user == null) ? 0 : user)
			.update();
		return this.jdbc.sql("""
				INSERT INTO calendar_feeds (household_id, user_id, secret_sha256) VALUES (:household, :user, :hash)
				RETURNING id""")
			.param("household", household)
			.param("user", user, Types.INTEGER)
			.param("hash", secretSha256)
			.query(Integer.class)
			.single();
	}

	Optional<Integer> deleteFeed(int household, Integer user) {
		return this.jdbc.sql("""
				DELETE FROM calendar_feeds WHERE household_id = :household AND coalesce(user_id, 0) = :user
				RETURNING id""")
			.param("household", household)
			.param("user", (user == null) ? 0 : user)
			.query(Integer.class)
			.optional();
	}

	/** The household a feed secret (by its hash) shows, if the feed exists. */
	Optional<Integer> feedHousehold(String secretSha256) {
		return this.jdbc.sql("SELECT household_id FROM calendar_feeds WHERE secret_sha256 = :hash")
			.param("hash", secretSha256)
			.query(Integer.class)
			.optional();
	}

	private Schedule schedule(ResultSet rs, int row) throws SQLException {
		return new Schedule(rs.getInt("id"), rs.getInt("household_id"), (Integer) rs.getObject("created_by"),
				rs.getString("username"), rs.getString("kind"), this.json.readTree(rs.getString("template")),
				rs.getString("rrule"), rs.getObject("start_date", LocalDate.class),
				rs.getObject("end_date", LocalDate.class), (Integer) rs.getObject("count"),
				Recurrence.Weekend.parse(rs.getString("weekend")), rs.getString("mode"), rs.getBoolean("approximate"),
				rs.getString("status"), rs.getBigDecimal("plan_total"), rs.getBigDecimal("plan_first"),
				rs.getObject("post_from", LocalDate.class), rs.getString("last_error"), rs.getInt("version"));
	}

	private static StoredOccurrence occurrence(ResultSet rs, int row) throws SQLException {
		return new StoredOccurrence(rs.getInt("schedule_id"), rs.getObject("due_date", LocalDate.class),
				rs.getObject("entry_date", LocalDate.class), rs.getInt("seq"), rs.getString("status"),
				rs.getString("entry_kind"), (Integer) rs.getObject("entry_id"), rs.getBigDecimal("amount"));
	}

}
