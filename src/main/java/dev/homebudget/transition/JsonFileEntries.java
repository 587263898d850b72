package dev.homebudget.transition;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

import dev.homebudget.ledger.EntryField;
import dev.homebudget.ledger.EntryQuery;
import dev.homebudget.ledger.EntryRepository;
import dev.homebudget.ledger.EntryTotals;
import dev.homebudget.ledger.EntryValues;
import dev.homebudget.ledger.StoredEntry;

/**
 * Entries of one kind in the original's JSON file, through a {@link JsonLedger}: read
 * once at startup, answered from memory, every write a durable whole-file replacement.
 *
 * @param <E> a stored entry
 * @param <D> an entry not stored yet
 */
public class JsonFileEntries<E extends StoredEntry, D> implements EntryRepository<E, D> {

	private final JsonLedger<E> ledger;

	private final JsonEntryMapping<E, D> mapping;

	protected JsonFileEntries(JsonLedger<E> ledger, JsonEntryMapping<E, D> mapping) {
		this.ledger = ledger;
		this.mapping = mapping;
	}

	public JsonLedger<E> ledger() {
		return this.ledger;
	}

	@Override
	public List<E> findAll() {
		return this.ledger.findAll();
	}

	@Override
	public List<E> findPage(int offset, int limit) {
		return this.ledger.findPage(offset, limit);
	}

	@Override
	public Optional<E> findById(int id) {
		return this.ledger.findById(id);
	}

	@Override
	public List<E> findAllById(Collection<Integer> ids) {
		return this.ledger.findAllById(ids);
	}

	@Override
	public boolean existsById(int id) {
		return this.ledger.existsById(id);
	}

	@Override
	public E create(D draft) {
		return this.ledger.create((id) -> this.mapping.entry(id, draft));
	}

	@Override
	public List<E> createAll(List<D> drafts) {
		return this.ledger.createAll(
				drafts.stream().<IntFunction<JsonEntry>>map((draft) -> (id) -> this.mapping.entry(id, draft)).toList());
	}

	@Override
	public void putAll(Collection<E> entries) {
		this.ledger.putAll(entries.stream().map(this.mapping::entryOf).toList());
	}

	@Override
	public Optional<E> update(int id, EntryValues changes) {
		return this.ledger.update(id, changes);
	}

	@Override
	public Optional<E> updateIfVersion(int id, Collection<Integer> versions, EntryValues changes) {
		return this.ledger.updateIfVersion(id, versions, changes);
	}

	@Override
	public boolean deleteIfVersion(int id, Collection<Integer> versions) {
		return this.ledger.deleteIfVersion(id, versions);
	}

	@Override
	public boolean deleteById(int id) {
		return this.ledger.deleteById(id);
	}

	@Override
	public int deleteAllById(Collection<Integer> ids) {
		return this.ledger.deleteAllById(ids);
	}

	@Override
	public long count() {
		return this.ledger.count();
	}

	/** Nothing to do: the next id is always {@code max(id) + 1}. */
	@Override
	public void keepIdentityAheadOfIds() {
	}

	@Override
	public long countByCategory(String category) {
		return this.ledger.countByCategory(category);
	}

	@Override
	public List<E> findByDateRange(LocalDate from, LocalDate to) {
		return this.ledger.findByDateRange(from, to);
	}

	@Override
	public List<E> findByCategory(String category) {
		return this.ledger.findByCategory(category);
	}

	@Override
	public BigDecimal totalByCategory(String category) {
		return this.ledger.totalByCategory(category);
	}

	@Override
	public BigDecimal totalByDateRange(LocalDate from, LocalDate to) {
		return this.ledger.totalByDateRange(from, to);
	}

	@Override
	public List<String> categories() {
		return this.ledger.categories();
	}

	@Override
	public List<E> find(EntryQuery query) {
		return this.ledger.find(query);
	}

	@Override
	public EntryTotals.Total total(LocalDate from, LocalDate to) {
		return this.ledger.total(from, to);
	}

	@Override
	public List<EntryTotals.ByCategory> totalsByCategory(LocalDate from, LocalDate to) {
		return this.ledger.totalsByCategory(from, to);
	}

	@Override
	public List<EntryTotals.ByMonth> totalsByMonth(int year) {
		return this.ledger.totalsByMonth(year);
	}

	@Override
	public List<EntryTotals.ValueCount> distinctValues(EntryField field, int limit) {
		return this.ledger.distinctValues(field, limit);
	}

}
