package dev.homebudget.history;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import dev.homebudget.ledger.EntrySql;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of history and trash: reads of the events the triggers wrote, and the trash's
 * list, restore and purge. Every statement names its household first.
 */
@Component
class HistoryStore {

	/** The columns of a restored row that point at rows which may be gone since. */
	private static final Map<String, String> USER_COLUMNS = Map.of("entered_by", "users", "paid_by", "users",
			"for_whom", "users", "created_by", "users");

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final Map<String, List<String>> columns = new ConcurrentHashMap<>();

	HistoryStore(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** One event. */
	record Event(long id, String kind, int entityId, String entityKey, String action, Integer versionBefore,
			Integer versionAfter, JsonNode changes, Integer actorId, String actorName, String source, String requestId,
			long batch, OffsetDateTime at) {

	}

	/** Filters of the activity feed (null: any). */
	record Filter(String kind, Integer entityId, Integer member, String source) {

	}

	private static final String EVENT_COLUMNS = "id, kind, entity_id, entity_key, action, version_before, version_after, "
			+ "history_changes(action, changes)::text AS changes, actor_id, actor_name, source, request_id, batch_id, at";

	/**
	 * A household's events matching the filter, newest first, older than {@code before}
	 * (null: from the newest), at most {@code limit}.
	 */
	List<Event> events(int household, Filter filter, Long before, int limit) {
		StringBuilder sql = new StringBuilder(
				"SELECT " + EVENT_COLUMNS + " FROM history_events WHERE household_id = :h");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("h", household);
		if (filter.kind() != null) {
			sql.append(" AND kind = :kind");
			params.put("kind", filter.kind());
		}
		if (filter.entityId() != null) {
			sql.append(" AND entity_id = :entity");
			params.put("entity", filter.entityId());
		}
		if (filter.member() != null) {
			sql.append(" AND actor_id = :member");
			params.put("member", filter.member());
		}
		if (filter.source() != null) {
			sql.append(" AND source = :source");
			params.put("source", filter.source());
		}
		if (before != null) {
			sql.append(" AND id < :before");
			params.put("before", before);
		}
		sql.append(" ORDER BY id DESC LIMIT :limit");
		params.put("limit", limit);
		return this.jdbc.sql(sql.toString()).params(params).query(this::event).list();
	}

	/** A household's events after {@code after}, oldest first, at most {@code limit}. */
	List<Event> since(int household, long after, int limit) {
		return this.jdbc
			.sql("SELECT " + EVENT_COLUMNS
					+ " FROM history_events WHERE household_id = :h AND id > :after ORDER BY id LIMIT :limit")
			.param("h", household)
			.param("after", after)
			.param("limit", limit)
			.query(this::event)
			.list();
	}

	/** The id of the household's newest event (0 when none). */
	long newestEvent(int household) {
		return this.jdbc.sql("SELECT COALESCE(max(id), 0) FROM history_events WHERE household_id = :h")
			.param("h", household)
			.query(Long.class)
			.single();
	}

	private Event event(ResultSet rs, int row) throws SQLException {
		return new Event(rs.getLong("id"), rs.getString("kind"), rs.getInt("entity_id"), rs.getString("entity_key"),
				rs.getString("action"), (Integer) rs.getObject("version_before"),
				(Integer) rs.getObject("version_after"), this.json.readTree(rs.getString("changes")),
				(Integer) rs.getObject("actor_id"), rs.getString("actor_name"), rs.getString("source"),
				rs.getString("request_id"), rs.getLong("batch_id"), rs.getObject("at", OffsetDateTime.class));
	}

	/** One row in the trash, with what a list shows of it. */
	record Trashed(String kind, int id, OffsetDateTime deletedAt, Integer deletedBy, String deletedByName,
			String source, long batch, LocalDate date, BigDecimal amount, String currency, String category,
			String business, String notes) {

	}

	/**
	 * A household's trash, most recently deleted first, after the cursor (deleted_at,
	 * kind, id of the last row of the page before), at most {@code limit}.
	 */
	List<Trashed> trash(int household, String kind, TrashCursor after, int limit) {
		StringBuilder sql = new StringBuilder("""
				SELECT kind, id, deleted_at, deleted_by, deleted_by_name, source, batch_id,
				       (row_data ->> 'date')::date AS date, (row_data ->> 'amount')::numeric AS amount,
				       row_data ->> 'currency' AS currency, row_data ->> 'category' AS category,
				       row_data ->> 'business' AS business, row_data ->> 'notes' AS notes
				FROM trashed_entries WHERE household_id = :h""");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("h", household);
		if (kind != null) {
			sql.append(" AND kind = :kind");
			params.put("kind", kind);
		}
		if (after != null) {
			sql.append(" AND (deleted_at, kind, id) < (:at, :akind, :aid)");
			params.put("at", after.deletedAt());
			params.put("akind", after.kind());
			params.put("aid", after.id());
		}
		sql.append(" ORDER BY deleted_at DESC, kind DESC, id DESC LIMIT :limit");
		params.put("limit", limit);
		return this.jdbc.sql(sql.toString())
			.params(params)
			.query((rs, row) -> new Trashed(rs.getString("kind"), rs.getInt("id"),
					rs.getObject("deleted_at", OffsetDateTime.class), (Integer) rs.getObject("deleted_by"),
					rs.getString("deleted_by_name"), rs.getString("source"), rs.getLong("batch_id"),
					rs.getObject("date", LocalDate.class), rs.getBigDecimal("amount"), rs.getString("currency"),
					rs.getString("category"), rs.getString("business"), rs.getString("notes")))
			.list();
	}

	/** The position of a trash page's last row. */
	record TrashCursor(OffsetDateTime deletedAt, String kind, int id) {

	}

	/**
	 * The trashed rows of one kind among {@code ids} (or of one batch), locked until the
	 * transaction ends; a restore running at the same time waits and then finds them
	 * gone.
	 */
	List<Integer> lockTrashed(int household, String kind, Collection<Integer> ids) {
		return this.jdbc
			.sql("SELECT id FROM trashed_entries WHERE household_id = :h AND kind = :kind AND id = ANY(:ids) "
					+ "ORDER BY id FOR UPDATE")
			.param("h", household)
			.param("kind", kind)
			.param("ids", EntrySql.integerArray(ids))
			.query(Integer.class)
			.list();
	}

	/** The kinds and ids of one batch, locked as {@link #lockTrashed}. */
	Map<String, List<Integer>> lockBatch(int household, long batch) {
		Map<String, List<Integer>> found = new LinkedHashMap<>();
		this.jdbc
			.sql("SELECT kind, id FROM trashed_entries WHERE household_id = :h AND batch_id = :batch "
					+ "ORDER BY kind, id FOR UPDATE")
			.param("h", household)
			.param("batch", batch)
			.query((rs, row) -> found.computeIfAbsent(rs.getString("kind"), (k) -> new ArrayList<>())
				.add(rs.getInt("id")))
			.list();
		return found;
	}

	/** Marks the transaction's inserts as restores, for the history triggers. */
	void markRestore() {
		this.jdbc.sql("SELECT set_config('hbw.action', 'restore', true)").query().singleValue();
	}

	/**
	 * Moves trashed rows of one kind back into their table under their own ids, with a
	 * new version and an expense's shares; rows whose id is in use again are left in the
	 * trash. A category, member or payer that is gone since is left out (the category is
	 * then found again from the entry's text).
	 * @return the ids restored
	 */
	List<Integer> restore(int household, Kind kind, List<Integer> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		String table = kind.table();
		List<String> names = columns(table);
		String selected = names.stream().map((column) -> {
			if ("version".equals(column)) {
				return "r.version + 1";
			}
			if ("category_id".equals(column)) {
				return "(SELECT c.id FROM categories c WHERE c.id = r.category_id AND c.household_id = r.household_id)";
			}
			String target = USER_COLUMNS.get(column);
			if (target != null) {
				return "(SELECT u.id FROM " + target + " u WHERE u.id = r." + column + ")";
			}
			return "r." + column;
		}).collect(Collectors.joining(", "));
		List<Integer> restored = this.jdbc
			.sql("INSERT INTO " + table + " (" + String.join(", ", names) + ") SELECT " + selected
					+ " FROM trashed_entries t CROSS JOIN LATERAL jsonb_populate_record(NULL::" + table
					+ ", t.row_data) r WHERE t.household_id = :h AND t.kind = :kind AND t.id = ANY(:ids)"
					+ " AND NOT EXISTS (SELECT 1 FROM " + table + " live WHERE live.id = t.id) ORDER BY t.id"
					+ " RETURNING id")
			.param("h", household)
			.param("kind", kind.value())
			.param("ids", EntrySql.integerArray(ids))
			.query(Integer.class)
			.list();
		if (restored.isEmpty()) {
			return restored;
		}
		var done = EntrySql.integerArray(restored);
		if (kind == Kind.EXPENSE) {
			this.jdbc.sql("""
					INSERT INTO expense_shares (expense_id, user_id, amount)
					SELECT t.id, (s ->> 'user_id')::integer, (s ->> 'amount')::numeric
					FROM trashed_entries t CROSS JOIN LATERAL jsonb_array_elements(t.shares) s
					WHERE t.household_id = :h AND t.kind = 'expense' AND t.id = ANY(:ids) AND t.shares IS NOT NULL
					  AND EXISTS (SELECT 1 FROM users u WHERE u.id = (s ->> 'user_id')::integer)
					""").param("h", household).param("ids", done).update();
		}
		this.jdbc.sql("DELETE FROM trashed_entries WHERE household_id = :h AND kind = :kind AND id = ANY(:ids)")
			.param("h", household)
			.param("kind", kind.value())
			.param("ids", done)
			.update();
		return restored;
	}

	/** The stored fields of restored entries, as the mirror copies them. */
	record EntryRow(int id, LocalDate date, String business, String category, BigDecimal amount, String account,
			String currency, String notes, int version) {

	}

	/** Entries of one kind by id, read from their table (never from a mirror). */
	List<EntryRow> entryRows(int household, Kind kind, Collection<Integer> ids) {
		String business = (kind == Kind.EXPENSE) ? "business" : "NULL AS business";
		return this.jdbc
			.sql("SELECT id, date, " + business + ", category, amount, account, currency, notes, version FROM "
					+ kind.table() + " WHERE household_id = :h AND id = ANY(:ids) ORDER BY id")
			.param("h", household)
			.param("ids", EntrySql.integerArray(ids))
			.query((rs, row) -> new EntryRow(rs.getInt("id"), rs.getObject("date", LocalDate.class),
					rs.getString("business"), rs.getString("category"), rs.getBigDecimal("amount"),
					rs.getString("account"), rs.getString("currency"), rs.getString("notes"), rs.getInt("version")))
			.list();
	}

	/** A table's columns a restore writes (generated ones are computed again). */
	private List<String> columns(String table) {
		return this.columns.computeIfAbsent(table, (name) -> this.jdbc.sql("""
				SELECT column_name FROM information_schema.columns
				WHERE table_schema = current_schema() AND table_name = :table AND is_generated = 'NEVER'
				ORDER BY ordinal_position
				""").param("table", name).query(String.class).list());
	}

	/** Empties a household's trash; the number of rows removed. */
	int empty(int household) {
		return this.jdbc.sql("DELETE FROM trashed_entries WHERE household_id = :h").param("h", household).update();
	}

	/** Removes every row deleted before {@code cutoff}, in any household. */
	int purge(Instant cutoff) {
		return this.jdbc.sql("DELETE FROM trashed_entries WHERE deleted_at < :cutoff")
			.param("cutoff", OffsetDateTime.ofInstant(cutoff, java.time.ZoneOffset.UTC))
			.update();
	}

	/** What a trash holds. */
	long count(int household) {
		return this.jdbc.sql("SELECT count(*) FROM trashed_entries WHERE household_id = :h")
			.param("h", household)
			.query(Long.class)
			.single();
	}

	/** The kinds of rows the trash keeps. */
	enum Kind {

		EXPENSE("expense", "expenses"), INCOME("income", "incomes"), SETTLEMENT("settlement", "settlements");

		private final String value;

		private final String table;

		Kind(String value, String table) {
			this.value = value;
			this.table = table;
		}

		String value() {
			return this.value;
		}

		String table() {
			return this.table;
		}

		static Kind of(String value) {
			for (Kind kind : values()) {
				if (kind.value.equals(value)) {
					return kind;
				}
			}
			throw new IllegalArgumentException(value);
		}

	}

}
