package dev.homebudget.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL that the expense and income tables share: both have the same columns (incomes
 * without {@code business}), so every statement except the typed insert is written once,
 * here. Table and column names come from code, never from a request.
 *
 * @param <T> the row type
 */
public final class EntryTable<T> {

	private final JdbcClient jdbc;

	private final String table;

	private final boolean hasBusiness;

	private final RowMapper<T> mapper;

	private final ToIntFunction<T> version;

	private final int household;

	private final String columns;

	private final String select;

	private static final String ORDER = " ORDER BY date DESC, id DESC";

	private static final String HOUSEHOLD = "household";

	/** Every statement's first condition: the rows of this table's household only. */
	private static final String OWN = " WHERE household_id = :household";

	/** Rows per round trip when streaming; needs a transaction (a cursor). */
	private static final int STREAM_FETCH_SIZE = 1000;

	/**
	 * @param household every statement reads and writes only this household's rows (ids
	 * of other households' rows are treated as absent)
	 */
	public EntryTable(JdbcClient jdbc, String table, boolean hasBusiness, RowMapper<T> mapper, ToIntFunction<T> version,
			int household) {
		this.jdbc = jdbc;
		this.household = household;
		this.table = table;
		this.hasBusiness = hasBusiness;
		this.mapper = mapper;
		this.version = version;
		this.columns = "id, date, " + (hasBusiness ? "business, " : "")
				+ "category, amount, account, currency, notes, version";
		this.select = "SELECT " + this.columns + " FROM " + table;
	}

	public int household() {
		return this.household;
	}

	/** The column list, for a typed {@code INSERT ... RETURNING}. */
	public String columns() {
		return this.columns;
	}

	public RowMapper<T> mapper() {
		return this.mapper;
	}

	/**
	 * Moves the identity sequence past max(id), never backwards: ids written explicitly
	 * (by an import, or by a mirror of the JSON store, which assigns ids itself) do not
	 * advance it, and the next default id would collide.
	 */
	public void keepIdentityAheadOfIds() {
		// The table name comes from the repository's constant, never from a request.
		this.jdbc.sql("""
				SELECT setval(s.seq, GREATEST(COALESCE(m.max_id, 0), COALESCE(p.last_value, 0), 1),
				              COALESCE(m.max_id, p.last_value) IS NOT NULL)
				FROM (SELECT pg_get_serial_sequence(:table, 'id') AS seq) s
				CROSS JOIN (SELECT max(id)::bigint AS max_id FROM %s) m
				LEFT JOIN pg_sequences p ON format('%%I.%%I', p.schemaname, p.sequencename) = s.seq
				""".formatted(this.table)).param("table", this.table).query().singleValue();
	}

	public List<T> findAll() {
		return this.jdbc.sql(this.select + OWN + ORDER).param(HOUSEHOLD, this.household).query(this.mapper).list();
	}

	/**
	 * Hands every row of {@link #findAll()} to {@code action}, in order, fetching
	 * {@value #STREAM_FETCH_SIZE} at a time; inside a transaction only a batch of rows is
	 * in memory at once (without one, the driver reads them all first).
	 */
	public void streamAll(Consumer<? super T> action) {
		int[] row = { 0 };
		this.jdbc.sql(this.select + OWN + ORDER)
			.param(HOUSEHOLD, this.household)
			.withFetchSize(STREAM_FETCH_SIZE)
			.query((RowCallbackHandler) (rs) -> action.accept(this.mapper.mapRow(rs, row[0]++)));
	}

	public List<T> findPage(int offset, int limit) {
		return this.jdbc.sql(this.select + OWN + ORDER + " OFFSET :offset LIMIT :limit")
			.param(HOUSEHOLD, this.household)
			.param("offset", offset)
			.param("limit", limit)
			.query(this.mapper)
			.list();
	}

	public Optional<T> findById(int id) {
		return this.jdbc.sql(this.select + OWN + " AND id = :id")
			.param(HOUSEHOLD, this.household)
			.param("id", id)
			.query(this.mapper)
			.optional();
	}

	public List<T> findAllById(Collection<Integer> ids) {
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
	 * Stores each row under its own id: inserted, or every field of the existing row
	 * replaced (and its version bumped). Afterwards the identity is moved past the
	 * explicit ids, so that the next id this table assigns cannot collide with one.
	 * @param rows every field of each row, by id
	 */
	public void putAll(Map<Integer, EntryValues> rows) {
		for (Map.Entry<Integer, EntryValues> row : rows.entrySet()) {
			EntryValues values = row.getValue();
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
			String sql = "INSERT INTO " + this.table + " (id, household_id, " + columns + ") VALUES (:id, :household, "
					+ parameters + ") ON CONFLICT (id) DO UPDATE SET " + updates + ", version = " + this.table
					+ ".version + 1 WHERE " + this.table + ".household_id = EXCLUDED.household_id";
			EntrySql.bind(this.jdbc.sql(sql), values)
				.param("id", row.getKey())
				.param(HOUSEHOLD, this.household)
				.update();
		}
		if (!rows.isEmpty()) {
			keepIdentityAheadOfIds();
		}
	}

	public boolean existsById(int id) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + this.table + OWN + " AND id = :id)")
			.param(HOUSEHOLD, this.household)
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

	/** Applies the present fields and bumps the version in one statement. */
	public Optional<T> update(int id, EntryValues changes) {
		if (changes.isEmpty()) {
			return findById(id);
		}
		String sql = "UPDATE " + this.table + " SET " + EntrySql.setClause(changes) + ", version = version + 1" + OWN
				+ " AND id = :id RETURNING " + this.columns;
		return EntrySql.bind(this.jdbc.sql(sql), changes)
			.param(HOUSEHOLD, this.household)
			.param("id", id)
			.query(this.mapper)
			.optional();
	}

	/** As {@link #update}, only if the stored version is one of {@code versions}. */
	public Optional<T> updateIfVersion(int id, Collection<Integer> versions, EntryValues changes) {
		if (changes.isEmpty()) {
			return findById(id).filter((row) -> versions.contains(this.version.applyAsInt(row)));
		}
		String sql = "UPDATE " + this.table + " SET " + EntrySql.setClause(changes) + ", version = version + 1" + OWN
				+ " AND id = :id AND version = ANY(:versions) RETURNING " + this.columns;
		return EntrySql.bind(this.jdbc.sql(sql), changes)
			.param(HOUSEHOLD, this.household)
			.param("id", id)
			.param("versions", EntrySql.integerArray(versions))
			.query(this.mapper)
			.optional();
	}

	public boolean deleteById(int id) {
		return this.jdbc.sql("DELETE FROM " + this.table + OWN + " AND id = :id")
			.param(HOUSEHOLD, this.household)
			.param("id", id)
			.update() > 0;
	}

	public boolean deleteIfVersion(int id, Collection<Integer> versions) {
		return this.jdbc.sql("DELETE FROM " + this.table + OWN + " AND id = :id AND version = ANY(:versions)")
			.param(HOUSEHOLD, this.household)
			.param("id", id)
			.param("versions", EntrySql.integerArray(versions))
			.update() > 0;
	}

	public int deleteAllById(Collection<Integer> ids) {
		if (ids.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("DELETE FROM " + this.table + OWN + " AND id = ANY(:ids)")
			.param(HOUSEHOLD, this.household)
			.param("ids", EntrySql.integerArray(ids))
			.update();
	}

	public long count() {
		return this.jdbc.sql("SELECT count(*) FROM " + this.table + OWN)
			.param(HOUSEHOLD, this.household)
			.query(Long.class)
			.single();
	}

	public long countByCategory(String category) {
		return this.jdbc.sql("SELECT count(*) FROM " + this.table + OWN + " AND category = :category")
			.param(HOUSEHOLD, this.household)
			.param("category", category)
			.query(Long.class)
			.single();
	}

	public List<T> findByDateRange(LocalDate from, LocalDate to) {
		return this.jdbc.sql(this.select + OWN + " AND date BETWEEN :from AND :to" + ORDER)
			.param(HOUSEHOLD, this.household)
			.param("from", from)
			.param("to", to)
			.query(this.mapper)
			.list();
	}

	public List<T> findByCategory(String category) {
		return this.jdbc.sql(this.select + OWN + " AND category = :category" + ORDER)
			.param(HOUSEHOLD, this.household)
			.param("category", category)
			.query(this.mapper)
			.list();
	}

	public BigDecimal totalByCategory(String category) {
		return this.jdbc
			.sql("SELECT coalesce(sum(amount), 0.00) FROM " + this.table + OWN + " AND category = :category")
			.param(HOUSEHOLD, this.household)
			.param("category", category)
			.query(BigDecimal.class)
			.single();
	}

	public BigDecimal totalByDateRange(LocalDate from, LocalDate to) {
		return total(from, to).total();
	}

	public List<String> categories() {
		return this.jdbc.sql("SELECT DISTINCT category FROM " + this.table + OWN + " ORDER BY category")
			.param(HOUSEHOLD, this.household)
			.query(String.class)
			.list();
	}

	/**
	 * Rows matching the query's filters, in its order, after its cursor, up to its limit.
	 */
	public List<T> find(EntryQuery query) {
		EntrySql.Filter filter = EntrySql.filter(query, this.hasBusiness).scoped(this.household);
		return filter.bind(this.jdbc.sql(findSql(query, filter))).query(this.mapper).list();
	}

	/** The SQL {@link #find} sends, for plan tests. */
	public String findSql(EntryQuery query, EntrySql.Filter filter) {
		String limit = (query.limit() == null) ? "" : " LIMIT " + query.limit();
		return this.select + filter.where() + " ORDER BY " + query.sort().orderBy() + limit;
	}

	/** Sum and count over an inclusive date range (null bounds are open). */
	public EntryTotals.Total total(LocalDate from, LocalDate to) {
		EntrySql.Filter range = range(from, to);
		return range
			.bind(this.jdbc.sql("SELECT coalesce(sum(amount), 0.00) AS total, count(*) AS count FROM " + this.table
					+ range.where()))
			.query((rs, row) -> new EntryTotals.Total(rs.getBigDecimal("total"), rs.getLong("count")))
			.single();
	}

	/** Totals per category over a range, largest first. */
	public List<EntryTotals.ByCategory> totalsByCategory(LocalDate from, LocalDate to) {
		EntrySql.Filter range = range(from, to);
		return range
			.bind(this.jdbc.sql("SELECT category, sum(amount) AS total, count(*) AS count FROM " + this.table
					+ range.where() + " GROUP BY category ORDER BY total DESC, category"))
			.query((rs, row) -> new EntryTotals.ByCategory(rs.getString("category"), rs.getBigDecimal("total"),
					rs.getLong("count")))
			.list();
	}

	/**
	 * Totals per month of one year; months without entries are absent. PostgreSQL sums
	 * per day, in index order, and the days are added up here: grouping by a computed
	 * month costs the server 2-3 times more than grouping by the indexed date (about
	 * 10,000 rows a year, at most 366 groups to send).
	 */
	public List<EntryTotals.ByMonth> totalsByMonth(int year) {
		Map<YearMonth, EntryTotals.ByMonth> months = new LinkedHashMap<>();
		this.jdbc
			.sql("SELECT date, sum(amount) AS total, count(*) AS count FROM " + this.table + OWN
					+ " AND date >= :start AND date < :end GROUP BY date ORDER BY date")
			.param(HOUSEHOLD, this.household)
			.param("start", LocalDate.of(year, 1, 1))
			.param("end", LocalDate.of(year + 1, 1, 1))
			.query((RowCallbackHandler) (rs) -> {
				YearMonth month = YearMonth.from(rs.getObject("date", LocalDate.class));
				EntryTotals.ByMonth day = new EntryTotals.ByMonth(month, rs.getBigDecimal("total"),
						rs.getLong("count"));
				months.merge(month, day, (sum, more) -> new EntryTotals.ByMonth(month, sum.total().add(more.total()),
						sum.count() + more.count()));
			});
		return List.copyOf(months.values());
	}

	/** Distinct non-empty values of a text field, most used first. */
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
	 * Statistics of the rows matching a query's filters (its order and page are ignored).
	 */
	public EntryTotals.Stats stats(EntryQuery query) {
		EntrySql.Filter filter = EntrySql.filter(query.withLimit(null).after(null), this.hasBusiness)
			.scoped(this.household);
		return filter
			.bind(this.jdbc.sql("SELECT count(*) AS count, coalesce(sum(amount), 0.00) AS total, "
					+ "round(avg(amount), 2) AS average, min(amount) AS min, max(amount) AS max FROM " + this.table
					+ filter.where()))
			.query((rs, row) -> new EntryTotals.Stats(rs.getLong("count"), rs.getBigDecimal("total"),
					rs.getBigDecimal("average"), rs.getBigDecimal("min"), rs.getBigDecimal("max")))
			.single();
	}

	private EntrySql.Filter range(LocalDate from, LocalDate to) {
		return EntrySql
			.filter(new EntryQuery(from, to, null, null, null, null, null, null, EntrySort.NEWEST_FIRST, null, null),
					this.hasBusiness)
			.scoped(this.household);
	}

}
