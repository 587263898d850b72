package dev.homebudget.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.homebudget.ledger.EntryField;
import dev.homebudget.ledger.EntryRepository;
import dev.homebudget.ledger.EntryValues;
import dev.homebudget.ledger.StoredEntry;
import dev.homebudget.transition.JsonStore;
import dev.homebudget.transition.JsonStoreException;
import dev.homebudget.transition.LedgerFile;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the JSON file repositories of both kinds do beyond the repository suite: the
 * original's file format, its id reuse, file order, and failed writes that change
 * nothing. Mixed into the JSON file repository tests, which also run
 * {@link EntryRepositoryContract}.
 *
 * @param <E> a stored entry
 * @param <D> an entry not stored yet
 */
public interface JsonFileRepositoryBehaviour<E extends StoredEntry, D> {

	/** A repository on a new, empty JSON directory. */
	EntryRepository<E, D> emptyJsonRepository();

	/** A repository on the same directory, read again from the files. */
	EntryRepository<E, D> reopenJsonRepository();

	JsonStore jsonStore();

	LedgerFile ledgerFile();

	/**
	 * How the file starts after {@link EntryRepositoryContract#groceries()} is stored.
	 */
	String firstRecordStart();

	D groceries();

	D fuel();

	private Path file(LedgerFile ledger) {
		return jsonStore().directory().fileOf(ledger);
	}

	@Test
	default void writesTheOriginalsFormatAndReadsItBackAfterARestart() throws IOException {
		EntryRepository<E, D> repository = emptyJsonRepository();
		E created = repository.create(groceries());
		repository.create(fuel());
		assertThat(Files.readString(file(ledgerFile())))
			.startsWith("[\n  {\n    \"date\": \"2025-11-10\",\n    " + firstRecordStart())
			.contains("\"amount\": 100.5,")
			.contains("\"currency\": \"\\u20aa\",")
			.contains("\"id\": 1\n  },")
			.endsWith("}\n]");
		LedgerFile other = (ledgerFile() == LedgerFile.EXPENSES) ? LedgerFile.INCOMES : LedgerFile.EXPENSES;
		assertThat(file(other)).hasContent("[]");
		EntryRepository<E, D> reopened = reopenJsonRepository();
		// the same record; its version is the store's version floor (see below)
		assertThat(reopened.findById(created.id())).get()
			.usingRecursiveComparison()
			.ignoringFields("version")
			.isEqualTo(created);
		assertThat(reopened.count()).isEqualTo(2);
	}

	@Test
	default void reusesTheHighestIdAfterItsDeletionLikeTheOriginal() {
		EntryRepository<E, D> repository = emptyJsonRepository();
		repository.create(groceries());
		E last = repository.create(fuel());
		repository.deleteById(last.id());
		assertThat(repository.create(fuel()).id()).isEqualTo(last.id());
	}

	@Test
	default void keepsRecordsInFileOrderAndUpdatesThemInPlace() throws IOException {
		EntryRepository<E, D> repository = emptyJsonRepository();
		E first = repository.create(groceries());
		repository.create(fuel());
		repository.update(first.id(), EntryValues.builder().put(EntryField.NOTES, "changed").build());
		String text = Files.readString(file(ledgerFile()));
		assertThat(text.indexOf("\"changed\"")).isLessThan(text.indexOf("\"Fuel\""));
		assertThat(repository.findById(first.id()).orElseThrow().version()).isEqualTo(1);
		EntryRepository<E, D> reopened = reopenJsonRepository();
		int afterRestart = reopened.findById(first.id()).orElseThrow().version();
		assertThat(afterRestart).as("versions go on above every version handed out before the restart")
			.isGreaterThan(1);
		assertThat(reopened.updateIfVersion(first.id(), List.of(0, 1),
				EntryValues.builder().put(EntryField.NOTES, "stale").build()))
			.as("a version from before the restart is stale")
			.isEmpty();
		assertThat(reopened.updateIfVersion(first.id(), List.of(afterRestart),
				EntryValues.builder().put(EntryField.NOTES, "fresh").build()))
			.isPresent();
	}

	@Test
	default void keepsVersionsAcrossRestartsAboveEveryVersionHandedOut() {
		EntryRepository<E, D> repository = emptyJsonRepository();
		E first = repository.create(groceries());
		repository.update(first.id(), EntryValues.builder().put(EntryField.NOTES, "one").build());
		EntryRepository<E, D> second = reopenJsonRepository();
		int loaded = second.findById(first.id()).orElseThrow().version();
		// a restart that changed nothing keeps every ETag valid
		assertThat(reopenJsonRepository().findById(first.id()).orElseThrow().version()).isEqualTo(loaded);
		EntryRepository<E, D> third = reopenJsonRepository();
		E changed = third.update(first.id(), EntryValues.builder().put(EntryField.NOTES, "two").build()).orElseThrow();
		EntryRepository<E, D> fourth = reopenJsonRepository();
		assertThat(fourth.findById(first.id()).orElseThrow().version()).isGreaterThan(changed.version());
	}

	@Test
	default void aFailedWriteChangesNeitherTheFileNorTheRows() throws IOException {
		EntryRepository<E, D> repository = emptyJsonRepository();
		E kept = repository.create(groceries());
		Path file = file(ledgerFile());
		byte[] before = Files.readAllBytes(file);
		// a directory in the way of the rename makes the replacement fail
		Files.delete(file);
		Files.createDirectory(file);
		assertThatExceptionOfType(JsonStoreException.class).isThrownBy(() -> repository.create(fuel()))
			.withMessageContaining(file.getFileName().toString());
		assertThatExceptionOfType(JsonStoreException.class).isThrownBy(() -> repository.deleteById(kept.id()));
		assertThat(repository.findAll()).containsExactly(kept);
		Files.delete(file);
		Files.write(file, before);
		assertThat(repository.create(fuel()).id()).isEqualTo(kept.id() + 1);
	}

	/**
	 * The versions side file is written before a write hands out a version above its
	 * number: when it cannot be (a full disk; here a directory in the way of its rename),
	 * the write is refused and changes nothing.
	 */
	@Test
	default void aWriteWhoseVersionsCannotBeReservedIsRefusedAndChangesNothing() throws IOException {
		EntryRepository<E, D> repository = emptyJsonRepository();
		E kept = repository.create(groceries());
		EntryRepository<E, D> reopened = reopenJsonRepository();
		Path versions = jsonStore().directory().path().resolve(".home-budget-web.versions");
		Files.deleteIfExists(versions);
		Files.createDirectory(versions);
		byte[] before = Files.readAllBytes(file(ledgerFile()));
		EntryValues change = EntryValues.builder().put(EntryField.NOTES, "changed").build();
		assertThatExceptionOfType(JsonStoreException.class).isThrownBy(() -> reopened.update(kept.id(), change))
			.withMessageContaining(".home-budget-web.versions");
		assertThat(Files.readAllBytes(file(ledgerFile()))).isEqualTo(before);
		assertThat(reopened.findById(kept.id()).orElseThrow().notes()).isEqualTo(kept.notes());
		Files.delete(versions);
		assertThat(reopened.update(kept.id(), change)).isPresent();
		assertThat(versions).isRegularFile();
	}

	@Test
	default void writesNothingWhenNothingChanges() {
		EntryRepository<E, D> repository = emptyJsonRepository();
		assertThat(repository.deleteAllById(List.of(1, 2))).isZero();
		assertThat(repository.update(1, EntryValues.builder().put(EntryField.NOTES, "x").build())).isEmpty();
		assertThat(file(ledgerFile())).hasContent("[]");
	}

}
