package dev.homebudget.ledger;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Entries of one kind in their PostgreSQL table, one household's rows: the PostgreSQL
 * adapter of {@link EntryRepository}, with hand-written SQL. Both tables have the same
 * columns (incomes without {@code business}), so every statement is written once, here.
 * Table and column names come from code, never from a request.
 *
 * @param <E> a stored entry
 * @param <D> an entry not stored yet
 */
public final class JdbcEntries<E extends StoredEntry, D> implements EntryRepository<E, D> {

	private final JdbcClient jdbc;

	private final EntryType<E, D> type;

	private final String table;

	private final boolean hasBusiness;

	private final EntryKind kind;

	private final RowMapper<E> mapper;

	private final int household;

	private final String columns;

	private final String select;

	private static final String ORDER = " ORDER BY date DESC, id DESC";

	private static final String HOUSEHOLD = "household";

	/** Every statement's first condition: the rows of this table's household only. */
	private static final String OWN = " WHERE household_id = :household";

	/** Rows one INSERT of {@link #createAll} writes at most. */
	private static final int ROWS_PER_INSERT = 500;

	/** Rows per round trip when streaming; needs a transaction (a cursor). */
	private static final int STREAM_FETCH_SIZE = 1000;

	/** The first household's rows (see {@link #forHousehold}). */
	public JdbcEntries(JdbcClient jdbc, EntryType<E, D> type) {
		this(jdbc, type, Households.FIRST);
	}

	/**
	 * @param household every statement reads and writes only this household's rows (ids
	 * of other households' rows are treated as absent)
	 */
	private JdbcEntries(JdbcClient jdbc, EntryType<E, D> type, int household) {
		this.jdbc = jdbc;
		this.type = type;
		this.household = household;
		this.table = type.kind().tableName();
		this.kind = type.kind();
		this.hasBusiness = this.kind.hasBusiness();
		this.columns = "id, date, " + (this.hasBusiness ? "business, " : "")
				+ "category, amount, account, currency, notes, version";
		this.select = "SELECT " + this.columns + " FROM " + this.table;
		this.mapper = this::map;
	}

	@Override
	public JdbcEntries<E, D> forHousehold(int household) {
		return (household == this.household) ? this : new JdbcEntries<>(this.jdbc, this.type, household);
	}

	private E map(ResultSet rs, int row) throws SQLException {
		return this.type.entries()
			.entry(rs.getInt("id"), rs.getObject("date", LocalDate.class),
					this.hasBusiness ? rs.getString("business") : null, rs.getString("category"),
					rs.getBigDecimal("amount"), rs.getString("account"), rs.getString("currency"),
					rs.getString("notes"), rs.getInt("version"));
	}

	@Override
	public E create(D draft) {
		EntryValues values = this.type.valuesOfDraft(draft);
		String columns = values.fields().stream().map(EntryField::column).collect(Collectors.joining(", "));
		String parameters = values.fields()
			.stream()
			.map((field) -> EntrySql.value(field, this.kind))
			.collect(Collectors.joining(", "));
		String sql = "INSERT INTO " + this.table + " (household_id, " + columns + ") VALUES (:household, " + parameters
				+ ") RETURNING " + this.columns;
		return EntrySql.bind(this.jdbc.sql(sql), values).param(HOUSEHOLD, this.household).query(this.mapper).single();
	}

	/**
	 * Inserts the drafts with one statement per run of drafts naming the same fields (at
	 * most {@value #ROWS_PER_INSERT} rows each), in their order: the same values, checks
	 * and triggers as {@link #create} row by row, without a round trip per row.
	 */
	@Override
	public List<E> createAll(List<D> drafts) {
		if (drafts.size() <= 1) {
			return drafts.stream().map(this::create).toList();
		}
		List<E> created = new ArrayList<>(drafts.size());
		List<EntryValues> run = new ArrayList<>();
		for (D draft : drafts) {
			EntryValues values = this.type.valuesOfDraft(draft);
			if (!run.isEmpty() && (run.size() == ROWS_PER_INSERT || !run.get(0).fields().equals(values.fields()))) {
				created.addAll(insertRun(run));
				run.clear();
			}
			run.add(values);
		}
		created.addAll(insertRun(run));
		return created;
	}

	private List<E> insertRun(List<EntryValues> run) {
		List<EntryField> fields = List.copyOf(run.get(0).fields());
		String columns = fields.stream().map(EntryField::column).collect(Collectors.joining(", "));
		String values = fields.stream()
			.map((field) -> "u." + field.column() + "::" + castOf(field))
			.collect(Collectors.joining(", "));
		String arrays = fields.stream().map((field) -> ":" + field.column()).collect(Collectors.joining(", "));
		// ORDER BY the position: rows are inserted, and take their ids, in the drafts'
		// order
		String sql = "INSERT INTO " + this.table + " (household_id, " + columns + ") SELECT :household, " + values
				+ " FROM unnest(" + arrays + ") WITH ORDINALITY AS u(" + columns + ", position) ORDER BY u.position"
				+ " RETURNING " + this.columns;
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql).param(HOUSEHOLD, this.household);
		for (EntryField field : fields) {
			String[] cells = new String[run.size()];
			for (int i = 0; i < cells.length; i++) {
				Object value = run.get(i).get(field);
				cells[i] = (value instanceof BigDecimal amount) ? amount.toPlainString()
						: (value != null) ? value.toString() : null;
			}
			if (field == EntryField.CATEGORY) {
				cells = categoryNames(cells);
			}
			statement = statement.param(field.column(), EntrySql.textArray(cells));
		}
		List<E> inserted = new ArrayList<>(statement.query(this.mapper).list());
		inserted.sort(Comparator.comparingInt(StoredEntry::id));
		return inserted;
	}

	/**
	 * The names a run's categories are stored under, each distinct name through
	 * {@code category_name_locked} once, in the order of their first row, as
	 * {@link #create} sends each row's: the category's current name (after a rename or a
	 * merge), created when new (or refused under strict categories), its row locked
	 * against a merge until the transaction ends. Once per name rather than per row: the
	 * function was most of a 500-row insert's time.
	 */
	private String[] categoryNames(String[] cells) {
		List<String> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(java.util.Arrays.asList(cells)));
		Map<String, String> resolved = new HashMap<>();
		List<String> names = this.jdbc
			.sql("SELECT category_name_locked(:household, '" + this.kind.entryName()
					+ "', u.name) FROM unnest(:names) WITH ORDINALITY AS u(name, position) ORDER BY u.position")
			.param(HOUSEHOLD, this.household)
			.param("names", EntrySql.textArray(distinct.toArray(String[]::new)))
			.query((rs, row) -> rs.getString(1))
			.list();
		for (int i = 0; i < distinct.size(); i++) {
			resolved.put(distinct.get(i), names.get(i));
		}
		String[] stored = new String[cells.length];
		for (int i = 0; i < cells.length; i++) {
			stored[i] = resolved.get(cells[i]);
		}
		return stored;
	}

	private static String castOf(EntryField field) {
		return switch (field.kind()) {
			case DATE -> "date";
			case AMOUNT -> "numeric";
			case TEXT -> "text";
		};
	}

	@Override
	public void keepIdentityAheadOfIds() {
		keepIdentityAheadOfIds(this.jdbc, this.table);
	}

	/**
	 * Moves a table's identity sequence past max(id), never backwards: ids written
	 * explicitly (by an import, or by a mirror of the JSON store, which assigns ids
	 * itself) do not advance it, and the next default id would collide.
	 * @param table a table name from code, never from a request
	 */
	public static void keepIdentityAheadOfIds(JdbcClient jdbc, String table) {
		jdbc.sql("""
				SELECT setval(s.seq, GREATEST(COALESCE(m.max_id, 0), COALESCE(p.last_value, 0), 1),
				              COALESCE(m.max_id, p.last_value) IS NOT NULL)
				FROM (SELECT pg_get_serial_sequence(:table, 'id') AS seq) s
				CROSS JOIN (SELECT max(id)::bigint AS max_id FROM %s) m
				LEFT JOIN pg_sequences p ON format('%%I.%%I', p.schemaname, p.sequencename) = s.seq
				""".formatted(table)).param("table", table).query().singleValue();
	}

	@Override
	public List<E> findAll() {
		return this.jdbc.sql(this.select + OWN + ORDER).param(HOUSEHOLD, this.household).query(this.mapper).list();
	}

	/**
	 * Hands every row of {@link #findAll()} to {@code action}, in order, fetching
	 * {@value #STREAM_FETCH_SIZE} at a time; inside a transaction only a batch of rows is
	 * in memory at once (without one, the driver reads them all first).
	 */
	@Override
	public void streamAll(Consumer<? super E> action) {
		int[] row = { 0 };
		this.jdbc.sql(this.select + OWN + ORDER)
			.param(HOUSEHOLD, this.household)
			.withFetchSize(STREAM_FETCH_SIZE)
			.query((RowCallbackHandler) (rs) -> action.accept(this.mapper.mapRow(rs, row[0]++)));
	}

	@Override
	public Optional<E> findById(int id) {
		return this.jdbc.sql(this.select + OWN + " AND id = :id")
			.param(HOUSEHOLD, this.household)
			.param("id", id)
			.query(this.mapper)
			.optional();
	}

	@Override
	public List<E> findAllById(Collection<Integer> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(this.select + OWN + " AND id = ANY(:ids)")
			.param(HOUSEHOLD, this.household)
			.param("ids", EntrySql.integerArray(ids))
			.query(this.mapper)
			.list();
	}

	/**
	 * Stores each row under its own id and with its own version: inserted, or every field
	 * and the version of the existing row replaced. Afterwards the identity is moved past
	 * the explicit ids, so that the next id this table assigns cannot collide with one.
	 */
	@Override
	public void putAll(Collection<E> entries) {
		for (E entry : entries) {
			EntryValues values = this.type.valuesOf(entry);
			String columns = values.fields().stream().map(EntryField::column).collect(Collectors.joining(", "));
			String parameters = values.fields()
				.stream()
				.map((field) -> ":" + field.column())
				.collect(Collectors.joining(", "));
			String updates = values.fields()
				.stream()
				.map((field) -> field.column() + " = EXCLUDED." + field.column())
				.collect(Collectors.joining(", "));
			// a row of another household under the same id is left alone, never moved
			String sql = "INSERT INTO " + this.table + " (id, household_id, version, " + columns
					+ ") VALUES (:id, :household, :version, " + parameters + ") ON CONFLICT (id) DO UPDATE SET "
					+ updates + ", version = EXCLUDED.version WHERE " + this.table
					+ ".household_id = EXCLUDED.household_id";
			EntrySql.bind(this.jdbc.sql(sql), values)
				.param("id", entry.id())
				.param(HOUSEHOLD, this.household)
				.param("version", entry.version())
				.update();
		}
		if (!entries.isEmpty()) {
			keepIdentityAheadOfIds();
		}
	}

	@Override
	public boolean existsById(int id) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + this.table + OWN + " AND id = :id)")
			.param(HOUSEHOLD, this.household)
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

	/** Applies the present fields and bumps the version in one statement. */
	@Override
	public Optional<E> update(int id, EntryValues changes) {
		if (changes.isEmpty()) {
			return findById(id);
		}
		String sql = "UPDATE " + this.table + " SET " + EntrySql.setClause(changes, this.kind)
				+ ", version = version + 1" + OWN + " AND id = :id RETURNING " + this.columns;
		return EntrySql.bind(this.jdbc.sql(sql), changes)
			.param(HOUSEHOLD, this.household)
			.param("id", id)
			.query(this.mapper)
			.optional();
	}

	/** As {@link #update}, only if the stored version is one of {@code versions}. */
	@Override
	public Optional<E> updateIfVersion(int id, Collection<Integer> versions, EntryValues changes) {
		if (changes.isEmpty()) {
			return findById(id).filter((row) -> versions.contains(row.version()));
		}
		String sql = "UPDATE " + this.table + " SET " + EntrySql.setClause(changes, this.kind)
				+ ", version = version + 1" + OWN + " AND id = :id AND version = ANY(:versions) RETURNING "
				+ this.columns;
		return EntrySql.bind(this.jdbc.sql(sql), changes)
			.param(HOUSEHOLD, this.household)
			.param("id", id)
			.param("versions", EntrySql.integerArray(versions))
			.query(this.mapper)
			.optional();
	}

	@Override
	public boolean deleteById(int id) {
		return this.jdbc.sql("DELETE FROM " + this.table + OWN + " AND id = :id")
			.param(HOUSEHOLD, this.household)
			.param("id", id)
			.update() > 0;
	}

	@Override
	public boolean deleteIfVersion(int id, Collection<Integer> versions) {
		return this.jdbc.sql("DELETE FROM " + this.table + OWN + " AND id = :id AND version = ANY(:versions)")
			.param(HOUSEHOLD, this.household)
			.param("id", id)
			.param("versions", EntrySql.integerArray(versions))
			.update() > 0;
	}

	@Override
	public List<Integer> moveCategory(int fromCategory, int toCategory, String name) {
		return this.jdbc
			.sql("UPDATE " + this.table + " SET category = :name, category_id = :to, version = version + 1" + OWN
					+ " AND category_id = :from RETURNING id")
			.param(HOUSEHOLD, this.household)
			.param("name", name)
			.param("to", toCategory)
			.param("from", fromCategory)
			.query(Integer.class)
			.list();
	}

	@Override
	public int deleteAllById(Collection<Integer> ids) {
		if (ids.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("DELETE FROM " + this.table + OWN + " AND id = ANY(:ids)")
			.param(HOUSEHOLD, this.household)
			.param("ids", EntrySql.integerArray(ids))
			.update();
	}

	@Override
	public long count() {
		return this.jdbc.sql("SELECT count(*) FROM " + this.table + OWN)
			.param(HOUSEHOLD, this.household)
			.query(Long.class)
			.single();
	}

	/**
	 * Rows matching the query's filters, in its order, after its cursor, up to its limit.
	 */
	@Override
	public List<E> find(EntryQuery query) {
		EntrySql.Filter filter = EntrySql.filter(query, this.kind).scoped(this.household);
		return filter.bind(this.jdbc.sql(findSql(query, filter))).query(this.mapper).list();
	}

	/** The SQL {@link #find} sends, for plan tests. */
	public String findSql(EntryQuery query, EntrySql.Filter filter) {
		String limit = (query.limit() == null) ? "" : " LIMIT " + query.limit();
		return this.select + filter.where() + " ORDER BY " + query.sort().orderBy() + limit;
	}

	/** The code every sum is grouped by (entries whose text names no currency: XXX). */
	private static final String CURRENCY = "COALESCE(currency_code, '" + Currencies.NONE + "')";

	/**
	 * Sum and count per currency over an inclusive date range (null bounds are open):
	 * whole months from the kept month totals, the days at the edges from the entries.
	 */
	@Override
	public List<EntryTotals.Total> total(LocalDate from, LocalDate to) {
		EntryMonthTotals.Parts parts = EntryMonthTotals.parts(this.kind, this.household, from, to);
		return parts.bind(this.jdbc.sql(totalSql(parts)))
			.query((rs, row) -> new EntryTotals.Total(rs.getString("currency"), rs.getBigDecimal("total"),
					rs.getLong("count")))
			.list();
	}

	/** The statement of {@link #total} (for the benchmark's copy of it). */
	public static String totalSql(EntryMonthTotals.Parts parts) {
		return "SELECT currency, sum(total) AS total, sum(count)::bigint AS count FROM (" + parts.sql()
				+ ") p GROUP BY 1 ORDER BY count DESC, 1";
	}

	/**
	 * Totals per category and currency over a range, largest first: whole months from the
	 * kept month totals, the days at the edges from the entries.
	 */
	@Override
	public List<EntryTotals.ByCategory> totalsByCategory(LocalDate from, LocalDate to) {
		EntryMonthTotals.Parts parts = EntryMonthTotals.parts(this.kind, this.household, from, to);
		return parts.bind(this.jdbc.sql(totalsByCategorySql(parts)))
			.query((rs, row) -> new EntryTotals.ByCategory(rs.getString("category"), rs.getString("currency"),
					rs.getBigDecimal("total"), rs.getLong("count")))
			.list();
	}

	/**
	 * Totals per category and currency of the matching rows: a range of dates alone as
	 * above (from the kept month totals), any other filter from the rows it matches.
	 */
	@Override
	public List<EntryTotals.ByCategory> totalsByCategory(EntryQuery query) {
		if (query.onlyDates()) {
			return totalsByCategory(query.from(), query.to());
		}
		EntrySql.Filter filter = statsFilter(query, this.kind, this.household);
		String sql = "SELECT COALESCE(c.name, t.category) AS category, t.currency, t.total, t.count FROM "
				+ "(SELECT category_id, min(category) AS category, " + CURRENCY + " AS currency, "
				+ "sum(amount) AS total, count(*) AS count FROM " + this.table + filter.where()
				+ " GROUP BY category_id, 3) t LEFT JOIN categories c ON c.id = t.category_id"
				+ " ORDER BY t.total DESC, 1, 2";
		return filter.bind(this.jdbc.sql(sql))
			.query((rs, row) -> new EntryTotals.ByCategory(rs.getString("category"), rs.getString("currency"),
					rs.getBigDecimal("total"), rs.getLong("count")))
			.list();
	}

	/**
	 * The statement of {@link #totalsByCategory}: per category, named as the category is
	 * now (entries keep the text they were written with), else by the least text of its
	 * entries.
	 */
	public static String totalsByCategorySql(EntryMonthTotals.Parts parts) {
		return "SELECT COALESCE(c.name, t.category) AS category, t.currency, t.total, t.count FROM "
				+ "(SELECT category_id, min(category) AS category, currency, sum(total) AS total, "
				+ "sum(count)::bigint AS count FROM (" + parts.sql() + ") p GROUP BY category_id, currency) t"
				+ " LEFT JOIN categories c ON c.id = t.category_id ORDER BY t.total DESC, 1, 2";
	}

	/**
	 * Totals per month and currency of one year, from the kept month totals; months
	 * without entries are absent.
	 */
	@Override
	public List<EntryTotals.ByMonth> totalsByMonth(int year) {
		return this.jdbc.sql(totalsByMonthSql(this.kind))
			.param(HOUSEHOLD, this.household)
			.param("start", LocalDate.of(year, 1, 1))
			.param("end", LocalDate.of(year, 12, 1))
			.query((rs, row) -> new EntryTotals.ByMonth(YearMonth.from(rs.getObject("month", LocalDate.class)),
					rs.getString("currency"), rs.getBigDecimal("total"), rs.getLong("count")))
			.list();
	}

	/** The statement of {@link #totalsByMonth} (for the benchmark's copy of it). */
	public static String totalsByMonthSql(EntryKind kind) {
		return "SELECT month, currency, sum(amount) AS total, sum(entries)::bigint AS count FROM "
				+ EntryMonthTotals.TABLE + OWN + " AND kind = '" + kind.entryName()
				+ "' AND month >= :start AND month <= :end GROUP BY 1, 2 ORDER BY 1, 2";
	}

	/**
	 * The matching rows converted into {@code base} with the household's exchange rates.
	 * A range of dates alone reads its whole months from the kept converted totals (V24)
	 * and converts only the days at its edges; any other filter converts the rows: summed
	 * per currency and day first (a few hundred groups a year; rows in the base currency
	 * per key alone), each day's sum converted at the rate on or before that day
	 * ({@code fx_rate}), the products added exactly and rounded to cents once.
	 */
	@Override
	public List<EntryTotals.Converted> converted(EntryQuery query, EntryTotals.Grouping grouping, String base) {
		EntryMonthTotals.Parts kept = query.onlyDates()
				? EntryMonthConverted.convertedSql(this.kind, this.household, base, query.from(), query.to(), grouping)
				: null;
		if (kept != null) {
			return kept.bind(this.jdbc.sql(inBase(kept.sql(), base))).query((rs, row) -> converted(rs, base)).list();
		}
		EntrySql.Filter filter = EntrySql.filter(query.withLimit(null).after(null), this.kind).scoped(this.household);
		String key = switch (grouping) {
			case NONE -> "''";
			case MONTH -> "to_char(date, 'YYYY-MM')";
			case CATEGORY -> "category_id";
		};
		// rows in the base currency, or charged in it, need no rate: one group per key,
		// not
		// one per day
		String days = "SELECT " + key + " AS key, " + EntrySql.countedCurrency("") + " AS currency, "
				+ EntrySql.countedDay("") + " AS date, sum(" + EntrySql.countedAmount("") + ") AS amount, "
				+ "count(*) AS n, min(category) AS text FROM " + this.table + filter.where() + " GROUP BY 1, 2, 3";
		String sql = "SELECT "
				+ ((grouping == EntryTotals.Grouping.CATEGORY)
						? "COALESCE((SELECT c.name FROM categories c WHERE c.id = d.key), min(d.text))" : "d.key::text")
				+ " AS key, round(COALESCE(sum(d.amount * r.rate) FILTER (WHERE r.rate IS NOT NULL), 0), 2) AS total,"
				+ " COALESCE(sum(d.n) FILTER (WHERE r.rate IS NOT NULL), 0) AS converted,"
				+ " COALESCE(sum(d.n) FILTER (WHERE r.rate IS NULL), 0) AS unconverted FROM (" + days + ") d"
				+ EntrySql.rateJoin("date") + " GROUP BY d.key ORDER BY 1";
		JdbcClient.StatementSpec statement = filter.bind(this.jdbc.sql(inBase(sql, base)));
		if (base != null) {
			statement = statement.param("base", base);
		}
		return statement.query((rs, row) -> converted(rs, base)).list();
	}

	/**
	 * The statement in {@code base}, or, when null, in the household's base currency read
	 * by the statement itself, which then also answers it in a column {@code base}.
	 */
	private static String inBase(String sql, String base) {
		if (base != null) {
			return sql;
		}
		return EntrySql.inHouseholdBase("SELECT :base AS base, " + sql.substring("SELECT ".length()));
	}

	private static EntryTotals.Converted converted(ResultSet rs, String base) throws SQLException {
		return new EntryTotals.Converted(rs.getString("key"), (base != null) ? base : rs.getString("base"),
				rs.getBigDecimal("total"), rs.getLong("converted"), rs.getLong("unconverted"));
	}

	/** The filter of {@link #stats}: the query's, without its order and page. */
	public static EntrySql.Filter statsFilter(EntryQuery query, EntryKind kind, int household) {
		return EntrySql.filter(query.withLimit(null).after(null), kind).scoped(household);
	}

	/** The statement of {@link #stats} (for the benchmark's copy of it). */
	public static String statsSql(EntryKind kind, EntrySql.Filter filter) {
		return "SELECT " + CURRENCY + " AS currency, count(*) AS count, sum(amount) AS total, "
				+ "round(avg(amount), 2) AS average, min(amount) AS min, max(amount) AS max FROM " + kind.tableName()
				+ filter.where() + " GROUP BY 1 ORDER BY count DESC, 1";
	}

	/** Distinct non-empty values of a text field, most used first. */
	@Override
	public List<EntryTotals.ValueCount> distinctValues(EntryField field, int limit) {
		String column = field.column();
		return this.jdbc
			.sql("SELECT " + column + " AS value, count(*) AS count FROM " + this.table + OWN + " AND " + column
					+ " IS NOT NULL AND " + column + " <> '' GROUP BY " + column
					+ " ORDER BY count DESC, value LIMIT :limit")
			.param(HOUSEHOLD, this.household)
			.param("limit", limit)
			.query((rs, row) -> new EntryTotals.ValueCount(rs.getString("value"), rs.getLong("count")))
			.list();
	}

	/**
	 * Statistics per currency of the rows matching a query's filters (its order and page
	 * are ignored).
	 */
	@Override
	public List<EntryTotals.Stats> stats(EntryQuery query) {
		EntrySql.Filter filter = statsFilter(query, this.kind, this.household);
		return filter.bind(this.jdbc.sql(statsSql(this.kind, filter)))
			.query((rs, row) -> new EntryTotals.Stats(rs.getString("currency"), rs.getLong("count"),
					rs.getBigDecimal("total"), rs.getBigDecimal("average"), rs.getBigDecimal("min"),
					rs.getBigDecimal("max")))
			.list();
	}

}
