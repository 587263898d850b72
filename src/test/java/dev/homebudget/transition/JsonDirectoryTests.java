package dev.homebudget.transition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JsonDirectoryTests {

	@TempDir
	Path temp;

	@Test
	void replacesAFileAndLeavesNoTemporaryFileBehind() throws IOException {
		try (JsonDirectory directory = JsonDirectory.open(this.temp.resolve("data"))) {
			assertThat(directory.read(LedgerFile.EXPENSES)).isEmpty();
			directory.replace(LedgerFile.EXPENSES, bytes("[1]"));
			directory.replace(LedgerFile.EXPENSES, bytes("[2]"));
			assertThat(directory.read(LedgerFile.EXPENSES))
				.hasValueSatisfying((content) -> assertThat(content).isEqualTo(bytes("[2]")));
			assertThat(directory.fileOf(LedgerFile.EXPENSES)).hasContent("[2]");
			assertThat(listing(directory.path())).containsExactlyInAnyOrder("expenses.json", JsonDirectory.LOCK_FILE);
		}
	}

	@Test
	void refusesASecondOwnerOfTheSameDirectory() {
		try (JsonDirectory first = JsonDirectory.open(this.temp)) {
			assertThatExceptionOfType(JsonStoreException.class).isThrownBy(() -> JsonDirectory.open(this.temp))
				.withMessageContaining(
						"in use by another Home Budget Web process (pid " + ProcessHandle.current().pid());
		}
		JsonDirectory.open(this.temp).close();
	}

	@Test
	void removesTemporaryFilesLeftByACrashAndKeepsTheTarget() throws IOException {
		Files.writeString(this.temp.resolve("incomes.json"), "[]");
		Files.writeString(this.temp.resolve(".incomes.json.123.456.tmp"), "[{\"half");
		try (JsonDirectory directory = JsonDirectory.open(this.temp)) {
			assertThat(listing(this.temp)).containsExactlyInAnyOrder("incomes.json", JsonDirectory.LOCK_FILE);
			assertThat(directory.read(LedgerFile.INCOMES))
				.hasValueSatisfying((content) -> assertThat(content).isEqualTo(bytes("[]")));
		}
	}

	@Test
	void aFailedWriteLeavesTheFileUnchangedAndSaysWhich() throws IOException {
		try (JsonDirectory directory = JsonDirectory.open(this.temp)) {
			directory.replace(LedgerFile.INCOMES, bytes("[]"));
			// a directory in the way of the rename makes the replacement fail after the
			// temp file was written
			Files.createDirectory(directory.fileOf(LedgerFile.EXPENSES));
			Files.writeString(directory.fileOf(LedgerFile.EXPENSES).resolve("keep"), "x");
			assertThatExceptionOfType(JsonStoreException.class)
				.isThrownBy(() -> directory.replace(LedgerFile.EXPENSES, bytes("[1]")))
				.withMessageStartingWith(directory.fileOf(LedgerFile.EXPENSES) + ": could not be written")
				.withMessageEndingWith("the file is unchanged");
			assertThat(listing(this.temp)).containsExactlyInAnyOrder("incomes.json", "expenses.json",
					JsonDirectory.LOCK_FILE);
		}
	}

	@Test
	void anUnreadableFileIsAnErrorNotAnEmptyLedger() throws IOException {
		try (JsonDirectory directory = JsonDirectory.open(this.temp)) {
			Files.createDirectory(directory.fileOf(LedgerFile.EXPENSES));
			assertThatExceptionOfType(JsonStoreException.class).isThrownBy(() -> directory.read(LedgerFile.EXPENSES))
				.withMessageContaining("expenses.json: cannot be read");
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static Stream<String> listingStream(Path directory) throws IOException {
		return Files.list(directory).map((path) -> path.getFileName().toString());
	}

	private static java.util.List<String> listing(Path directory) throws IOException {
		try (Stream<String> names = listingStream(directory)) {
			return names.toList();
		}
	}

}
