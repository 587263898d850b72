package dev.homebudget.transition.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import javax.sql.DataSource;

import dev.homebudget.support.MigratedDatabase;
import dev.homebudget.transition.JsonDirectory;
import dev.homebudget.transition.JsonLedgerFormat;
import dev.homebudget.transition.JsonStoreException;
import dev.homebudget.transition.LedgerFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code export-json}: the tables back in the original's exact format, for a rollback.
 */
class JsonExportTests {

	private static final JsonImporter.Listener QUIET = new JsonImporter.Listener() {
	};

	private static DataSource database;

	@TempDir
	Path temp;

	@BeforeAll
	static void migrate() {
		database = MigratedDatabase.migrated("json_export");
	}

	@BeforeEach
	void emptyTables() {
		MigratedDatabase.truncate(database, "expenses", "incomes", "json_import_checkpoints");
	}

	@Test
	void exportsTheOriginalsFilesByteForByteAfterImportingThem() throws IOException {
		Path original = this.temp.resolve("original");
		Files.createDirectories(original);
		for (LedgerFile ledger : LedgerFile.values()) {
			Files.write(original.resolve(ledger.fileName()), JsonImportTests.fixture(ledger.fileName()));
		}
		new JsonImporter(database).importFrom(original, JsonImporter.Options.defaults(), QUIET);

		Path exported = this.temp.resolve("exported");
		JsonExporter.Report report = new JsonExporter(database).export(exported, false);

		assertThat(report.verified()).isTrue();
		for (LedgerFile ledger : LedgerFile.values()) {
			assertThat(exported.resolve(ledger.fileName()))
				.hasBinaryContent(JsonImportTests.fixture(ledger.fileName()));
		}
		assertThat(report.ledgers()).allSatisfy((export) -> assertThat(export.backup()).isNull());
		JsonImporter.Report reimport = new JsonImporter(database).importFrom(exported, JsonImporter.Options.defaults(),
				QUIET);
		for (LedgerFile ledger : LedgerFile.values()) {
			assertThat(reimport.of(ledger).inserted() + reimport.of(ledger).updated()).isZero();
		}
		assertThat(reimport.verification().clean()).isTrue();
	}

	@Test
	void exportsAGeneratedHouseholdThatImportsBackWithoutAChange() throws IOException {
		Path original = this.temp.resolve("household");
		Files.createDirectories(original);
		LocalDate last = LocalDate.of(2025, 6, 30);
		byte[] expenses = JsonLedgerFormat.write(LedgerFile.EXPENSES,
				HouseholdData.expenses(2000, 3, last.minusYears(5), last));
		Files.write(original.resolve("expenses.json"), expenses);
		new JsonImporter(database).importFrom(original, JsonImporter.Options.defaults(), QUIET);

		Path exported = this.temp.resolve("exported");
		JsonExporter.Report report = new JsonExporter(database).export(exported, false);

		assertThat(report.verified()).isTrue();
		assertThat(exported.resolve("expenses.json")).hasBinaryContent(expenses);
		assertThat(exported.resolve("incomes.json")).hasContent("[]");
		assertThat(new Reconciler(database).reconcile(exported).clean()).isTrue();
	}

	@Test
	void replacesExistingFilesOnlyWhenForcedAndKeepsACopyOfEach() throws IOException {
		Path directory = this.temp.resolve("json");
		Files.createDirectories(directory);
		Files.writeString(directory.resolve("expenses.json"), "[]");
		Files.writeString(directory.resolve("incomes.json"), "[1]");
		JdbcClient.create(database)
			.sql("INSERT INTO expenses (id, date, business, category, amount, account, notes)"
					+ " VALUES (4, '2025-01-01', NULL, 'c', 12.5, 'a', '')")
			.update();

		assertThatExceptionOfType(TransferException.class)
			.isThrownBy(() -> new JsonExporter(database).export(directory, false))
			.withMessageContaining("expenses.json exists; nothing was written")
			.withMessageContaining("--force");
		assertThat(directory.resolve("expenses.json")).hasContent("[]");

		Clock clock = Clock.fixed(Instant.parse("2025-12-01T10:15:30Z"), ZoneOffset.UTC);
		JsonExporter.Report report = new JsonExporter(database, clock).export(directory, true);

		assertThat(report.verified()).isTrue();
		assertThat(directory.resolve("expenses.json.bak-20251201T101530Z")).hasContent("[]");
		assertThat(directory.resolve("incomes.json.bak-20251201T101530Z")).hasContent("[1]");
		assertThat(report.ledgers().get(0).backup()).isEqualTo(directory.resolve("expenses.json.bak-20251201T101530Z"));
		assertThat(directory.resolve("expenses.json")).content().contains("\"amount\": 12.5", "\"business\": null");
		assertThat(directory.resolve("incomes.json")).hasContent("[]");
		try (Stream<Path> files = Files.list(directory)) {
			assertThat(files.map((file) -> file.getFileName().toString())).doesNotContain(".tmp");
		}
	}

	@Test
	void saysWhenAFileReadBackDiffersFromItsTable() {
		// an empty currency cannot survive the original's format: reading maps it to the
		// default, so the export must not claim the file equals the table
		JdbcClient.create(database)
			.sql("INSERT INTO incomes (id, date, category, amount, account, currency) VALUES (1, '2025-01-01', 'c', 1, 'a', '')")
			.update();
		JsonExporter.Report report = new JsonExporter(database).export(this.temp.resolve("out"), false);
		assertThat(report.verified()).isFalse();
		assertThat(report.ledgers().get(1).verified()).isFalse();
		assertThat(report.ledgers().get(1).table()).isEqualTo("incomes");
	}

	@Test
	void refusesADirectoryInUse() throws IOException {
		Path directory = this.temp.resolve("busy");
		try (JsonDirectory owner = JsonDirectory.open(directory)) {
			assertThatExceptionOfType(JsonStoreException.class)
				.isThrownBy(() -> new JsonExporter(database).export(directory, true))
				.withMessageContaining("stop it first");
		}
	}

}
