package dev.homebudget.income;

import dev.homebudget.ledger.EntryRepository;
import dev.homebudget.ledger.Households;

/**
 * Where incomes are kept (see {@link EntryRepository}).
 */
public interface IncomeRepository extends EntryRepository<Income, IncomeDraft> {

	/**
	 * The same store limited to one household's rows: reads see only them, creates put
	 * rows in it, and changes and deletes reach only them (another household's id is
	 * absent). This instance itself works on household {@link Households#FIRST}. The
	 * stores of the JSON era hold no households: they are the first one's alone.
	 * @throws dev.homebudget.web.ApiException 409 when the store holds only the first
	 * household
	 */
	default IncomeRepository forHousehold(int household) {
		Households.requireFirst(household);
		return this;
	}

}
