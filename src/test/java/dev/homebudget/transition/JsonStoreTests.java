package dev.homebudget.transition;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JsonStoreTests {

	@TempDir
	Path temp;

	@Test
	void loadsTheOriginalsFiles() throws IOException {
		copyFixture("expenses.json");
		copyFixture("incomes.json");
		try (JsonStore store = JsonStore.open(this.temp)) {
			assertThat(store.createdEmpty()).isFalse();
			assertThat(store.loadedCount(LedgerFile.EXPENSES)).isEqualTo(5);
			JsonLedger<JsonEntry> expenses = store.ledger(LedgerFile.EXPENSES, (entry, version) -> entry);
			assertThat(expenses.findById(2))
				.hasValueSatisfying((entry) -> assertThat(entry.amount()).hasToString("158.16"));
			assertThat(store.existingLedger(LedgerFile.EXPENSES)).containsSame(expenses);
			assertThat(store.existingLedger(LedgerFile.INCOMES)).isEmpty();
			assertThatExceptionOfType(IllegalStateException.class)
				.isThrownBy(() -> store.ledger(LedgerFile.EXPENSES, (entry, version) -> entry));
		}
	}

	@Test
	void aNewStoreWritesBothFilesEmptyAtOnce() {
		try (JsonStore store = JsonStore.open(this.temp.resolve("new"))) {
			assertThat(store.createdEmpty()).isTrue();
			assertThat(store.directory().fileOf(LedgerFile.EXPENSES)).hasContent("[]");
			assertThat(store.directory().fileOf(LedgerFile.INCOMES)).hasContent("[]");
		}
		try (JsonStore store = JsonStore.open(this.temp.resolve("new"))) {
			assertThat(store.createdEmpty()).isFalse();
		}
	}

	@Test
	void refusesWhenExactlyOneFileIsMissingAndCreatesNothing() throws IOException {
		copyFixture("expenses.json");
		assertThatExceptionOfType(JsonStoreException.class).isThrownBy(() -> JsonStore.open(this.temp))
			.withMessageContaining("incomes.json: is missing while expenses.json exists");
		assertThat(this.temp.resolve("incomes.json")).doesNotExist();
		// the lock was released
		Files.writeString(this.temp.resolve("incomes.json"), "[]");
		JsonStore.open(this.temp).close();
	}

	@Test
	void refusesRejectedRecordsNamingEachAndLeavesTheFileUntouched() throws IOException {
		copyFixture("incomes.json");
		Path expenses = this.temp.resolve("expenses.json");
		try (InputStream in = getClass().getResourceAsStream("/fixtures/json-era/quirky-expenses.json")) {
			Files.copy(in, expenses);
		}
		byte[] before = Files.readAllBytes(expenses);
		assertThatExceptionOfType(JsonStoreException.class).isThrownBy(() -> JsonStore.open(this.temp))
			.withMessageContaining("expenses.json: has ")
			.withMessageContaining("record(s) that cannot be used")
			.withMessageMatching("(?s).*record \\d+ \\(id [^)]+\\): .*")
			.satisfies((ex) -> assertThat(ex.file()).isEqualTo(expenses));
		assertThat(Files.readAllBytes(expenses)).isEqualTo(before);
	}

	@Test
	void refusesACorruptFile() throws IOException {
		copyFixture("incomes.json");
		Files.writeString(this.temp.resolve("expenses.json"), "[{\"date\": \"2025-");
		assertThatExceptionOfType(JsonStoreException.class).isThrownBy(() -> JsonStore.open(this.temp))
			.withMessageContaining("expenses.json: is not valid JSON");
		assertThat(this.temp.resolve("expenses.json")).hasContent("[{\"date\": \"2025-");
	}

	private void copyFixture(String name) throws IOException {
		try (InputStream in = getClass().getResourceAsStream("/fixtures/json-era/" + name)) {
			Files.copy(in, this.temp.resolve(name));
		}
	}

}
