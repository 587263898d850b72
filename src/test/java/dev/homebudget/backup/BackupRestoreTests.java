package dev.homebudget.backup;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import dev.homebudget.cli.HomeBudgetCli;
import dev.homebudget.database.DatabaseProperties;
import dev.homebudget.database.ScratchDatabases;
import dev.homebudget.support.MigratedDatabase;
import dev.homebudget.ledger.EntryMonthConverted;
import dev.homebudget.ledger.EntryMonthTotals;
import dev.homebudget.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * T24: backup and restore round trip on a real PostgreSQL, with the negative controls: an
 * archive with one digit of one amount changed, and a truncated archive, must both be
 * reported (SHA-256 and fingerprint mismatch) and leave the database empty.
 */
class BackupRestoreTests {

	private static final String SOURCE = "backup_source";

	@TempDir
	static Path backups;

	private static DataSource source;

	private static BackupResult backup;

	private static int databases;

	@BeforeAll
	static void seedAndBackUp() throws Exception {
		source = MigratedDatabase.migrated(SOURCE);
		seed(SOURCE, "8000", "2000");
		JdbcClient jdbc = JdbcClient.create(source);
		// Values COPY must escape, and NULL next to the empty string.
		jdbc.sql("INSERT INTO expenses (date, business, category, amount, account, currency, notes) VALUES "
				+ "('2025-02-28', 'Tab\there', 'Line\nbreak', 0.01, 'Back\\\\slash', '$', ''), "
				+ "('2025-03-01', NULL, 'קניות', 99999999.99, '\\N', '₪', NULL)")
			.update();
		jdbc.sql("UPDATE expenses SET version = 7 WHERE id = 5").update();
		jdbc.sql("DELETE FROM expenses WHERE id = (SELECT max(id) FROM expenses)").update();
		jdbc.sql("INSERT INTO feature_flags (name, enabled, description) VALUES ('ENHANCED_EXPENSE_STATS', true, 'x')")
			.update();
		jdbc.sql("INSERT INTO idempotency_keys (scope, key, request_hash, response_status, response_body) "
				+ "VALUES ('POST /api/v1/expense', 'k-1', repeat('a', 64), 200, '{\"status\":\"created\"}')")
			.update();
		// rates (one across a hub) for the kept converted totals (V24) a restore rebuilds
		jdbc.sql("INSERT INTO exchange_rates (household_id, day, currency, quote, rate) "
				+ "VALUES (1, '2016-01-01', 'USD', 'ILS', 3.7), (1, '2016-01-01', 'EUR', 'USD', 1.1)")
			.update();
		backup = service(source).backup(backups, null);
	}

	private static BackupService service(DataSource dataSource) {
		return new BackupService(dataSource, flyway(dataSource), new BackupProperties(backups, 7, 4, null, true),
				new DatabaseProperties("unused", 5, new DatabaseProperties.Embedded(backups, 0, "nobody", "budget"),
						Duration.ofSeconds(3)));
	}

	private static RestoreService restorer(DataSource dataSource) {
		return new RestoreService(dataSource, flyway(dataSource),
				ScratchDatabases.forUrl(TestDatabase.jdbcUrl(SOURCE)));
	}

	private static Flyway flyway(DataSource dataSource) {
		return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
	}

	/** A new, empty database (no schema at all). */
	private static DataSource emptyDatabase() {
		return TestDatabase.dataSource("backup_target_" + (++databases));
	}

	private static void seed(String database, String expenses, String incomes) {
		System.setProperty("budget.database.url", TestDatabase.jdbcUrl(database));
		PrintStream out = System.out;
		System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
		try {
			assertThat(HomeBudgetCli.execute(new String[] { "seed-test-data", "--expenses", expenses, "--incomes",
					incomes, "--until", "2025-12-31" }))
				.isZero();
		}
		finally {
			System.setOut(out);
			System.clearProperty("budget.database.url");
		}
	}

	private static Map<String, TableFingerprint> fingerprints(DataSource dataSource) throws Exception {
		Map<String, TableFingerprint> fingerprints = new LinkedHashMap<>();
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			Fingerprints.canonicalSession(connection);
			for (DatabaseTables.Table table : DatabaseTables.list(connection, "flyway_schema_history")) {
				fingerprints.put(table.name(),
						Fingerprints.of(connection, table, java.io.OutputStream.nullOutputStream()));
			}
			connection.rollback();
		}
		return fingerprints;
	}

	/**
	 * Rows the database derives from the seeded ones: the categories of their texts, and
	 * the history of every write and the trash of every delete (V18).
	 */
	private static long categories(DataSource dataSource) {
		return JdbcClient.create(dataSource)
			.sql("SELECT (SELECT count(*) FROM categories) + (SELECT count(*) FROM history_events) "
					+ "+ (SELECT count(*) FROM trashed_entries)")
			.query(Long.class)
			.single();
	}

	private static long rows(DataSource dataSource) throws Exception {
		try (Connection connection = dataSource.getConnection()) {
			return DatabaseTables.rowCounts(connection, "flyway_schema_history")
				.values()
				.stream()
				.mapToLong(Long::longValue)
				.sum();
		}
	}

	@Test
	void shouldWriteOneArchiveWithManifestAndChecksum() throws Exception {
		assertThat(backup.archive().getFileName().toString()).matches("home-budget-\\d{8}T\\d{6}Z\\.tar");
		assertThat(Files.readString(BackupArchives.checksumFile(backup.archive())))
			.isEqualTo(backup.sha256() + "  " + backup.archive().getFileName() + "\n");
		assertThat(RestoreService.checksum(backup.archive()).status()).isEqualTo(RestoreReport.Checksum.Status.MATCH);
		assertThat(Files.getPosixFilePermissions(backup.archive()))
			.isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
		BackupManifest manifest = backup.manifest();
		assertThat(manifest.schemaVersion()).isEqualTo(flyway(source).info().current().getVersion().getVersion());
		assertThat(manifest.tables()).extracting(BackupManifest.Table::name)
			.contains("expenses", "incomes", "feature_flags", "idempotency_keys")
			.doesNotContain("flyway_schema_history")
			// derived from the entries: a restore rebuilds them as it loads the entries
			.doesNotContain("entry_month_totals", "entry_month_converted");
		BackupManifest.Table expenses = manifest.tables()
			.stream()
			.filter((table) -> table.name().equals("expenses"))
			.findFirst()
			.orElseThrow();
		JdbcClient jdbc = JdbcClient.create(source);
		assertThat(expenses.rows()).isEqualTo(8001);
		assertThat(expenses.amountSum())
			.isEqualTo(jdbc.sql("SELECT sum(amount)::text FROM expenses").query(String.class).single());
		assertThat(expenses.maxId()).isEqualTo(8001L);
		// the deleted row's id is not handed out again after a restore
		assertThat(expenses.nextId()).isEqualTo(8003L);
		assertThat(fingerprints(source)).containsEntry("expenses", expenses.fingerprint());
		// and household 1, which the migrations created, and the categories of the rows
		// and the two rates
		assertThat(backup.rows()).isEqualTo(10006 + categories(source));
	}

	@Test
	void shouldRestoreIntoAnEmptyDatabaseWithEqualFingerprintsAndSequencesAhead() throws Exception {
		DataSource target = emptyDatabase();
		RestoreReport report = restorer(target).restore(backup.archive(), false);
		System.out.printf("T24: backup of %d rows %d ms (%d bytes), restore %d ms%n", backup.rows(),
				backup.took().toMillis(), backup.bytes(), report.took().toMillis());
		assertThat(report.ok()).as(String.join("\n", report.lines())).isTrue();
		assertThat(report.tables()).allMatch(RestoreReport.TableCheck::matches);
		assertThat(report.lines()).anyMatch((line) -> line.contains("OK: restored and committed"));
		assertThat(fingerprints(target)).isEqualTo(fingerprints(source));
		// the reports' month totals, rebuilt by the triggers as the entries were loaded
		assertThat(EntryMonthTotals.differences(JdbcClient.create(target))).isEmpty();
		assertThat(monthTotals(target)).isEqualTo(monthTotals(source)).isNotEqualTo("0 ");
		// and the converted ones, from the entries and the rates
		assertThat(EntryMonthConverted.differences(JdbcClient.create(target))).isEmpty();
		assertThat(convertedTotals(target)).isEqualTo(convertedTotals(source)).isNotEqualTo("0 ");
		assertThat(flyway(target).info().current().getVersion())
			.isEqualTo(flyway(source).info().current().getVersion());
		assertThat(flyway(target).info().pending()).isEmpty();

		JdbcClient jdbc = JdbcClient.create(target);
		long id = jdbc
			.sql("INSERT INTO expenses (date, category, amount, account) VALUES ('2025-12-31', 'after', 1, 'A') "
					+ "RETURNING id")
			.query(Long.class)
			.single();
		assertThat(id).isGreaterThan(backup.manifest()
			.tables()
			.stream()
			.filter((table) -> table.name().equals("expenses"))
			.findFirst()
			.orElseThrow()
			.maxId());
		long incomeId = jdbc
			.sql("INSERT INTO incomes (date, category, amount, account) VALUES ('2025-12-31', 'after', 1, 'A') "
					+ "RETURNING id")
			.query(Long.class)
			.single();
		assertThat(incomeId).isEqualTo(2001);
		assertThat(jdbc.sql("SELECT notes FROM expenses WHERE category = 'Line\nbreak'").query(String.class).single())
			.isEmpty();

		// A second restore into the now non-empty database is refused and changes
		// nothing.
		RestoreReport again = restorer(target).restore(backup.archive(), false);
		assertThat(again.ok()).isFalse();
		assertThat(again.refusal()).contains("not empty").contains("expenses (8002 rows)");
		assertThat(rows(target)).isEqualTo(10007 + categories(target));
	}

	@Test
	void shouldReportAChangedDigitAndRollBack() throws Exception {
		Path corrupted = backups.resolve("corrupted").resolve(backup.archive().getFileName());
		Files.createDirectories(corrupted.getParent());
		byte[] bytes = Files.readAllBytes(backup.archive());
		// the entry's tar header (its name NUL-padded), not the manifest's mention of it
		int data = indexOf(bytes, "data/expenses.copy\0".getBytes(StandardCharsets.US_ASCII)) + 512;
		Matcher amount = Pattern.compile("\t\\d+\\.\\d(\\d)\t")
			.matcher(new String(bytes, data, 4096, StandardCharsets.ISO_8859_1));
		assertThat(amount.find()).isTrue();
		int digit = data + amount.start(1);
		bytes[digit] = (byte) ('0' + ((bytes[digit] - '0' + 1) % 10));
		Files.write(corrupted, bytes);
		Files.copy(BackupArchives.checksumFile(backup.archive()), BackupArchives.checksumFile(corrupted));

		DataSource target = emptyDatabase();
		RestoreReport report = restorer(target).restore(corrupted, false);
		assertThat(report.ok()).isFalse();
		assertThat(report.checksumMismatch()).isTrue();
		assertThat(report.fingerprintMismatch()).isTrue();
		assertThat(report.tables()).filteredOn((table) -> !table.matches())
			.extracting(RestoreReport.TableCheck::name)
			.containsExactly("expenses");
		assertThat(String.join("\n", report.lines())).contains("MISMATCH")
			.contains("FINGERPRINT MISMATCH: sum of amounts")
			.contains("SHA-256 of the rows differs")
			.contains("FAILED: rolled back");
		assertThat(rows(target)).isZero();

		RestoreReport verified = restorer(source).verify(corrupted);
		assertThat(verified.ok()).isFalse();
		assertThat(verified.checksumMismatch()).isTrue();
		assertThat(verified.fingerprintMismatch()).isTrue();
		assertNoScratchDatabaseLeft();
	}

	@Test
	void shouldReportATruncatedArchiveAndRollBack() throws Exception {
		Path truncated = backups.resolve("truncated").resolve(backup.archive().getFileName());
		Files.createDirectories(truncated.getParent());
		byte[] bytes = Files.readAllBytes(backup.archive());
		Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length * 3 / 5));
		Files.copy(BackupArchives.checksumFile(backup.archive()), BackupArchives.checksumFile(truncated));

		DataSource target = emptyDatabase();
		RestoreReport report = restorer(target).restore(truncated, false);
		assertThat(report.ok()).isFalse();
		assertThat(report.checksumMismatch()).isTrue();
		assertThat(report.fingerprintMismatch()).isTrue();
		assertThat(report.problems()).anyMatch((problem) -> problem.contains("truncated"));
		assertThat(String.join("\n", report.lines())).contains("FINGERPRINT MISMATCH: rows");
		assertThat(rows(target)).isZero();
	}

	@Test
	void shouldVerifyInAScratchDatabaseAndDropIt() throws Exception {
		RestoreReport report = restorer(source).verify(backup.archive());
		System.out.printf("T24: verify of %d rows in a scratch database: %d ms%n", backup.rows(),
				report.took().toMillis());
		assertThat(report.ok()).as(String.join("\n", report.lines())).isTrue();
		assertThat(report.tables()).hasSize(backup.tables()).allMatch(RestoreReport.TableCheck::matches);
		assertNoScratchDatabaseLeft();
	}

	@Test
	void shouldRequireTheChecksumFileUnlessSkipped() throws Exception {
		Path alone = backups.resolve("alone").resolve(backup.archive().getFileName());
		Files.createDirectories(alone.getParent());
		Files.copy(backup.archive(), alone);
		DataSource target = emptyDatabase();
		RestoreReport refused = restorer(target).restore(alone, false);
		assertThat(refused.refusal()).contains("no checksum file").contains("--skip-checksum");
		assertThat(restorer(target).verify(alone).ok()).as("verify counts a missing checksum as a failure").isFalse();
		RestoreReport skipped = restorer(target).restore(alone, true);
		assertThat(skipped.ok()).as(String.join("\n", skipped.lines())).isTrue();
		assertThat(skipped.checksum().status()).isEqualTo(RestoreReport.Checksum.Status.MISSING);
	}

	@Test
	void shouldRefuseWhatIsNotABackupOrIsFromANewerSchema() throws Exception {
		Path notTar = backups.resolve("other").resolve("home-budget-20250101T000000Z.tar");
		Files.createDirectories(notTar.getParent());
		Files.writeString(notTar, "not an archive");
		assertThat(restorer(emptyDatabase()).restore(notTar, true).refusal()).contains("not a backup archive");
		assertThat(restorer(emptyDatabase()).restore(backups.resolve("missing.tar"), true).refusal())
			.contains("there is no file");

		Path newer = backups.resolve("other").resolve("home-budget-20250102T000000Z.tar");
		try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(
				Files.newOutputStream(newer))) {
			byte[] manifest = BackupService.JSON
				.writeValueAsBytes(new BackupManifest(1, "2025-01-02T00:00:00Z", "999", List.of()));
			var entry = new org.apache.commons.compress.archivers.tar.TarArchiveEntry(BackupManifest.ENTRY);
			entry.setSize(manifest.length);
			tar.putArchiveEntry(entry);
			tar.write(manifest);
			tar.closeArchiveEntry();
		}
		assertThat(restorer(emptyDatabase()).restore(newer, true).refusal()).contains("schema version 999");
	}

	private static String monthTotals(DataSource dataSource) {
		return JdbcClient.create(dataSource)
			.sql("SELECT count(*) || ' ' || COALESCE(md5(string_agg(concat_ws(',', household_id, kind, month, "
					+ "category_id, category, currency, amount, entries), '|' ORDER BY household_id, kind, month, "
					+ "category_id, category, currency)), '') FROM entry_month_totals")
			.query(String.class)
			.single();
	}

	private static String convertedTotals(DataSource dataSource) {
		return JdbcClient.create(dataSource)
			.sql("SELECT count(*) || ' ' || COALESCE(md5(string_agg(concat_ws(',', household_id, kind, month, "
					+ "category_id, category, currency, converted, converted_entries, unconverted_entries), '|' "
					+ "ORDER BY household_id, kind, month, category_id, category, currency)), '') "
					+ "FROM entry_month_converted")
			.query(String.class)
			.single();
	}

	private static void assertNoScratchDatabaseLeft() {
		assertThat(JdbcClient.create(source)
			.sql("SELECT count(*) FROM pg_database WHERE datname LIKE 'hbw_verify%'")
			.query(Long.class)
			.single()).isZero();
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		throw new AssertionError("not found");
	}

}
