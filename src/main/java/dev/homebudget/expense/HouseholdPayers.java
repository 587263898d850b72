package dev.homebudget.expense;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import dev.homebudget.expense.ExpenseService.ImportedRow;
import dev.homebudget.expense.ExpenseService.WithSplit;
import dev.homebudget.household.CurrentHousehold;
import dev.homebudget.ledger.EntryCsv;
import dev.homebudget.ledger.EntryPage;
import dev.homebudget.ledger.EntryQuery;
import dev.homebudget.ledger.EntryTotals;
import dev.homebudget.ledger.EntryValues;
import dev.homebudget.ledger.PatchRequest;
import dev.homebudget.settle.ExpenseSplits;
import dev.homebudget.settle.Split;
import dev.homebudget.settle.SplitCsv;
import dev.homebudget.settle.SplitRequest;
import dev.homebudget.web.IfMatch;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Expenses with who paid and for whom (sign-in mode on PostgreSQL alone): each write and
 * its payer and shares are one transaction; by default the caller pays and the expense is
 * shared equally among the household's sharing members.
 */
final class HouseholdPayers implements ExpensePayers {

	private final ExpenseService expenses;

	private final CurrentHousehold household;

	private final ExpenseSplits splits;

	private final SplitCsv splitCsv;

	private final TransactionTemplate transactions;

	HouseholdPayers(ExpenseService expenses, CurrentHousehold household, ExpenseSplits splits, SplitCsv splitCsv,
			PlatformTransactionManager transactionManager) {
		this.expenses = expenses;
		this.household = household;
		this.splits = splits;
		this.splitCsv = splitCsv;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	@Override
	public EntryPage<Expense> find(EntryQuery query) {
		return this.expenses.find(query);
	}

	@Override
	public List<EntryTotals.Stats> stats(EntryQuery query) {
		return this.expenses.stats(query);
	}

	@Override
	public WithSplit create(EntryValues values, SplitRequest split) {
		return this.transactions.execute((status) -> {
			Expense created = this.expenses.create(values);
			return new WithSplit(created,
					this.splits.apply(this.household.forWriting(), created.id(), null, created.amount(), split, false));
		});
	}

	@Override
	public WithSplit replace(int id, EntryValues changes, SplitRequest split, IfMatch ifMatch) {
		return this.transactions.execute((status) -> {
			BigDecimal before = this.expenses.get(id).amount();
			Expense updated = this.expenses.replace(id, changes, ifMatch);
			return withSplit(updated, before, split, changes.isEmpty() && split.any());
		});
	}

	@Override
	public WithSplit patch(int id, PatchRequest patch, IfMatch ifMatch) {
		Optional<SplitRequest> split = SplitRequest.fromPatch(patch);
		return this.transactions.execute((status) -> {
			BigDecimal before = this.expenses.get(id).amount();
			Expense updated = split.isPresent() ? this.expenses.requireVersion(id, ifMatch)
					: this.expenses.patch(id, patch, ifMatch);
			return withSplit(updated, before, split.orElse(SplitRequest.NONE), split.isPresent());
		});
	}

	/**
	 * Stores the split of a changed expense.
	 * @param ownChange whether the split is the only change (then it bumps the version
	 * itself)
	 */
	private WithSplit withSplit(Expense updated, BigDecimal before, SplitRequest split, boolean ownChange) {
		Split stored = this.splits.apply(this.household.forWriting(), updated.id(), before, updated.amount(), split,
				ownChange);
		Expense current = ownChange ? new Expense(updated.id(), updated.date(), updated.business(), updated.category(),
				updated.amount(), updated.account(), updated.currency(), updated.notes(), updated.version() + 1)
				: updated;
		return new WithSplit(current, stored);
	}

	@Override
	public Function<Expense, Split> splitsOf(Collection<Integer> ids) {
		Map<Integer, Split> found = this.splits.of(this.household.forReading(), ids);
		return (row) -> found.getOrDefault(row.id(), Split.UNKNOWN);
	}

	@Override
	public Function<Expense, Split> splitsOfAll() {
		Map<Integer, Split> found = this.splits.ofHousehold(this.household.forReading());
		return (row) -> found.getOrDefault(row.id(), Split.UNKNOWN);
	}

	@Override
	public List<String> csvColumns() {
		return SplitCsv.COLUMNS;
	}

	@Override
	public Function<Expense, Map<String, Object>> csvCells(List<Expense> rows) {
		int household = this.household.forReading();
		Map<Integer, Split> found = this.splits.of(household, rows.stream().map(Expense::id).toList());
		SplitCsv.Writer writer = this.splitCsv.writer(household, found.values());
		return (row) -> writer.cells(found.getOrDefault(row.id(), Split.UNKNOWN), row.amount());
	}

	@Override
	public BiFunction<EntryValues, EntryCsv.Row, ImportedRow> csvRowReader() {
		SplitCsv.Reader payers = this.splitCsv.reader(this.household.forWriting());
		return (values, row) -> {
			ExpenseDraft draft = ExpenseDraft.from(values);
			return new ImportedRow(draft, payers.read(row.object(), draft.amount()));
		};
	}

	@Override
	public List<Expense> createAll(List<ImportedRow> rows) {
		return this.transactions.execute((status) -> {
			int household = this.household.forWriting();
			List<Expense> created = this.expenses.createAll(rows.stream().map(ImportedRow::draft).toList());
			List<ExpenseSplits.Created> splits = new ArrayList<>(created.size());
			for (int i = 0; i < created.size(); i++) {
				// a row without payer cells (exported before payers were kept) stays
				// unattributed
				SplitRequest split = rows.get(i).split();
				if (split != null) {
					splits.add(new ExpenseSplits.Created(created.get(i).id(), created.get(i).amount(), split));
				}
			}
			this.splits.applyToCreated(household, splits);
			return created;
		});
	}

}
