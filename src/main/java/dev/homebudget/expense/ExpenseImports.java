package dev.homebudget.expense;

import dev.homebudget.ledger.EntryValues;
import dev.homebudget.settle.SplitRequest;

import org.springframework.stereotype.Component;

/**
 * Creates expenses for another feature (a statement import) the way the API's POST does:
 * in sign-in mode the caller pays and the expense is shared by the household's default
 * rule, elsewhere it has no payers. Joins the caller's transaction.
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

}
