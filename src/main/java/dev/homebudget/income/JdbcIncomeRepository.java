package dev.homebudget.income;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.homebudget.shared.EntryField;
import dev.homebudget.shared.EntryQuery;
import dev.homebudget.shared.EntrySql;
import dev.homebudget.shared.EntryTotals;
import dev.homebudget.shared.EntryValues;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Incomes in PostgreSQL, with hand-written SQL.
 */
@Repository
class JdbcIncomeRepository implements IncomeRepository {

	private static final String COLUMNS = "id, date, category, amount, account, currency, notes, version";

	private static final String SELECT = "SELECT " + COLUMNS + " FROM incomes ";

	private static final String ORDER = " ORDER BY date DESC, id DESC";

	private final JdbcClient jdbc;

	JdbcIncomeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Income> findAll() {
		return this.jdbc.sql(SELECT + ORDER).query(JdbcIncomeRepository::map).list();
	}

	@Override
	public List<Income> findPage(int offset, int limit) {
		return this.jdbc.sql(SELECT + ORDER + " OFFSET :offset LIMIT :limit")
			.param("offset", offset)
			.param("limit", limit)
			.query(JdbcIncomeRepository::map)
			.list();
	}

	@Override
	public Optional<Income> findById(int id) {
		return this.jdbc.sql(SELECT + "WHERE id = :id").param("id", id).query(JdbcIncomeRepository::map).optional();
	}

	@Override
	public boolean existsById(int id) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM incomes WHERE id = :id)")
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

	@Override
	public Income create(IncomeDraft draft) {
		return this.jdbc
			.sql("INSERT INTO incomes (date, category, amount, account, currency, notes) "
					+ "VALUES (:date, :category, :amount, :account, :currency, :notes) RETURNING " + COLUMNS)
			.param("date", draft.date())
			.param("category", draft.category())
			.param("amount", draft.amount())
			.param("account", draft.account())
			.param("currency", draft.currency())
			.param("notes", draft.notes(), Types.VARCHAR)
			.query(JdbcIncomeRepository::map)
			.single();
	}

	@Override
	public Optional<Income> update(int id, EntryValues changes) {
		if (changes.isEmpty()) {
			return findById(id);
		}
		String sql = "UPDATE incomes SET " + EntrySql.setClause(changes)
				+ ", version = version + 1 WHERE id = :id RETURNING " + COLUMNS;
		return EntrySql.bind(this.jdbc.sql(sql), changes).param("id", id).query(JdbcIncomeRepository::map).optional();
	}

	@Override
	public Optional<Income> updateIfVersion(int id, Collection<Integer> versions, EntryValues changes) {
		if (changes.isEmpty()) {
			return findById(id).filter((row) -> versions.contains(row.version()));
		}
		String sql = "UPDATE incomes SET " + EntrySql.setClause(changes)
				+ ", version = version + 1 WHERE id = :id AND version = ANY(:versions) RETURNING " + COLUMNS;
		return EntrySql.bind(this.jdbc.sql(sql), changes)
			.param("id", id)
			.param("versions", EntrySql.integerArray(versions))
			.query(JdbcIncomeRepository::map)
			.optional();
	}

	@Override
	public boolean deleteIfVersion(int id, Collection<Integer> versions) {
		return this.jdbc.sql("DELETE FROM incomes WHERE id = :id AND version = ANY(:versions)")
			.param("id", id)
			.param("versions", EntrySql.integerArray(versions))
			.update() > 0;
	}

	@Override
	public boolean deleteById(int id) {
		return this.jdbc.sql("DELETE FROM incomes WHERE id = :id").param("id", id).update() > 0;
	}

	@Override
	public int deleteAllById(Collection<Integer> ids) {
		if (ids.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("DELETE FROM incomes WHERE id = ANY(:ids)")
			.param("ids", EntrySql.integerArray(ids))
			.update();
	}

	@Override
	public long count() {
		return this.jdbc.sql("SELECT count(*) FROM incomes").query(Long.class).single();
	}

	@Override
	public long countByCategory(String category) {
		return this.jdbc.sql("SELECT count(*) FROM incomes WHERE category = :category")
			.param("category", category)
			.query(Long.class)
			.single();
	}

	@Override
	public List<Income> findByDateRange(LocalDate from, LocalDate to) {
		return this.jdbc.sql(SELECT + "WHERE date BETWEEN :from AND :to" + ORDER)
			.param("from", from)
			.param("to", to)
			.query(JdbcIncomeRepository::map)
			.list();
	}

	@Override
	public List<Income> findByCategory(String category) {
		return this.jdbc.sql(SELECT + "WHERE category = :category" + ORDER)
			.param("category", category)
			.query(JdbcIncomeRepository::map)
			.list();
	}

	@Override
	public BigDecimal totalByCategory(String category) {
		return this.jdbc.sql("SELECT coalesce(sum(amount), 0.00) FROM incomes WHERE category = :category")
			.param("category", category)
			.query(BigDecimal.class)
			.single();
	}

	@Override
	public BigDecimal totalByDateRange(LocalDate from, LocalDate to) {
		return this.jdbc.sql("SELECT coalesce(sum(amount), 0.00) FROM incomes WHERE date BETWEEN :from AND :to")
			.param("from", from)
			.param("to", to)
			.query(BigDecimal.class)
			.single();
	}

	@Override
	public List<String> categories() {
		return this.jdbc.sql("SELECT DISTINCT category FROM incomes ORDER BY category").query(String.class).list();
	}

	@Override
	public List<Income> find(EntryQuery query) {
		EntrySql.Filter filter = EntrySql.filter(query, false);
		String limit = (query.limit() == null) ? "" : " LIMIT " + query.limit();
		return filter.bind(this.jdbc.sql(SELECT + filter.where() + " ORDER BY " + query.sort().orderBy() + limit))
			.query(JdbcIncomeRepository::map)
			.list();
	}

	@Override
	public EntryTotals.Total total(LocalDate from, LocalDate to) {
		return EntrySql.total(this.jdbc, "incomes", from, to);
	}

	@Override
	public List<EntryTotals.ByCategory> totalsByCategory(LocalDate from, LocalDate to) {
		return EntrySql.totalsByCategory(this.jdbc, "incomes", from, to);
	}

	@Override
	public List<EntryTotals.ByMonth> totalsByMonth(int year) {
		return EntrySql.totalsByMonth(this.jdbc, "incomes", year);
	}

	@Override
	public List<EntryTotals.ValueCount> distinctValues(EntryField field, int limit) {
		return EntrySql.distinctValues(this.jdbc, "incomes", field, limit);
	}

	private static Income map(ResultSet rs, int row) throws SQLException {
		return new Income(rs.getInt("id"), rs.getObject("date", LocalDate.class), rs.getString("category"),
				rs.getBigDecimal("amount"), rs.getString("account"), rs.getString("currency"), rs.getString("notes"),
				rs.getInt("version"));
	}

}
