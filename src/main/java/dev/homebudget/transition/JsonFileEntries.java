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
import dev.homebudget.ledger.EntryType;

/**
 * Entries of one kind in the original's JSON file, through a {@link JsonLedger}: read
 * once at startup, answered from memory, every write a durable whole-file replacement.
 *
 * @param <E> a stored entry
 * @param <D> an entry not stored yet
 */
public final class JsonFileEntries<E extends StoredEntry, D> implements EntryRepository<E, D> {

	private final JsonLedger<E> ledger;

	private final EntryType<E, D> type;

	JsonFileEntries(JsonLedger<E> ledger, EntryType<E, D> type) {
		this.ledger = ledger;
		this.type = type;
	}

	/** The entries of one kind in their file of the store. */
	public static <E extends StoredEntry, D> JsonFileEntries<E, D> of(JsonStore store, EntryType<E, D> type) {
		return new JsonFileEntries<>(
				store.ledger(LedgerFile.of(type.kind()), (entry, version) -> entry.as(type, version)), type);
	}

	public JsonLedger<E> ledger() {
		return this.ledger;
	}

	@Override
	public List<E> findAll() {
		return this.ledger.findAll();
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
		return this.ledger.create((id) -> JsonEntry.of(id, this.type.valuesOfDraft(draft)));
	}

	@Override
	public List<E> createAll(List<D> drafts) {
		return this.ledger.createAll(drafts.stream()
			.<IntFunction<JsonEntry>>map((draft) -> (id) -> JsonEntry.of(id, this.type.valuesOfDraft(draft)))
			.toList());
	}

	@Override
	public void putAll(Collection<E> entries) {
		this.ledger.mirror(entries, JsonEntry::of, StoredEntry::version, List.of());
	}

	/**
	 * Mirrors the primary's state of some ids in one replacement of the file: the present
	 * entries stored with their versions, the absent ids deleted.
	 */
	void mirror(Collection<E> present, Collection<Integer> absent) {
		this.ledger.mirror(present, JsonEntry::of, StoredEntry::version, absent);
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
	public List<EntryTotals.Stats> stats(EntryQuery query) {
		return this.ledger.stats(query);
	}

	@Override
	public List<E> find(EntryQuery query) {
		return this.ledger.find(query);
	}

	@Override
	public List<EntryTotals.Total> total(LocalDate from, LocalDate to) {
		return this.ledger.total(from, to);
	}

	@Override
	public List<EntryTotals.ByCategory> totalsByCategory(LocalDate from, LocalDate to) {
		return this.ledger.totalsByCategory(from, to);
	}

	@Override
	public List<EntryTotals.ByCategory> totalsByCategory(EntryQuery query) {
		return this.ledger.totalsByCategory(query);
	}

	@Override
	public List<EntryTotals.Converted> converted(EntryQuery query, EntryTotals.Grouping grouping, String base) {
		return this.ledger.converted(query, grouping, base);
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
