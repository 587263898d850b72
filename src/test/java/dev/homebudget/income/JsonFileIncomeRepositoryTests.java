package dev.homebudget.income;

import java.nio.file.Path;

import dev.homebudget.support.JsonFileRepositoryBehaviour;
import dev.homebudget.support.TempJsonStores;
import dev.homebudget.transition.JsonStore;
import dev.homebudget.transition.LedgerFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import dev.homebudget.ledger.EntryRepository;
import dev.homebudget.transition.JsonFileEntries;

class JsonFileIncomeRepositoryTests extends IncomeRepositoryContract
		implements JsonFileRepositoryBehaviour<Income, IncomeDraft> {

	@TempDir
	Path temp;

	private final TempJsonStores stores = new TempJsonStores();

	private static EntryRepository<Income, IncomeDraft> on(JsonStore store) {
		return JsonFileEntries.of(store, Income.TYPE);
	}

	@Override
	protected EntryRepository<Income, IncomeDraft> emptyRepository() {
		return on(this.stores.fresh(this.temp));
	}

	@Override
	public EntryRepository<Income, IncomeDraft> emptyJsonRepository() {
		return emptyRepository();
	}

	@Override
	public EntryRepository<Income, IncomeDraft> reopenJsonRepository() {
		return on(this.stores.reopen());
	}

	@Override
	public JsonStore jsonStore() {
		return this.stores.current();
	}

	@Override
	public LedgerFile ledgerFile() {
		return LedgerFile.INCOMES;
	}

	@Override
	public String firstRecordStart() {
		return "\"category\": \"Groceries\"";
	}

	@AfterEach
	void closeStore() {
		this.stores.close();
	}

}
