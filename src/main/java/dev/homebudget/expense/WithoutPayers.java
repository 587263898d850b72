package dev.homebudget.expense;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import dev.homebudget.expense.ExpenseService.ImportedRow;
import dev.homebudget.expense.ExpenseService.WithSplit;
import dev.homebudget.ledger.EntryCsv;
import dev.homebudget.ledger.EntryPage;
import dev.homebudget.ledger.EntryQuery;
import dev.homebudget.ledger.EntryTotals;
import dev.homebudget.ledger.EntryValues;
import dev.homebudget.ledger.PatchRequest;
import dev.homebudget.settle.Split;
import dev.homebudget.settle.SplitCsv;
import dev.homebudget.settle.SplitRequest;
import dev.homebudget.web.IfMatch;
import dev.homebudget.web.RequestValidationException;
import dev.homebudget.web.ValidationIssue;

/**
 * Expenses where no payers are kept: single-user mode has no members, and the JSON files
 * of the earlier phases have no place for them. Payer fields may only be null, absent or
 * "shared", as every v1 client sends; payer filters match nothing.
 */
final class WithoutPayers implements ExpensePayers {

	private final ExpenseService expenses;

	WithoutPayers(ExpenseService expenses) {
		this.expenses = expenses;
	}

	@Override
	public EntryPage<Expense> find(EntryQuery query) {
		return query.filtersPayers() ? new EntryPage<>(List.of(), null) : this.expenses.find(query);
	}

	@Override
	public List<EntryTotals.Stats> stats(EntryQuery query) {
		return query.filtersPayers() ? List.of() : this.expenses.stats(query);
	}

	@Override
	public WithSplit create(EntryValues values, SplitRequest split) {
		requireStorable(split);
		return new WithSplit(this.expenses.create(values), null);
	}

	@Override
	public WithSplit replace(int id, EntryValues changes, SplitRequest split, IfMatch ifMatch) {
		requireStorable(split);
		return new WithSplit(this.expenses.replace(id, changes, ifMatch), null);
	}

	@Override
	public WithSplit patch(int id, PatchRequest patch, IfMatch ifMatch) {
		return new WithSplit(this.expenses.patch(id, patch, ifMatch), null);
	}

	@Override
	public Function<Expense, Split> splitsOf(Collection<Integer> ids) {
		return (row) -> null;
	}

	@Override
	public Function<Expense, Split> splitsOfAll() {
		return (row) -> null;
	}

	@Override
	public List<String> csvColumns() {
		return List.of();
	}

	@Override
	public Function<Expense, Map<String, Object>> csvCells(List<Expense> rows) {
		return (row) -> Map.of();
	}

	@Override
	public BiFunction<EntryValues, EntryCsv.Row, ImportedRow> csvRowReader() {
		return (values, row) -> {
			SplitCsv.requireNoPayers(row.object());
			return new ImportedRow(ExpenseDraft.from(values), null);
		};
	}

	@Override
	public List<Expense> createAll(List<ImportedRow> rows) {
		rows.stream().filter((row) -> row.split() != null).forEach((row) -> requireStorable(row.split()));
		return this.expenses.createAll(rows.stream().map(ImportedRow::draft).toList());
	}

	/**
	 * Refuses payer fields that name someone (422); null, absent and "shared" pass.
	 */
	private static void requireStorable(SplitRequest request) {
		if (request.namesMembers()) {
			throw new RequestValidationException(new ValidationIssue("value_error",
					List.of("body", SplitRequest.PAID_BY),
					"Value error, paid_by, for_whom and shares need sign-in mode and storage phase P3; send null or leave them out",
					null, null));
		}
	}

}
