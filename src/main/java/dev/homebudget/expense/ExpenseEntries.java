package dev.homebudget.expense;

import java.util.List;

import dev.homebudget.expense.ExpenseService.ImportedRow;
import dev.homebudget.ledger.EntryValues;
import dev.homebudget.settle.SplitRequest;

import org.springframework.stereotype.Component;

/**
 * Creates expenses for other features (a schedule posting one): the path of
 * {@code POST /api/v1/expense}, with the payer and shares where they are kept, in the
 * caller's transaction when there is one.
 */
@Component
public class ExpenseEntries {

	private final ExpensePayers payers;

	ExpenseEntries(ExpensePayers payers) {
		this.payers = payers;
	}

	/**
	 * Creates an expense in the current household.
	 * @param split the payer fields (ignored where no payers are kept, which then must
	 * name nobody)
	 */
	public Expense create(EntryValues values, SplitRequest split) {
		return this.payers.create(values, split).expense();
	}

	/**
	 * Creates expenses in the current household, all or none, with the checks of
	 * {@link #create} for each and a few statements for the whole list.
	 * @param splits each expense's payer fields, in the same order
	 * @return the expenses created, in the same order
	 */
	public List<Expense> createAll(List<EntryValues> values, List<SplitRequest> splits) {
		return this.payers.createAll(ImportedRow.of(values, splits));
	}

}
