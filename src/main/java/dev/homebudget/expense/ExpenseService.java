package dev.homebudget.expense;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import dev.homebudget.household.CurrentHousehold;
import dev.homebudget.shared.ApiException;
import dev.homebudget.shared.EntryField;
import dev.homebudget.shared.EntryPage;
import dev.homebudget.shared.EntryQuery;
import dev.homebudget.shared.EntryTotals;
import dev.homebudget.shared.EntryRequestReader;
import dev.homebudget.shared.EntryValues;
import dev.homebudget.shared.IfMatch;
import dev.homebudget.shared.PreconditionFailedException;
import dev.homebudget.shared.PatchRequest;
import dev.homebudget.shared.SingleStatement;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Expense use cases. Checks keep the original's order: the shape of the body (422, in the
 * controller), then the existence of the record (404), then the meaning of the change
 * (400). Existence is only looked up separately when the change is refused, so a valid
 * update is a single statement, run without a transaction of its own
 * ({@link SingleStatement}); bulk use cases are one transaction.
 */
@Service
public class ExpenseService {

	private final ExpenseRepository expenses;

	private final CurrentHousehold household;

	private final EntryRequestReader reader = new EntryRequestReader(EntryField.EXPENSE_FIELDS);

	public ExpenseService(ExpenseRepository expenses, CurrentHousehold household) {
		this.expenses = expenses;
		this.household = household;
	}

	/** The current household's rows. */
	private ExpenseRepository readable() {
		return this.expenses.forHousehold(this.household.forReading());
	}

	/** The current household's rows, if the caller may change them (403 for a viewer). */
	private ExpenseRepository writable() {
		return this.expenses.forHousehold(this.household.forWriting());
	}

	@SingleStatement
	public List<Expense> list() {
		return readable().findAll();
	}

	/** Every row, in the order of {@link #list()}, without holding them all. */
	@Transactional(readOnly = true)
	public void streamAll(Consumer<? super Expense> action) {
		readable().streamAll(action);
	}

	/** A filtered, ordered page; {@code next} is set when more rows may follow. */
	@SingleStatement
	public EntryPage<Expense> find(EntryQuery query) {
		EntryQuery fetch = (query.limit() == null) ? query : query.withLimit(query.limit() + 1);
		return EntryPage.of(readable().find(fetch), query, (row) -> sortKey(row, query), Expense::id);
	}

	@SingleStatement
	public EntryTotals.Total total(LocalDate from, LocalDate to) {
		return readable().total(from, to);
	}

	@SingleStatement
	public List<EntryTotals.ByCategory> totalsByCategory(LocalDate from, LocalDate to) {
		return readable().totalsByCategory(from, to);
	}

	@SingleStatement
	public List<EntryTotals.ByMonth> totalsByMonth(int year) {
		return readable().totalsByMonth(year);
	}

	@SingleStatement
	public EntryTotals.Stats stats(EntryQuery query) {
		return readable().stats(query);
	}

	@SingleStatement
	public List<EntryTotals.ValueCount> distinctValues(EntryField field, int limit) {
		return readable().distinctValues(field, limit);
	}

	private static Object sortKey(Expense row, EntryQuery query) {
		return switch (query.sort().column()) {
			case DATE -> row.date();
			case AMOUNT -> row.amount();
			case CATEGORY -> row.category();
		};
	}

	@SingleStatement
	public Expense create(EntryValues values) {
		return writable().create(ExpenseDraft.from(values));
	}

	/** PUT: applies the fields present; an explicit null in a NOT NULL field is a 400. */
	@SingleStatement
	public Expense replace(int id, EntryValues changes, IfMatch ifMatch) {
		ExpenseRepository expenses = writable();
		if (changes.firstNullInRequiredField().isPresent()) {
			requireExisting(expenses, id);
			EntryRequestReader.requireNotNull(changes);
		}
		return apply(expenses, id, changes, ifMatch);
	}

	/**
	 * One conditional statement; when it changes nothing, tells a missing record (404)
	 * from a stale version (412 with the current ETag).
	 */
	private Expense apply(ExpenseRepository expenses, int id, EntryValues changes, IfMatch ifMatch) {
		if (!ifMatch.constrainsVersion()) {
			return expenses.update(id, changes).orElseThrow(ExpenseNotFoundException::new);
		}
		return expenses.updateIfVersion(id, ifMatch.versions(), changes)
			.orElseThrow(() -> staleOrMissing(expenses, id));
	}

	private RuntimeException staleOrMissing(ExpenseRepository expenses, int id) {
		return expenses.findById(id)
			.<RuntimeException>map((current) -> new PreconditionFailedException(current.version()))
			.orElseGet(ExpenseNotFoundException::new);
	}

	/** PATCH: one field; an unknown field, {@code id}, or a bad value is a 400. */
	@SingleStatement
	public Expense patch(int id, PatchRequest patch, IfMatch ifMatch) {
		ExpenseRepository expenses = writable();
		EntryValues change;
		try {
			change = this.reader.readPatchValue(patch);
		}
		catch (ApiException ex) {
			requireExisting(expenses, id);
			throw ex;
		}
		return apply(expenses, id, change, ifMatch);
	}

	@SingleStatement
	public void delete(int id, IfMatch ifMatch) {
		ExpenseRepository expenses = writable();
		boolean deleted = ifMatch.constrainsVersion() ? expenses.deleteIfVersion(id, ifMatch.versions())
				: expenses.deleteById(id);
		if (!deleted) {
			throw ifMatch.constrainsVersion() ? staleOrMissing(expenses, id) : new ExpenseNotFoundException();
		}
	}

	/** The current version of a record (its ETag); 404 if it does not exist. */
	@SingleStatement
	public int version(int id) {
		return readable().findById(id).orElseThrow(ExpenseNotFoundException::new).version();
	}

	/**
	 * Stores every draft in one transaction (one file replacement on JSON): all or none.
	 */
	@Transactional
	public int createAll(List<ExpenseDraft> drafts) {
		return writable().createAll(drafts).size();
	}

	@Transactional
	public int deleteAll(Collection<Integer> ids) {
		return writable().deleteAllById(ids);
	}

	EntryRequestReader reader() {
		return this.reader;
	}

	private static void requireExisting(ExpenseRepository expenses, int id) {
		if (!expenses.existsById(id)) {
			throw new ExpenseNotFoundException();
		}
	}

}
