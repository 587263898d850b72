package dev.homebudget.expense;

import dev.homebudget.ledger.EntryQuery;
import dev.homebudget.ledger.EntryTotals;
import dev.homebudget.transition.EntryMirror;
import dev.homebudget.transition.MirroredEntries;
import dev.homebudget.transition.ShadowReads;

/**
 * P2 for expenses: PostgreSQL primary, JSON file mirror (see {@link MirroredEntries}).
 */
class MirroredExpenseRepository extends MirroredEntries<Expense, ExpenseDraft> implements ExpenseRepository {

	private final ExpenseRepository primary;

	MirroredExpenseRepository(ExpenseRepository primary, EntryMirror mirror, JsonFileExpenseRepository mirrorReads,
			ShadowReads shadow) {
		super(primary, mirror, mirrorReads, shadow, JsonFileExpenseRepository.MAPPING);
		this.primary = primary;
	}

	@Override
	public EntryTotals.Stats stats(EntryQuery query) {
		return this.primary.stats(query);
	}

}
