package dev.homebudget.expense;

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
 * Expenses in PostgreSQL, with hand-written SQL.
 */
@Repository
class JdbcExpenseRepository implements ExpenseRepository {

	private static final String COLUMNS = "id, date, business, category, amount, account, currency, notes, version";

	private static final String SELECT = "SELECT " + COLUMNS + " FROM expenses ";

	private static final String ORDER = " ORDER BY date DESC, id DESC";

	private final JdbcClient jdbc;

	JdbcExpenseRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Expense> findAll() {
		return this.jdbc.sql(SELECT + ORDER).query(JdbcExpenseRepository::map).list();
	}

	@Override
	public List<Expense> findPage(int offset, int limit) {
		return this.jdbc.sql(SELECT + ORDER + " OFFSET :offset LIMIT :limit")
			.param("offset", offset)
			.param("limit", limit)
			.query(JdbcExpenseRepository::map)
			.list();
	}

	@Override
	public Optional<Expense> findById(int id) {
		return this.jdbc.sql(SELECT + "WHERE id = :id").param("id", id).query(JdbcExpenseRepository::map).optional();
	}

	@Override
	public boolean existsById(int id) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM expenses WHERE id = :id)")
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

	@Override
	public Expense create(ExpenseDraft draft) {
		return this.jdbc
			.sql("INSERT INTO expenses (date, business, category, amount, account, currency, notes) "
					+ "VALUES (:date, :business, :category, :amount, :account, :currency, :notes) RETURNING " + COLUMNS)
			.param("date", draft.date())
			.param("business", draft.business(), Types.VARCHAR)
			.param("category", draft.category())
			.param("amount", draft.amount())
			.param("account", draft.account())
			.param("currency", draft.currency())
			.param("notes", draft.notes(), Types.VARCHAR)
			.query(JdbcExpenseRepository::map)
			.single();
	}

	@Override
	public Optional<Expense> update(int id, EntryValues changes) {
		if (changes.isEmpty()) {
			return findById(id);
		}
		String sql = "UPDATE expenses SET " + EntrySql.setClause(changes)
				+ ", version = version + 1 WHERE id = :id RETURNING " + COLUMNS;
		return EntrySql.bind(this.jdbc.sql(sql), changes).param("id", id).query(JdbcExpenseRepository::map).optional();
	}

	@Override
	public Optional<Expense> updateIfVersion(int id, Collection<Integer> versions, EntryValues changes) {
		if (changes.isEmpty()) {
			return findById(id).filter((row) -> versions.contains(row.version()));
		}
		String sql = "UPDATE expenses SET " + EntrySql.setClause(changes)
				+ ", version = version + 1 WHERE id = :id AND version = ANY(:versions) RETURNING " + COLUMNS;
		return EntrySql.bind(this.jdbc.sql(sql), changes)
			.param("id", id)
			.param("versions", EntrySql.integerArray(versions))
			.query(JdbcExpenseRepository::map)
			.optional();
	}

	@Override
	public boolean deleteIfVersion(int id, Collection<Integer> versions) {
		return this.jdbc.sql("DELETE FROM expenses WHERE id = :id AND version = ANY(:versions)")
			.param("id", id)
			.param("versions", EntrySql.integerArray(versions))
			.update() > 0;
	}

	@Override
	public boolean deleteById(int id) {
		return this.jdbc.sql("DELETE FROM expenses WHERE id = :id").param("id", id).update() > 0;
	}

	@Override
	public int deleteAllById(Collection<Integer> ids) {
		if (ids.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("DELETE FROM expenses WHERE id = ANY(:ids)")
			.param("ids", EntrySql.integerArray(ids))
			.update();
	}

	@Override
	public long count() {
		return this.jdbc.sql("SELECT count(*) FROM expenses").query(Long.class).single();
	}

	@Override
	public long countByCategory(String category) {
		return this.jdbc.sql("SELECT count(*) FROM expenses WHERE category = :category")
			.param("category", category)
			.query(Long.class)
			.single();
	}

	@Override
	public List<Expense> findByDateRange(LocalDate from, LocalDate to) {
		return this.jdbc.sql(SELECT + "WHERE date BETWEEN :from AND :to" + ORDER)
			.param("from", from)
			.param("to", to)
			.query(JdbcExpenseRepository::map)
			.list();
	}

	@Override
	public List<Expense> findByCategory(String category) {
		return this.jdbc.sql(SELECT + "WHERE category = :category" + ORDER)
			.param("category", category)
			.query(JdbcExpenseRepository::map)
			.list();
	}

	@Override
	public BigDecimal totalByCategory(String category) {
		return this.jdbc.sql("SELECT coalesce(sum(amount), 0.00) FROM expenses WHERE category = :category")
			.param("category", category)
			.query(BigDecimal.class)
			.single();
	}

	@Override
	public BigDecimal totalByDateRange(LocalDate from, LocalDate to) {
		return this.jdbc.sql("SELECT coalesce(sum(amount), 0.00) FROM expenses WHERE date BETWEEN :from AND :to")
			.param("from", from)
			.param("to", to)
			.query(BigDecimal.class)
			.single();
	}

	@Override
	public List<String> categories() {
		return this.jdbc.sql("SELECT DISTINCT category FROM expenses ORDER BY category").query(String.class).list();
	}

	@Override
	public List<Expense> find(EntryQuery query) {
		EntrySql.Filter filter = EntrySql.filter(query, true);
		return filter.bind(this.jdbc.sql(findSql(query, filter))).query(JdbcExpenseRepository::map).list();
	}

	static String findSql(EntryQuery query, EntrySql.Filter filter) {
		String limit = (query.limit() == null) ? "" : " LIMIT " + query.limit();
		return SELECT + filter.where() + " ORDER BY " + query.sort().orderBy() + limit;
	}

	@Override
	public EntryTotals.Total total(LocalDate from, LocalDate to) {
		return EntrySql.total(this.jdbc, "expenses", from, to);
	}

	@Override
	public List<EntryTotals.ByCategory> totalsByCategory(LocalDate from, LocalDate to) {
		return EntrySql.totalsByCategory(this.jdbc, "expenses", from, to);
	}

	@Override
	public List<EntryTotals.ByMonth> totalsByMonth(int year) {
		return EntrySql.totalsByMonth(this.jdbc, "expenses", year);
	}

	@Override
	public EntryTotals.Stats stats(EntryQuery query) {
		return EntrySql.stats(this.jdbc, "expenses", query, true);
	}

	@Override
	public List<EntryTotals.ValueCount> distinctValues(EntryField field, int limit) {
		return EntrySql.distinctValues(this.jdbc, "expenses", field, limit);
	}

	private static Expense map(ResultSet rs, int row) throws SQLException {
		return new Expense(rs.getInt("id"), rs.getObject("date", LocalDate.class), rs.getString("business"),
				rs.getString("category"), rs.getBigDecimal("amount"), rs.getString("account"), rs.getString("currency"),
				rs.getString("notes"), rs.getInt("version"));
	}

}
