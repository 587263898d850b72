package dev.homebudget.expense;

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
 * Expenses in the original's {@code expenses.json}, through a {@link JsonLedger}: read
 * once at startup, answered from memory, every write a durable whole-file replacement.
 */
class JsonFileExpenseRepository implements ExpenseRepository {

	private final JsonLedger<Expense> ledger;

	JsonFileExpenseRepository(JsonLedger<Expense> ledger) {
		this.ledger = ledger;
	}

	static JsonLedger<Expense> ledgerOf(JsonStore store) {
		return store.ledger(LedgerFile.EXPENSES, JsonFileExpenseRepository::expense);
	}

	static Expense expense(JsonEntry entry, int version) {
		return new Expense(entry.id(), entry.date(), entry.business(), entry.category(), entry.amount(),
				entry.account(), entry.currency(), entry.notes(), version);
	}

	static JsonEntry entry(int id, ExpenseDraft draft) {
		return new JsonEntry(id, draft.date(), draft.business(), draft.category(), draft.amount(), draft.account(),
				draft.currency(), draft.notes());
	}

	private static IntFunction<JsonEntry> withId(ExpenseDraft draft) {
		return (id) -> entry(id, draft);
	}

	JsonLedger<Expense> ledger() {
		return this.ledger;
	}

	@Override
	public List<Expense> findAll() {
		return this.ledger.findAll();
	}

	@Override
	public List<Expense> findPage(int offset, int limit) {
		return this.ledger.findPage(offset, limit);
	}

	@Override
	public Optional<Expense> findById(int id) {
		return this.ledger.findById(id);
	}

	@Override
	public List<Expense> findAllById(Collection<Integer> ids) {
		return this.ledger.findAllById(ids);
	}

	@Override
	public boolean existsById(int id) {
		return this.ledger.existsById(id);
	}

	@Override
	public Expense create(ExpenseDraft draft) {
		return this.ledger.create(withId(draft));
	}

	@Override
	public List<Expense> createAll(List<ExpenseDraft> drafts) {
		return this.ledger.createAll(drafts.stream().map(JsonFileExpenseRepository::withId).toList());
	}

	@Override
	public void putAll(Collection<Expense> expenses) {
		this.ledger.putAll(expenses.stream().map((expense) -> entry(expense.id(), ExpenseDraft.of(expense))).toList());
	}

	@Override
	public Optional<Expense> update(int id, EntryValues changes) {
		return this.ledger.update(id, changes);
	}

	@Override
	public Optional<Expense> updateIfVersion(int id, Collection<Integer> versions, EntryValues changes) {
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
	public List<Expense> findByDateRange(LocalDate from, LocalDate to) {
		return this.ledger.findByDateRange(from, to);
	}

	@Override
	public List<Expense> findByCategory(String category) {
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
	public List<Expense> find(EntryQuery query) {
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
	public EntryTotals.Stats stats(EntryQuery query) {
		return this.ledger.stats(query);
	}

	@Override
	public List<EntryTotals.ValueCount> distinctValues(EntryField field, int limit) {
		return this.ledger.distinctValues(field, limit);
	}

}
