package dev.homebudget.expense;

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
import dev.homebudget.settle.SplitRequest;
import dev.homebudget.web.IfMatch;

/**
 * What expenses do about who paid and for whom, chosen once at startup (see
 * {@link ExpenseStorageConfiguration}): {@link WithoutPayers} where none are kept
 * (single-user mode, the JSON-era phases), {@link HouseholdPayers} in sign-in mode on
 * PostgreSQL alone.
 */
interface ExpensePayers {

	/**
	 * A filtered, ordered page; where no payers are kept a payer filter matches no row,
	 * whatever older rows of the table may say, so every phase answers the same.
	 */
	EntryPage<Expense> find(EntryQuery query);

	/** Statistics of the rows matching the query's filters (payer filters as in find). */
	List<EntryTotals.Stats> stats(EntryQuery query);

	/** Creates an expense with its payer and shares, all or nothing. */
	WithSplit create(EntryValues values, SplitRequest split);

	/** PUT with payer fields; a changed amount re-splits equal and single shares. */
	WithSplit replace(int id, EntryValues changes, SplitRequest split, IfMatch ifMatch);

	/** PATCH, whose field may also be a payer field where payers are kept. */
	WithSplit patch(int id, PatchRequest patch, IfMatch ifMatch);

	/**
	 * The splits of some rows: null where no splits are kept, {@link Split#UNKNOWN} for
	 * an unattributed row.
	 */
	Function<Expense, Split> splitsOf(Collection<Integer> ids);

	/** As {@link #splitsOf}, for every row of the current household. */
	Function<Expense, Split> splitsOfAll();

	/** The payer columns of the CSV (none where payers are not kept). */
	List<String> csvColumns();

	/** The payer cells of exported rows. */
	Function<Expense, Map<String, Object>> csvCells(List<Expense> rows);

	/**
	 * Reads the payer cells of an uploaded row (they must be empty where none are kept).
	 */
	BiFunction<EntryValues, EntryCsv.Row, ImportedRow> csvRowReader();

	/**
	 * Creates every row with its payer and shares in one transaction, all or nothing,
	 * with a few statements for the whole list rather than some per row (a row whose
	 * split is null stays unattributed); the created expenses in the rows' order.
	 */
	List<Expense> createAll(List<ImportedRow> rows);

	/** Stores every checked row with its payer and shares in one transaction. */
	default int importAll(List<ImportedRow> rows) {
		return createAll(rows).size();
	}

}
