package dev.homebudget.transition.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import dev.homebudget.support.MigratedDatabase;
import dev.homebudget.transition.JsonDirectory;
import dev.homebudget.transition.JsonEntry;
import dev.homebudget.transition.JsonLedgerFormat;
import dev.homebudget.transition.LedgerFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The reconciler finds exactly the planted faults (T5), compares by the canonical rules,
 * and runs beside an app that owns the JSON directory.
 */
class ReconcilerTests {

	private static final JsonImporter.Listener QUIET = new JsonImporter.Listener() {
	};

	private static DataSource database;

	private static JdbcClient jdbc;

	@TempDir
	Path temp;

	private Path directory;

	private Reconciler reconciler;

	@BeforeAll
	static void migrate() {
		database = MigratedDatabase.migrated("json_reconcile");
		jdbc = JdbcClient.create(database);
	}

	@BeforeEach
	void importAHousehold() throws IOException {
		MigratedDatabase.truncate(database, "expenses", "incomes", "json_import_checkpoints");
		this.directory = this.temp.resolve("json");
		Files.createDirectories(this.directory);
		LocalDate last = LocalDate.of(2025, 12, 31);
		Files.write(this.directory.resolve("expenses.json"), JsonLedgerFormat.write(LedgerFile.EXPENSES,
				HouseholdData.expenses(5000, 7, last.minusYears(10), last)));
		Files.write(this.directory.resolve("incomes.json"),
				JsonLedgerFormat.write(LedgerFile.INCOMES, HouseholdData.incomes(1000, 7, last.minusYears(10), last)));
		new JsonImporter(database).importFrom(this.directory, JsonImporter.Options.defaults(), QUIET);
		this.reconciler = new Reconciler(database);
	}

	@Test
	void reportsNoMismatchOverEveryRecordOfCleanData() {
		Reconciliation clean = this.reconciler.reconcile(this.directory);
		assertThat(clean.mismatches()).isEmpty();
		assertThat(clean.clean()).isTrue();
		assertThat(clean.compared()).isEqualTo(6000);
		for (Reconciliation.LedgerComparison ledger : clean.ledgers()) {
			assertThat(ledger.databaseFingerprint()).isEqualTo(ledger.jsonFingerprint());
		}
	}

	@Test
	void findsExactlyThePlantedFaultsPerTable() {
		int[] expenses = plant("expenses");
		int[] incomes = plant("incomes");

		Reconciliation found = this.reconciler.reconcile(this.directory);

		assertThat(found.mismatches())
			.extracting(Reconciliation.Mismatch::table, Reconciliation.Mismatch::id, Reconciliation.Mismatch::kind,
					Reconciliation.Mismatch::fields)
			.containsExactlyInAnyOrder(
					tuple("expenses", id(expenses[0]), Reconciliation.Kind.DIFFERENT, List.of("amount")),
					tuple("expenses", id(expenses[1]), Reconciliation.Kind.MISSING_IN_DATABASE, List.of()),
					tuple("expenses", id(expenses[2]), Reconciliation.Kind.MISSING_IN_JSON, List.of()),
					tuple("incomes", id(incomes[0]), Reconciliation.Kind.DIFFERENT, List.of("amount")),
					tuple("incomes", id(incomes[1]), Reconciliation.Kind.MISSING_IN_DATABASE, List.of()),
					tuple("incomes", id(incomes[2]), Reconciliation.Kind.MISSING_IN_JSON, List.of()));
		assertThat(found.clean()).isFalse();
		assertThat(found.compared()).isEqualTo(6002);
		assertThat(found.of(LedgerFile.EXPENSES).databaseFingerprint())
			.isNotEqualTo(found.of(LedgerFile.EXPENSES).jsonFingerprint());
		assertThat(found.mismatches().get(0).toString()).startsWith("expenses id ");
	}

	@Test
	void tellsAnEmptyStringFromNullAndComparesEveryField() {
		int id = jdbc.sql("SELECT min(id) FROM expenses WHERE notes = ''").query(Integer.class).single();
		jdbc.sql("UPDATE expenses SET notes = NULL, business = 'x', currency = 'EUR', date = date + 1,"
				+ " category = category || '!', account = account || '!' WHERE id = :id")
			.param("id", id)
			.update();
		int nullNotes = jdbc.sql("SELECT min(id) FROM incomes WHERE notes IS NULL").query(Integer.class).single();
		jdbc.sql("UPDATE incomes SET notes = '' WHERE id = :id").param("id", nullNotes).update();

		Reconciliation found = this.reconciler.reconcile(this.directory);

		assertThat(found.mismatches()).extracting(Reconciliation.Mismatch::id, Reconciliation.Mismatch::fields)
			.containsExactly(tuple(id(id), List.of("date", "business", "category", "account", "currency", "notes")),
					tuple(id(nullNotes), List.of("notes")));
		assertThat(found.mismatches().get(1).toString()).isEqualTo("incomes id " + nullNotes + ": different (notes)");
	}

	@Test
	void reportsUnreadableRecordsOnceAndNotTheirRowsAsMissing() throws IOException {
		Path quirky = this.temp.resolve("quirky");
		Files.createDirectories(quirky);
		Files.write(quirky.resolve("expenses.json"), JsonImportTests.fixture("quirky-expenses.json"));
		Files.writeString(quirky.resolve("incomes.json"), "[]");
		// rows for every id the file uses, readable there or not
		MigratedDatabase.truncate(database, "expenses", "incomes");
		for (int id = 1; id <= 9; id++) {
			jdbc.sql(
					"INSERT INTO expenses (id, date, category, amount, account) VALUES (:id, '2025-01-01', 'c', 1, 'a')")
				.param("id", id)
				.update();
		}
		Reconciliation found = this.reconciler.reconcile(quirky);
		JsonLedgerFormat.Parsed parsed = JsonLedgerFormat.parse(LedgerFile.EXPENSES,
				JsonImportTests.fixture("quirky-expenses.json"), quirky);
		assertThat(found.of(LedgerFile.EXPENSES).count(Reconciliation.Kind.UNREADABLE_IN_JSON))
			.isEqualTo(parsed.rejections().size());
		List<String> rejectedIds = parsed.rejections().stream().map(JsonLedgerFormat.Rejection::id).toList();
		assertThat(found.mismatches()).filteredOn((mismatch) -> mismatch.kind() == Reconciliation.Kind.MISSING_IN_JSON)
			.extracting(Reconciliation.Mismatch::id)
			.doesNotContainAnyElementsOf(rejectedIds);
		assertThat(found.mismatches())
			.filteredOn((mismatch) -> mismatch.kind() == Reconciliation.Kind.UNREADABLE_IN_JSON)
			.allSatisfy((mismatch) -> assertThat(mismatch.detail()).startsWith("record "));
		assertThat(found.compared()).isGreaterThanOrEqualTo(9);
	}

	@Test
	void verifiesByTheDatabasesOwnFingerprintAndFallsBackToRecordByRecord() throws IOException {
		Path tricky = this.temp.resolve("tricky");
		Files.createDirectories(tricky);
		List<JsonEntry> entries = List.of(
				new JsonEntry(3, LocalDate.of(2025, 1, 1), null, "tab\there", new java.math.BigDecimal("0.10"), "a\\b",
						"\u20aa", ""),
				new JsonEntry(9, LocalDate.of(999, 12, 31), "", "line\nbreak\r", new java.math.BigDecimal("-12.00"),
						"\\N", "$", null),
				new JsonEntry(12, LocalDate.of(2025, 2, 28), "\u05e7\u05e4\u05d4 \ud83d\ude00", "c",
						new java.math.BigDecimal("99999999.99"), "x", "\u20ac", "\\t not a tab"));
		Files.write(tricky.resolve("expenses.json"), JsonLedgerFormat.write(LedgerFile.EXPENSES, entries));
		Files.writeString(tricky.resolve("incomes.json"), "[]");
		MigratedDatabase.truncate(database, "expenses", "incomes", "json_import_checkpoints");
		new JsonImporter(database).importFrom(tricky, JsonImporter.Options.defaults(), QUIET);

		Reconciliation verified = this.reconciler.verify(LedgerSnapshot.readUnlocked(tricky));
		Reconciliation compared = this.reconciler.reconcile(tricky);

		assertThat(verified.clean()).isTrue();
		assertThat(verified.of(LedgerFile.EXPENSES).databaseFingerprint())
			.isEqualTo(compared.of(LedgerFile.EXPENSES).databaseFingerprint())
			.isEqualTo(Fingerprint.of(LedgerFile.EXPENSES, entries));
		assertThat(verified.compared()).isEqualTo(3);

		jdbc.sql("UPDATE expenses SET notes = NULL WHERE id = 3").update();
		Reconciliation differs = this.reconciler.verify(LedgerSnapshot.readUnlocked(tricky));
		assertThat(differs.mismatches()).extracting(Reconciliation.Mismatch::id, Reconciliation.Mismatch::fields)
			.containsExactly(tuple("3", List.of("notes")));
	}

	@Test
	void readsFilesThatARunningAppOwns() {
		try (JsonDirectory owner = JsonDirectory.open(this.directory)) {
			assertThat(this.reconciler.reconcile(this.directory).clean()).isTrue();
		}
	}

	@Test
	void fingerprintsTellRecordsApartByEveryField() {
		JsonEntry entry = new JsonEntry(1, LocalDate.of(2025, 1, 1), "b", "c", new java.math.BigDecimal("1.50"), "a",
				"\u20aa", "");
		JsonEntry nullNotes = new JsonEntry(1, entry.date(), "b", "c", entry.amount(), "a", "\u20aa", null);
		JsonEntry sameAmount = new JsonEntry(1, entry.date(), "b", "c", new java.math.BigDecimal("1.5"), "a", "\u20aa",
				"");
		assertThat(Fingerprint.of(LedgerFile.EXPENSES, List.of(entry)))
			.isNotEqualTo(Fingerprint.of(LedgerFile.EXPENSES, List.of(nullNotes)))
			.isEqualTo(Fingerprint.of(LedgerFile.EXPENSES, List.of(sameAmount)));
		assertThat(CanonicalEntry.rows(LedgerFile.EXPENSES, List.of(nullNotes), true))
			.isEqualTo("1\t2025-01-01\tb\tc\t1.50\ta\t\u20aa\t\\N\n");
		assertThat(Fingerprint.of(LedgerFile.INCOMES, List.of()).toString()).startsWith("count=0 sum=0.00 max_id=0");
	}

	/**
	 * Changes an amount, deletes a row and adds one absent from the file; returns their
	 * ids.
	 */
	private static int[] plant(String table) {
		int changed = jdbc.sql("SELECT id FROM " + table + " ORDER BY id OFFSET 10 LIMIT 1")
			.query(Integer.class)
			.single();
		jdbc.sql("UPDATE " + table + " SET amount = amount + 0.01 WHERE id = :id").param("id", changed).update();
		int deleted = jdbc.sql("SELECT id FROM " + table + " ORDER BY id DESC OFFSET 10 LIMIT 1")
			.query(Integer.class)
			.single();
		jdbc.sql("DELETE FROM " + table + " WHERE id = :id").param("id", deleted).update();
		int extra = jdbc.sql("SELECT max(id) + 100 FROM " + table).query(Integer.class).single();
		jdbc.sql("INSERT INTO " + table
				+ " (id, date, category, amount, account) VALUES (:id, '2025-01-01', 'c', 1, 'a')")
			.param("id", extra)
			.update();
		return new int[] { changed, deleted, extra };
	}

	private static String id(int id) {
		return Integer.toString(id);
	}

}
