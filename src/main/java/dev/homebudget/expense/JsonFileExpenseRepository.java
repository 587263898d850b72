package dev.homebudget.expense;

import dev.homebudget.ledger.EntryQuery;
import dev.homebudget.ledger.EntryTotals;
import dev.homebudget.transition.JsonEntry;
import dev.homebudget.transition.JsonEntryMapping;
import dev.homebudget.transition.JsonFileEntries;
import dev.homebudget.transition.JsonLedger;
import dev.homebudget.transition.JsonStore;
import dev.homebudget.transition.LedgerFile;

/**
 * Expenses in the original's {@code expenses.json}, through a {@link JsonLedger}: read
 * once at startup, answered from memory, every write a durable whole-file replacement.
 */
class JsonFileExpenseRepository extends JsonFileEntries<Expense, ExpenseDraft> implements ExpenseRepository {

	static final JsonEntryMapping<Expense, ExpenseDraft> MAPPING = new JsonEntryMapping<>(
			JsonFileExpenseRepository::entry, ExpenseDraft::of);

	JsonFileExpenseRepository(JsonLedger<Expense> ledger) {
		super(ledger, MAPPING);
	}

	static JsonLedger<Expense> ledgerOf(JsonStore store) {
		return store.ledger(LedgerFile.EXPENSES, JsonFileExpenseRepository::expense);
	}

	static Expense expense(JsonEntry entry, int version) {
		return new Expense(entry.id(), entry.date(), entry.business(), entry.category(), entry.amount(),
				entry.account(), entry.currency(), entry.notes(), version);
	}

	static JsonEntry entry(int id, ExpenseDraft draft) {
		return new JsonEntry(id, draft.date(), draft.business(), draft.category(), draft.amount(), draft.account(),
				draft.currency(), draft.notes());
	}

	@Override
	public EntryTotals.Stats stats(EntryQuery query) {
		return ledger().stats(query);
	}

}
