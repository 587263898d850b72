package dev.homebudget.income;

import dev.homebudget.transition.JsonEntry;
import dev.homebudget.transition.JsonEntryMapping;
import dev.homebudget.transition.JsonFileEntries;
import dev.homebudget.transition.JsonLedger;
import dev.homebudget.transition.JsonStore;
import dev.homebudget.transition.LedgerFile;

/**
 * Incomes in the original's {@code incomes.json}, through a {@link JsonLedger}: read once
 * at startup, answered from memory, every write a durable whole-file replacement.
 */
class JsonFileIncomeRepository extends JsonFileEntries<Income, IncomeDraft> implements IncomeRepository {

	static final JsonEntryMapping<Income, IncomeDraft> MAPPING = new JsonEntryMapping<>(JsonFileIncomeRepository::entry,
			IncomeDraft::of);

	JsonFileIncomeRepository(JsonLedger<Income> ledger) {
		super(ledger, MAPPING);
	}

	static JsonLedger<Income> ledgerOf(JsonStore store) {
		return store.ledger(LedgerFile.INCOMES, JsonFileIncomeRepository::income);
	}

	static Income income(JsonEntry entry, int version) {
		return new Income(entry.id(), entry.date(), entry.category(), entry.amount(), entry.account(), entry.currency(),
				entry.notes(), version);
	}

	static JsonEntry entry(int id, IncomeDraft draft) {
		return new JsonEntry(id, draft.date(), null, draft.category(), draft.amount(), draft.account(),
				draft.currency(), draft.notes());
	}

}
