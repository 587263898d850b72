package dev.homebudget.expense;

import java.util.List;

import dev.homebudget.expense.ExpenseService.ImportedRow;
import dev.homebudget.ledger.EntryValues;
import dev.homebudget.settle.SplitRequest;
import dev.homebudget.web.IfMatch;

import org.springframework.stereotype.Component;

/**
 * Creates expenses for another feature (a statement import) the way the API's POST does:
 * in sign-in mode the caller pays and the expense is shared by the household's default
 * rule, elsewhere it has no payers; and changes them the way PUT does (a rule applied to
 * existing entries). Joins the caller's transaction.
 */
@Component
public class ExpenseImports {

	private final ExpensePayers payers;

	ExpenseImports(ExpensePayers payers) {
		this.payers = payers;
	}

	/** Creates one expense; the same checks and rules as {@code POST /api/v1/expense}. */
	public Expense create(EntryValues values) {
		return this.payers.create(values, SplitRequest.NONE).expense();
	}

	/**
	 * Creates one expense with who paid and for whom (a rule named them); the same checks
	 * as {@code POST /api/v1/expense} with {@code paid_by} and {@code for_whom}.
	 */
	public Expense create(EntryValues values, SplitRequest split) {
		return this.payers.create(values, split).expense();
	}

	/**
	 * Creates expenses all or none, each as {@link #create(EntryValues, SplitRequest)}
	 * would, with a few statements for the whole list; in the same order.
	 */
	public List<Expense> createAll(List<EntryValues> values, List<SplitRequest> splits) {
		return this.payers.createAll(ImportedRow.of(values, splits));
	}

	/**
	 * Changes the fields present and the payer fields given; the same checks and history
	 * as {@code PUT /api/v1/expense/{id}}.
	 */
	public Expense replace(int id, EntryValues changes, SplitRequest split, IfMatch ifMatch) {
		return this.payers.replace(id, changes, split, ifMatch).expense();
	}

}
