package dev.homebudget.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Entries of one kind in their PostgreSQL table, one household's rows: the statements
 * both kinds share, through {@link EntryTable}. A kind adds its insert (its own columns)
 * and what only it has.
 *
 * @param <E> a stored entry
 * @param <D> an entry not stored yet
 */
public abstract class JdbcEntries<E extends StoredEntry, D> implements EntryRepository<E, D> {

	protected final EntryTable<E> table;

	protected JdbcEntries(EntryTable<E> table) {
		this.table = table;
	}

	/** Every field of a stored entry, for a statement that writes them all. */
	protected abstract EntryValues valuesOf(E entry);

	@Override
	public List<E> findAll() {
		return this.table.findAll();
	}

	@Override
	public void streamAll(Consumer<? super E> action) {
		this.table.streamAll(action);
	}

	@Override
	public List<E> findPage(int offset, int limit) {
		return this.table.findPage(offset, limit);
	}

	@Override
	public Optional<E> findById(int id) {
		return this.table.findById(id);
	}

	@Override
	public List<E> findAllById(Collection<Integer> ids) {
		return this.table.findAllById(ids);
	}

	@Override
	public boolean existsById(int id) {
		return this.table.existsById(id);
	}

	@Override
	public List<E> createAll(List<D> drafts) {
		return drafts.stream().map(this::create).toList();
	}

	@Override
	public void putAll(Collection<E> entries) {
		Map<Integer, EntryValues> rows = new LinkedHashMap<>();
		entries.forEach((entry) -> rows.put(entry.id(), valuesOf(entry)));
		this.table.putAll(rows);
	}

	@Override
	public Optional<E> update(int id, EntryValues changes) {
		return this.table.update(id, changes);
	}

	@Override
	public Optional<E> updateIfVersion(int id, Collection<Integer> versions, EntryValues changes) {
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
	public List<E> findByDateRange(LocalDate from, LocalDate to) {
		return this.table.findByDateRange(from, to);
	}

	@Override
	public List<E> findByCategory(String category) {
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
	public List<E> find(EntryQuery query) {
		return this.table.find(query);
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

	/** The SQL {@link #find} sends, for plan tests. */
	public String findSql(EntryQuery query, EntrySql.Filter filter) {
		return this.table.findSql(query, filter);
	}

}
