package dev.homebudget.expense;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.homebudget.household.CurrentHousehold;
import dev.homebudget.ledger.EntryCsv;
import dev.homebudget.ledger.EntryField;
import dev.homebudget.ledger.EntryPage;
import dev.homebudget.ledger.EntryQuery;
import dev.homebudget.ledger.EntryRequestReader;
import dev.homebudget.ledger.EntryTotals;
import dev.homebudget.ledger.EntryValues;
import dev.homebudget.ledger.EntryWrites;
import dev.homebudget.ledger.PatchRequest;
import dev.homebudget.settle.ExpenseSplits;
import dev.homebudget.settle.Split;
import dev.homebudget.settle.SplitCsv;
import dev.homebudget.settle.SplitRequest;
import dev.homebudget.web.IfMatch;
import dev.homebudget.web.SingleStatement;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

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

	private final ExpenseSplits splits;

	private final SplitCsv splitCsv;

	private final TransactionTemplate transactions;

	private final EntryRequestReader reader = new EntryRequestReader(EntryField.EXPENSE_FIELDS);

	public ExpenseService(ExpenseRepository expenses, CurrentHousehold household, ExpenseSplits splits,
			SplitCsv splitCsv, PlatformTransactionManager transactionManager) {
		this.expenses = expenses;
		this.household = household;
		this.splits = splits;
		this.splitCsv = splitCsv;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** An expense with who paid and for whom; the split is null where none is kept. */
	public record WithSplit(Expense expense, Split split) {

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
		if (unknowable(query)) {
			return new EntryPage<>(List.of(), null);
		}
		EntryQuery fetch = (query.limit() == null) ? query : query.withLimit(query.limit() + 1);
		return EntryPage.of(readable().find(fetch), query);
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
		if (unknowable(query)) {
			return new EntryTotals.Stats(0, new BigDecimal("0.00"), null, null, null);
		}
		return readable().stats(query);
	}

	@SingleStatement
	public List<EntryTotals.ValueCount> distinctValues(EntryField field, int limit) {
		return readable().distinctValues(field, limit);
	}

	/**
	 * A payer filter where no payers are kept (single-user mode, JSON era): no row is
	 * known to match, whatever older rows of the table may say, so every phase answers
	 * the same.
	 */
	private boolean unknowable(EntryQuery query) {
		return query.filtersPayers() && !this.splits.active();
	}

	@SingleStatement
	public Expense create(EntryValues values) {
		return writable().create(ExpenseDraft.from(values));
	}

	/** PUT: applies the fields present; an explicit null in a NOT NULL field is a 400. */
	@SingleStatement
	public Expense replace(int id, EntryValues changes, IfMatch ifMatch) {
		return EntryWrites.replace(writable(), id, changes, ifMatch, ExpenseNotFoundException::new);
	}

	/** PATCH: one field; an unknown field, {@code id}, or a bad value is a 400. */
	@SingleStatement
	public Expense patch(int id, PatchRequest patch, IfMatch ifMatch) {
		return EntryWrites.patch(writable(), id, this.reader, patch, ifMatch, ExpenseNotFoundException::new);
	}

	@SingleStatement
	public void delete(int id, IfMatch ifMatch) {
		EntryWrites.delete(writable(), id, ifMatch, ExpenseNotFoundException::new);
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

	/**
	 * Creates an expense with its payer and shares (sign-in mode, phase P3: the caller
	 * pays and it is shared equally unless the request says otherwise), in one
	 * transaction.
	 */
	public WithSplit create(EntryValues values, SplitRequest split) {
		this.splits.requireStorable(split);
		if (!this.splits.active()) {
			return new WithSplit(create(values), null);
		}
		return this.transactions.execute((status) -> {
			int household = this.household.forWriting();
			Expense created = this.expenses.forHousehold(household).create(ExpenseDraft.from(values));
			return new WithSplit(created,
					this.splits.apply(household, created.id(), null, created.amount(), split, false));
		});
	}

	/** PUT with payer fields; a changed amount re-splits equal and single shares. */
	public WithSplit replace(int id, EntryValues changes, SplitRequest split, IfMatch ifMatch) {
		this.splits.requireStorable(split);
		if (!this.splits.active()) {
			return new WithSplit(replace(id, changes, ifMatch), null);
		}
		return this.transactions.execute((status) -> {
			int household = this.household.forWriting();
			BigDecimal before = this.expenses.forHousehold(household)
				.findById(id)
				.map(Expense::amount)
				.orElseThrow(ExpenseNotFoundException::new);
			Expense updated = replace(id, changes, ifMatch);
			return withSplit(household, updated, before, split, changes.isEmpty() && split.any());
		});
	}

	/**
	 * PATCH; in sign-in mode (phase P3) the field may also be paid_by, for_whom or
	 * shares.
	 */
	public WithSplit patchWithSplit(int id, PatchRequest patch, IfMatch ifMatch) {
		if (!this.splits.active()) {
			return new WithSplit(patch(id, patch, ifMatch), null);
		}
		Optional<SplitRequest> split = SplitRequest.fromPatch(patch);
		return this.transactions.execute((status) -> {
			int household = this.household.forWriting();
			ExpenseRepository expenses = this.expenses.forHousehold(household);
			BigDecimal before = expenses.findById(id).map(Expense::amount).orElseThrow(ExpenseNotFoundException::new);
			Expense updated = split.isPresent() ? EntryWrites.apply(expenses, id, EntryValues.builder().build(),
					ifMatch, ExpenseNotFoundException::new) : patch(id, patch, ifMatch);
			return withSplit(household, updated, before, split.orElse(SplitRequest.NONE), split.isPresent());
		});
	}

	private WithSplit withSplit(int household, Expense updated, BigDecimal before, SplitRequest split,
			boolean ownChange) {
		Split stored = this.splits.apply(household, updated.id(), before, updated.amount(), split, ownChange);
		Expense current = ownChange ? new Expense(updated.id(), updated.date(), updated.business(), updated.category(),
				updated.amount(), updated.account(), updated.currency(), updated.notes(), updated.version() + 1)
				: updated;
		return new WithSplit(current, stored);
	}

	/**
	 * The splits of some rows, as a lookup that answers null where no splits are kept
	 * (single-user mode, JSON era) and {@link Split#UNKNOWN} for an unattributed row.
	 */
	public Function<Expense, Split> splitsOf(Collection<Integer> ids) {
		if (!this.splits.active()) {
			return (row) -> null;
		}
		Map<Integer, Split> found = this.splits.of(this.household.forReading(), ids);
		return (row) -> found.getOrDefault(row.id(), Split.UNKNOWN);
	}

	/** As {@link #splitsOf}, for every row of the current household. */
	public Function<Expense, Split> splitsOfAll() {
		if (!this.splits.active()) {
			return (row) -> null;
		}
		Map<Integer, Split> found = this.splits.ofHousehold(this.household.forReading());
		return (row) -> found.getOrDefault(row.id(), Split.UNKNOWN);
	}

	/** The payer columns of the CSV: none where payers are not kept. */
	public List<String> csvPayerColumns() {
		return this.splits.active() ? SplitCsv.COLUMNS : List.of();
	}

	/** The payer cells of exported rows (none where payers are not kept). */
	public Function<Expense, Map<String, Object>> csvPayerCells(List<Expense> rows) {
		if (!this.splits.active()) {
			return (row) -> Map.of();
		}
		int household = this.household.forReading();
		Map<Integer, Split> found = this.splits.of(household, rows.stream().map(Expense::id).toList());
		SplitCsv.Writer writer = this.splitCsv.writer(household, found.values());
		return (row) -> writer.cells(found.getOrDefault(row.id(), Split.UNKNOWN), row.amount());
	}

	/** A checked CSV row: its expense and its split (null: unknown payer, no shares). */
	public record ImportedRow(ExpenseDraft draft, SplitRequest split) {

	}

	/**
	 * Checks the payer columns of uploaded rows: against the current household's members
	 * where payers are kept, else they must be empty.
	 */
	public java.util.function.BiFunction<EntryValues, EntryCsv.Row, ImportedRow> csvRowReader() {
		if (!this.splits.active()) {
			return (values, row) -> {
				SplitCsv.requireNoPayers(row.object());
				return new ImportedRow(ExpenseDraft.from(values), null);
			};
		}
		SplitCsv.Reader payers = this.splitCsv.reader(this.household.forWriting());
		return (values, row) -> {
			ExpenseDraft draft = ExpenseDraft.from(values);
			return new ImportedRow(draft, payers.read(row.object(), draft.amount()));
		};
	}

	/**
	 * Stores every checked row with its payer and shares in one transaction: all or none.
	 */
	public int importAll(List<ImportedRow> rows) {
		if (!this.splits.active()) {
			List<ExpenseDraft> drafts = rows.stream().map(ImportedRow::draft).toList();
			return this.transactions.execute((status) -> writable().createAll(drafts).size());
		}
		return this.transactions.execute((status) -> {
			int household = this.household.forWriting();
			ExpenseRepository expenses = this.expenses.forHousehold(household);
			for (ImportedRow row : rows) {
				Expense created = expenses.create(row.draft());
				if (row.split() != null) {
					this.splits.apply(household, created.id(), null, created.amount(), row.split(), false);
				}
			}
			return rows.size();
		});
	}

	EntryRequestReader reader() {
		return this.reader;
	}

}
