package dev.homebudget.expense;

import dev.homebudget.ledger.EntryQuery;
import dev.homebudget.ledger.EntryRepository;
import dev.homebudget.ledger.EntryTotals;
import dev.homebudget.ledger.Households;

/**
 * Where expenses are kept (see {@link EntryRepository}).
 */
public interface ExpenseRepository extends EntryRepository<Expense, ExpenseDraft> {

	/**
	 * The same store limited to one household's rows: reads see only them, creates put
	 * rows in it, and changes and deletes reach only them (another household's id is
	 * absent). This instance itself works on household {@link Households#FIRST}. The
	 * stores of the JSON era hold no households: they are the first one's alone.
	 * @throws dev.homebudget.web.ApiException 409 when the store holds only the first
	 * household
	 */
	default ExpenseRepository forHousehold(int household) {
		Households.requireFirst(household);
		return this;
	}

	/** Count, total, average, min and max of the rows matching the query's filters. */
	EntryTotals.Stats stats(EntryQuery query);

}
