package dev.homebudget.expense;

import java.util.List;

import dev.homebudget.expense.ExpenseService.ImportedRow;
import dev.homebudget.ledger.EntryValues;
import dev.homebudget.settle.SplitRequest;
import dev.homebudget.web.IfMatch;

import org.springframework.stereotype.Component;

/**
 * Creates and changes expenses for other features (a schedule posting one, a statement
 * import, a rule applied to existing entries): the paths of {@code POST} and {@code PUT
 * /api/v1/expense}, with the payer and shares where they are kept (in sign-in mode an
 * expense that names no payer is paid by the caller and shared by the household's default
 * rule), in the caller's transaction when there is one.
 */
@Component
public class ExpenseEntries {

	private final ExpensePayers payers;

	ExpenseEntries(ExpensePayers payers) {
		this.payers = payers;
	}

	/** Creates an expense in the current household with the default payer fields. */
	public Expense create(EntryValues values) {
		return this.payers.create(values, SplitRequest.NONE).expense();
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

	/**
	 * Changes the fields present and the payer fields given; the same checks and history
	 * as {@code PUT /api/v1/expense/{id}}.
	 */
	public Expense replace(int id, EntryValues changes, SplitRequest split, IfMatch ifMatch) {
		return this.payers.replace(id, changes, split, ifMatch).expense();
	}

}
