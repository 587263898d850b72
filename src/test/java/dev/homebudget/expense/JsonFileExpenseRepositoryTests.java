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

class JsonFileExpenseRepositoryTests extends ExpenseRepositoryContract
		implements JsonFileRepositoryBehaviour<Expense, ExpenseDraft> {

	@TempDir
	Path temp;

	private final TempJsonStores stores = new TempJsonStores();

	private static ExpenseRepository on(JsonStore store) {
		return new JsonFileExpenseRepository(JsonFileExpenseRepository.ledgerOf(store));
	}

	@Override
	protected ExpenseRepository emptyRepository() {
		return on(this.stores.fresh(this.temp));
	}

	@Override
	public ExpenseRepository emptyJsonRepository() {
		return emptyRepository();
	}

	@Override
	public ExpenseRepository reopenJsonRepository() {
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
