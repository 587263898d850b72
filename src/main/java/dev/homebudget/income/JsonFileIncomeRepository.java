package dev.homebudget.income;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

import dev.homebudget.shared.EntryField;
import dev.homebudget.shared.EntryQuery;
import dev.homebudget.shared.EntryTotals;
import dev.homebudget.shared.EntryValues;
import dev.homebudget.storage.JsonEntry;
import dev.homebudget.storage.JsonLedger;
import dev.homebudget.storage.JsonStore;
import dev.homebudget.storage.LedgerFile;

/**
 * Incomes in the original's {@code incomes.json}, through a {@link JsonLedger}: read once
 * at startup, answered from memory, every write a durable whole-file replacement.
 */
class JsonFileIncomeRepository implements IncomeRepository {

	private final JsonLedger<Income> ledger;

	JsonFileIncomeRepository(JsonLedger<Income> ledger) {
		this.ledger = ledger;
	}

	static JsonLedger<Income> ledgerOf(JsonStore store) {
		return store.ledger(LedgerFile.INCOMES, JsonFileIncomeRepository::income);
	}

	static Income income(JsonEntry entry, int version) {
		return new Income(entry.id(), entry.date(), entry.category(), entry.amount(), entry.account(), entry.currency(),
				entry.notes(), version);
	}

	static JsonEntry entry(int id, IncomeDraft draft) {
		return new JsonEntry(id, draft.date(), null, draft.category(), draft.amount(), draft.account(),
				draft.currency(), draft.notes());
	}

	private static IntFunction<JsonEntry> withId(IncomeDraft draft) {
		return (id) -> entry(id, draft);
	}

	JsonLedger<Income> ledger() {
		return this.ledger;
	}

	@Override
	public List<Income> findAll() {
		return this.ledger.findAll();
	}

	@Override
	public List<Income> findPage(int offset, int limit) {
		return this.ledger.findPage(offset, limit);
	}

	@Override
	public Optional<Income> findById(int id) {
		return this.ledger.findById(id);
	}

	@Override
	public List<Income> findAllById(Collection<Integer> ids) {
		return this.ledger.findAllById(ids);
	}

	@Override
	public boolean existsById(int id) {
		return this.ledger.existsById(id);
	}

	@Override
	public Income create(IncomeDraft draft) {
		return this.ledger.create(withId(draft));
	}

	@Override
	public List<Income> createAll(List<IncomeDraft> drafts) {
		return this.ledger.createAll(drafts.stream().map(JsonFileIncomeRepository::withId).toList());
	}

	@Override
	public void putAll(Collection<Income> incomes) {
		this.ledger.putAll(incomes.stream().map((income) -> entry(income.id(), IncomeDraft.of(income))).toList());
	}

	@Override
	public Optional<Income> update(int id, EntryValues changes) {
		return this.ledger.update(id, changes);
	}

	@Override
	public Optional<Income> updateIfVersion(int id, Collection<Integer> versions, EntryValues changes) {
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
	public List<Income> findByDateRange(LocalDate from, LocalDate to) {
		return this.ledger.findByDateRange(from, to);
	}

	@Override
	public List<Income> findByCategory(String category) {
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
	public List<Income> find(EntryQuery query) {
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
