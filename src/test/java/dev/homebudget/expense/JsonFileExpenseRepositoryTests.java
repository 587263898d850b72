package dev.homebudget.expense;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.homebudget.shared.EntryField;
import dev.homebudget.shared.EntryValues;
import dev.homebudget.storage.JsonStore;
import dev.homebudget.storage.JsonStoreException;
import dev.homebudget.storage.LedgerFile;
import dev.homebudget.household.Households;
import dev.homebudget.shared.ApiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JsonFileExpenseRepositoryTests extends ExpenseRepositoryContract {

	@TempDir
	Path temp;

	private JsonStore store;

	private int stores;

	@Override
	protected ExpenseRepository emptyRepository() {
		closeStore();
		this.store = JsonStore.open(this.temp.resolve("store-" + (++this.stores)));
		return new JsonFileExpenseRepository(JsonFileExpenseRepository.ledgerOf(this.store));
	}

	@AfterEach
	void closeStore() {
		if (this.store != null) {
			this.store.close();
			this.store = null;
		}
	}

	private ExpenseRepository reopen() {
		Path directory = this.store.directory().path();
		closeStore();
		this.store = JsonStore.open(directory);
		return new JsonFileExpenseRepository(JsonFileExpenseRepository.ledgerOf(this.store));
	}

	@Test
	void writesTheOriginalsFormatAndReadsItBackAfterARestart() throws IOException {
		ExpenseRepository repository = emptyRepository();
		Expense created = repository.create(groceries());
		repository.create(fuel());
		Path file = this.store.directory().fileOf(LedgerFile.EXPENSES);
		assertThat(Files.readString(file))
			.startsWith("[\n  {\n    \"date\": \"2025-11-10\",\n    \"business\": \"SuperSal\"")
			.contains("\"amount\": 100.5,")
			.contains("\"currency\": \"\\u20aa\",")
			.contains("\"id\": 1\n  },")
			.endsWith("}\n]");
		assertThat(this.store.directory().fileOf(LedgerFile.INCOMES)).hasContent("[]");
		ExpenseRepository reopened = reopen();
		assertThat(reopened.findById(created.id())).contains(created);
		assertThat(reopened.count()).isEqualTo(2);
	}

	@Test
	void reusesTheHighestIdAfterItsDeletionLikeTheOriginal() {
		ExpenseRepository repository = emptyRepository();
		repository.create(groceries());
		Expense last = repository.create(fuel());
		repository.deleteById(last.id());
		assertThat(repository.create(fuel()).id()).isEqualTo(last.id());
	}

	@Test
	void keepsRecordsInFileOrderAndUpdatesThemInPlace() throws IOException {
		ExpenseRepository repository = emptyRepository();
		Expense first = repository.create(groceries());
		repository.create(fuel());
		repository.update(first.id(), EntryValues.builder().put(EntryField.NOTES, "changed").build());
		String text = Files.readString(this.store.directory().fileOf(LedgerFile.EXPENSES));
		assertThat(text.indexOf("\"changed\"")).isLessThan(text.indexOf("\"Fuel\""));
		assertThat(repository.findById(first.id()).orElseThrow().version()).isEqualTo(1);
		assertThat(reopen().findById(first.id()).orElseThrow().version()).as("versions restart at 0").isZero();
	}

	@Test
	void aFailedWriteChangesNeitherTheFileNorTheRows() throws IOException {
		ExpenseRepository repository = emptyRepository();
		Expense kept = repository.create(groceries());
		Path file = this.store.directory().fileOf(LedgerFile.EXPENSES);
		byte[] before = Files.readAllBytes(file);
		// a directory in the way of the rename makes the replacement fail
		Files.delete(file);
		Files.createDirectory(file);
		assertThatExceptionOfType(JsonStoreException.class).isThrownBy(() -> repository.create(fuel()))
			.withMessageContaining("expenses.json");
		assertThatExceptionOfType(JsonStoreException.class).isThrownBy(() -> repository.deleteById(kept.id()));
		assertThat(repository.findAll()).containsExactly(kept);
		Files.delete(file);
		Files.write(file, before);
		assertThat(repository.create(fuel()).id()).isEqualTo(kept.id() + 1);
	}

	@Test
	void writesNothingWhenNothingChanges() {
		ExpenseRepository repository = emptyRepository();
		assertThat(repository.deleteAllById(List.of(1, 2))).isZero();
		assertThat(repository.update(1, EntryValues.builder().put(EntryField.NOTES, "x").build())).isEmpty();
		assertThat(this.store.directory().fileOf(LedgerFile.EXPENSES)).hasContent("[]");
	}

	@Test
	void shouldRefuseAnyHouseholdButTheFirstWith409() {
		assertThatThrownBy(() -> emptyRepository().forHousehold(Households.FIRST + 1))
			.isInstanceOfSatisfying(ApiException.class, (ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.CONFLICT))
			.hasMessageContaining("P3");
	}

}
