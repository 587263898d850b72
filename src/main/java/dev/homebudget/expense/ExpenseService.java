package dev.homebudget.expense;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import dev.homebudget.household.CurrentHousehold;
import dev.homebudget.ledger.EntryField;
import dev.homebudget.ledger.EntryPage;
import dev.homebudget.ledger.EntryQuery;
import dev.homebudget.ledger.EntryRepository;
import dev.homebudget.ledger.EntryRequestReader;
import dev.homebudget.ledger.EntryTotals;
import dev.homebudget.ledger.EntryValues;
import dev.homebudget.ledger.EntryWrites;
import dev.homebudget.ledger.PatchRequest;
import dev.homebudget.settle.Split;
import dev.homebudget.settle.SplitRequest;
import dev.homebudget.web.IfMatch;
import dev.homebudget.database.SingleStatement;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Expense use cases without payers (those are {@link ExpensePayers}'): the same shape as
 * the income service. Checks keep the original's order: the shape of the body (422, in
 * the controller), then the existence of the record (404), then the meaning of the change
 * (400). Existence is only looked up separately when the change is refused, so a valid
 * update is a single statement. Reads run without a transaction of their own
 * ({@link SingleStatement}); every write is a transaction, which starts with who writes
 * and from where for the history triggers (see {@code dev.homebudget.history}); bulk use
 * cases are one transaction.
 */
@Service
public class ExpenseService {

	private final EntryRepository<Expense, ExpenseDraft> expenses;

	private final CurrentHousehold household;

	private final EntryRequestReader reader = new EntryRequestReader(EntryField.EXPENSE_FIELDS);

	public ExpenseService(EntryRepository<Expense, ExpenseDraft> expenses, CurrentHousehold household) {
		this.expenses = expenses;
		this.household = household;
	}

	/** An expense with who paid and for whom; the split is null where none is kept. */
	public record WithSplit(Expense expense, Split split) {

	}

	/** A checked CSV row: its expense and its split (null: unknown payer, no shares). */
	public record ImportedRow(ExpenseDraft draft, SplitRequest split) {

		/** Rows of the values and payer fields at the same positions. */
		static List<ImportedRow> of(List<EntryValues> values, List<SplitRequest> splits) {
			List<ImportedRow> rows = new ArrayList<>(values.size());
			for (int i = 0; i < values.size(); i++) {
				rows.add(new ImportedRow(ExpenseDraft.from(values.get(i)), splits.get(i)));
			}
			return rows;
		}

	}

	/** The current household's rows. */
	private EntryRepository<Expense, ExpenseDraft> readable() {
		return this.expenses.forHousehold(this.household.forReading());
	}

	/** The current household's rows, if the caller may change them (403 for a viewer). */
	private EntryRepository<Expense, ExpenseDraft> writable() {
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
		return EntryPage.of(readable().find(fetch), query);
	}

	/** One expense; 404 if it does not exist. */
	@SingleStatement
	public Expense get(int id) {
		return readable().findById(id).orElseThrow(ExpenseNotFoundException::new);
	}

	@SingleStatement
	public List<EntryTotals.Total> total(LocalDate from, LocalDate to) {
		return readable().total(from, to);
	}

	@SingleStatement
	public List<EntryTotals.ByCategory> totalsByCategory(LocalDate from, LocalDate to) {
		return readable().totalsByCategory(from, to);
	}

	/** Per category and currency of the rows matching the query's filters. */
	@SingleStatement
	public List<EntryTotals.ByCategory> totalsByCategory(EntryQuery query) {
		return readable().totalsByCategory(query);
	}

	@SingleStatement
	public List<EntryTotals.ByMonth> totalsByMonth(int year) {
		return readable().totalsByMonth(year);
	}

	/**
	 * The matching rows converted into {@code base} at the household's rates, in the
	 * groups asked for.
	 */
	@SingleStatement
	public List<EntryTotals.Converted> converted(EntryQuery query, EntryTotals.Grouping grouping, String base) {
		return readable().converted(query, grouping, base);
	}

	@SingleStatement
	public List<EntryTotals.Stats> stats(EntryQuery query) {
		return readable().stats(query);
	}

	@SingleStatement
	public List<EntryTotals.ValueCount> distinctValues(EntryField field, int limit) {
		return readable().distinctValues(field, limit);
	}

	@Transactional
	public Expense create(EntryValues values) {
		return create(ExpenseDraft.from(values));
	}

	@Transactional
	Expense create(ExpenseDraft draft) {
		return writable().create(draft);
	}

	/** PUT: applies the fields present; an explicit null in a NOT NULL field is a 400. */
	@Transactional
	public Expense replace(int id, EntryValues changes, IfMatch ifMatch) {
		return EntryWrites.replace(writable(), id, changes, ifMatch, ExpenseNotFoundException::new);
	}

	/** PATCH: one field; an unknown field, {@code id}, or a bad value is a 400. */
	@Transactional
	public Expense patch(int id, PatchRequest patch, IfMatch ifMatch) {
		return EntryWrites.patch(writable(), id, this.reader, patch, ifMatch, ExpenseNotFoundException::new);
	}

	/**
	 * Checks {@code If-Match} without changing a field (a change of payers only, whose
	 * version the payer store bumps).
	 */
	@Transactional
	Expense requireVersion(int id, IfMatch ifMatch) {
		return EntryWrites.apply(writable(), id, EntryValues.builder().build(), ifMatch, ExpenseNotFoundException::new);
	}

	@Transactional
	public void delete(int id, IfMatch ifMatch) {
		EntryWrites.delete(writable(), id, ifMatch, ExpenseNotFoundException::new);
	}

	/** The current version of a record (its ETag); 404 if it does not exist. */
	@SingleStatement
	public int version(int id) {
		return get(id).version();
	}

	/**
	 * Stores every draft in one transaction (one file replacement on JSON): all or none.
	 */
	@Transactional
	public List<Expense> createAll(List<ExpenseDraft> drafts) {
		return writable().createAll(drafts);
	}

	@Transactional
	public int deleteAll(Collection<Integer> ids) {
		return writable().deleteAllById(ids);
	}

	EntryRequestReader reader() {
		return this.reader;
	}

}
