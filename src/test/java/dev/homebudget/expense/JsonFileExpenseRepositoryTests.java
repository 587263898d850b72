package dev.homebudget.expense;

import java.nio.file.Path;

import dev.homebudget.ledger.Households;
import dev.homebudget.support.JsonFileRepositoryBehaviour;
import dev.homebudget.support.TempJsonStores;
import dev.homebudget.transition.JsonStore;
import dev.homebudget.transition.LedgerFile;
import dev.homebudget.web.ApiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.homebudget.ledger.EntryRepository;
import dev.homebudget.transition.JsonFileEntries;

class JsonFileExpenseRepositoryTests extends ExpenseRepositoryContract
		implements JsonFileRepositoryBehaviour<Expense, ExpenseDraft> {

	@TempDir
	Path temp;

	private final TempJsonStores stores = new TempJsonStores();

	private static EntryRepository<Expense, ExpenseDraft> on(JsonStore store) {
		return JsonFileEntries.of(store, Expense.TYPE);
	}

	@Override
	protected EntryRepository<Expense, ExpenseDraft> emptyRepository() {
		return on(this.stores.fresh(this.temp));
	}

	@Override
	public EntryRepository<Expense, ExpenseDraft> emptyJsonRepository() {
		return emptyRepository();
	}

	@Override
	public EntryRepository<Expense, ExpenseDraft> reopenJsonRepository() {
		return on(this.stores.reopen());
	}

	@Override
	public JsonStore jsonStore() {
		return this.stores.current();
	}

	@Override
	public LedgerFile ledgerFile() {
		return LedgerFile.EXPENSES;
	}

	@Override
	public String firstRecordStart() {
		return "\"business\": \"SuperSal\"";
	}

	@AfterEach
	void closeStore() {
		this.stores.close();
	}

	@Test
	void shouldRefuseAnyHouseholdButTheFirstWith409() {
		assertThatThrownBy(() -> emptyRepository().forHousehold(Households.FIRST + 1))
			.isInstanceOfSatisfying(ApiException.class, (ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.CONFLICT))
			.hasMessageContaining("P3");
	}

}
