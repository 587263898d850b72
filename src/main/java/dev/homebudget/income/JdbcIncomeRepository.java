package dev.homebudget.income;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import dev.homebudget.household.Households;
import dev.homebudget.shared.EntryField;
import dev.homebudget.shared.EntryQuery;
import dev.homebudget.shared.EntrySql;
import dev.homebudget.shared.EntryTable;
import dev.homebudget.shared.EntryTotals;
import dev.homebudget.shared.EntryValues;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Incomes in PostgreSQL, with hand-written SQL; the statements shared with the other
 * entry table live in {@link EntryTable}.
 */
@Repository
class JdbcIncomeRepository implements IncomeRepository {

	private final JdbcClient jdbc;

	private final EntryTable<Income> table;

	@Autowired
	JdbcIncomeRepository(JdbcClient jdbc) {
		this(jdbc, Households.FIRST);
	}

	private JdbcIncomeRepository(JdbcClient jdbc, int household) {
		this.jdbc = jdbc;
		this.table = new EntryTable<>(jdbc, "incomes", false, JdbcIncomeRepository::map, Income::version, household);
	}

	@Override
	public IncomeRepository forHousehold(int household) {
		return (household == this.table.household()) ? this : new JdbcIncomeRepository(this.jdbc, household);
	}

	@Override
	public List<Income> findAll() {
		return this.table.findAll();
	}

	@Override
	public void streamAll(Consumer<? super Income> action) {
		this.table.streamAll(action);
	}

	@Override
	public List<Income> findPage(int offset, int limit) {
		return this.table.findPage(offset, limit);
	}

	@Override
	public Optional<Income> findById(int id) {
		return this.table.findById(id);
	}

	@Override
	public List<Income> findAllById(Collection<Integer> ids) {
		return this.table.findAllById(ids);
	}

	@Override
	public boolean existsById(int id) {
		return this.table.existsById(id);
	}

	@Override
	public Income create(IncomeDraft draft) {
		return this.jdbc.sql(
				"INSERT INTO incomes (household_id, date, category, amount, account, currency, notes) VALUES (:household, :date, :category, :amount, :account, :currency, :notes) RETURNING "
						+ this.table.columns())
			.param("household", this.table.household())
			.param("date", draft.date())
			.param("category", draft.category())
			.param("amount", draft.amount())
			.param("account", draft.account())
			.param("currency", draft.currency())
			.param("notes", draft.notes(), Types.VARCHAR)
			.query(this.table.mapper())
			.single();
	}

	@Override
	public List<Income> createAll(List<IncomeDraft> drafts) {
		return drafts.stream().map(this::create).toList();
	}

	@Override
	public void putAll(Collection<Income> incomes) {
		Map<Integer, EntryValues> rows = new LinkedHashMap<>();
		incomes.forEach((income) -> rows.put(income.id(), IncomeDraft.of(income).values()));
		this.table.putAll(rows);
	}

	@Override
	public Optional<Income> update(int id, EntryValues changes) {
		return this.table.update(id, changes);
	}

	@Override
	public Optional<Income> updateIfVersion(int id, Collection<Integer> versions, EntryValues changes) {
		return this.table.updateIfVersion(id, versions, changes);
	}

	@Override
	public boolean deleteById(int id) {
		return this.table.deleteById(id);
	}

	@Override
	public boolean deleteIfVersion(int id, Collection<Integer> versions) {
		return this.table.deleteIfVersion(id, versions);
	}

	@Override
	public int deleteAllById(Collection<Integer> ids) {
		return this.table.deleteAllById(ids);
	}

	@Override
	public long count() {
		return this.table.count();
	}

	@Override
	public void keepIdentityAheadOfIds() {
		this.table.keepIdentityAheadOfIds();
	}

	@Override
	public long countByCategory(String category) {
		return this.table.countByCategory(category);
	}

	@Override
	public List<Income> findByDateRange(LocalDate from, LocalDate to) {
		return this.table.findByDateRange(from, to);
	}

	@Override
	public List<Income> findByCategory(String category) {
		return this.table.findByCategory(category);
	}

	@Override
	public BigDecimal totalByCategory(String category) {
		return this.table.totalByCategory(category);
	}

	@Override
	public BigDecimal totalByDateRange(LocalDate from, LocalDate to) {
		return this.table.totalByDateRange(from, to);
	}

	@Override
	public List<String> categories() {
		return this.table.categories();
	}

	@Override
	public List<Income> find(EntryQuery query) {
		return this.table.find(query);
	}

	/** The SQL {@link #find} sends, for plan tests. */
	String findSql(EntryQuery query, EntrySql.Filter filter) {
		return this.table.findSql(query, filter);
	}

	@Override
	public EntryTotals.Total total(LocalDate from, LocalDate to) {
		return this.table.total(from, to);
	}

	@Override
	public List<EntryTotals.ByCategory> totalsByCategory(LocalDate from, LocalDate to) {
		return this.table.totalsByCategory(from, to);
	}

	@Override
	public List<EntryTotals.ByMonth> totalsByMonth(int year) {
		return this.table.totalsByMonth(year);
	}

	@Override
	public List<EntryTotals.ValueCount> distinctValues(EntryField field, int limit) {
		return this.table.distinctValues(field, limit);
	}

	private static Income map(ResultSet rs, int row) throws SQLException {
		return new Income(rs.getInt("id"), rs.getObject("date", LocalDate.class), rs.getString("category"),
				rs.getBigDecimal("amount"), rs.getString("account"), rs.getString("currency"), rs.getString("notes"),
				rs.getInt("version"));
	}

}
