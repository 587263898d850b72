package dev.homebudget.expense;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import dev.homebudget.shared.ApiException;
import dev.homebudget.shared.EntryField;
import dev.homebudget.shared.EntryPage;
import dev.homebudget.shared.EntryQuery;
import dev.homebudget.shared.EntryTotals;
import dev.homebudget.shared.EntryRequestReader;
import dev.homebudget.shared.EntryValues;
import dev.homebudget.shared.PatchRequest;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Expense use cases. Checks keep the original's order: the shape of the body (422, in the
 * controller), then the existence of the record (404), then the meaning of the change
 * (400). Existence is only looked up separately when the change is refused, so a valid
 * update is a single statement. Each use case is one transaction.
 */
@Service
public class ExpenseService {

	private final ExpenseRepository expenses;

	private final EntryRequestReader reader = new EntryRequestReader(EntryField.EXPENSE_FIELDS);

	public ExpenseService(ExpenseRepository expenses) {
		this.expenses = expenses;
	}

	@Transactional(readOnly = true)
	public List<Expense> list() {
		return this.expenses.findAll();
	}

	/** A filtered, ordered page; {@code next} is set when more rows may follow. */
	@Transactional(readOnly = true)
	public EntryPage<Expense> find(EntryQuery query) {
		EntryQuery fetch = (query.limit() == null) ? query : query.withLimit(query.limit() + 1);
		return EntryPage.of(this.expenses.find(fetch), query, (row) -> sortKey(row, query), Expense::id);
	}

	@Transactional(readOnly = true)
	public EntryTotals.Total total(LocalDate from, LocalDate to) {
		return this.expenses.total(from, to);
	}

	@Transactional(readOnly = true)
	public List<EntryTotals.ByCategory> totalsByCategory(LocalDate from, LocalDate to) {
		return this.expenses.totalsByCategory(from, to);
	}

	@Transactional(readOnly = true)
	public List<EntryTotals.ByMonth> totalsByMonth(int year) {
		return this.expenses.totalsByMonth(year);
	}

	@Transactional(readOnly = true)
	public List<EntryTotals.ValueCount> distinctValues(EntryField field, int limit) {
		return this.expenses.distinctValues(field, limit);
	}

	private static Object sortKey(Expense row, EntryQuery query) {
		return switch (query.sort().column()) {
			case DATE -> row.date();
			case AMOUNT -> row.amount();
			case CATEGORY -> row.category();
		};
	}

	@Transactional
	public Expense create(EntryValues values) {
		return this.expenses.create(ExpenseDraft.from(values));
	}

	/** PUT: applies the fields present; an explicit null in a NOT NULL field is a 400. */
	@Transactional
	public Expense replace(int id, EntryValues changes) {
		if (changes.firstNullInRequiredField().isPresent()) {
			requireExisting(id);
			EntryRequestReader.requireNotNull(changes);
		}
		return this.expenses.update(id, changes).orElseThrow(ExpenseNotFoundException::new);
	}

	/** PATCH: one field; an unknown field, {@code id}, or a bad value is a 400. */
	@Transactional
	public Expense patch(int id, PatchRequest patch) {
		EntryValues change;
		try {
			change = this.reader.readPatchValue(patch);
		}
		catch (ApiException ex) {
			requireExisting(id);
			throw ex;
		}
		return this.expenses.update(id, change).orElseThrow(ExpenseNotFoundException::new);
	}

	@Transactional
	public void delete(int id) {
		if (!this.expenses.deleteById(id)) {
			throw new ExpenseNotFoundException();
		}
	}

	/** Stores every draft in one transaction: all or none. */
	@Transactional
	public int createAll(List<ExpenseDraft> drafts) {
		drafts.forEach(this.expenses::create);
		return drafts.size();
	}

	@Transactional
	public int deleteAll(Collection<Integer> ids) {
		return this.expenses.deleteAllById(ids);
	}

	EntryRequestReader reader() {
		return this.reader;
	}

	private void requireExisting(int id) {
		if (!this.expenses.existsById(id)) {
			throw new ExpenseNotFoundException();
		}
	}

}
