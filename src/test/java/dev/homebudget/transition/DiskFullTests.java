package dev.homebudget.transition;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import javax.sql.DataSource;

import dev.homebudget.config.StoragePhase;
import dev.homebudget.support.HttpCalls;
import dev.homebudget.support.LimitedChild;
import dev.homebudget.support.PhaseApplication;
import dev.homebudget.support.StoreContents;
import dev.homebudget.support.StoreDifference;
import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * T12, a full disk in every phase, for every file the app writes: the app runs in a child
 * process whose files may not grow past a limit ({@code ulimit -f}, the kernel's
 * RLIMIT_FSIZE: a write stops at the limit, part of it may land, then the write fails as
 * on a full disk), and space is freed by raising the limit of the running process
 * ({@code prlimit}).
 * <ul>
 * <li>P0 and P1, the JSON files: a write that does not fit is a 503 with the contract's
 * body, changes nothing in either store, and readiness reports it; once there is room
 * readiness recovers by itself, before any write.</li>
 * <li>P1, the repair journal: an append that does not fit leaves no part of its line
 * behind, so the journal still loads after space is freed (it used to glue the next line
 * onto the torn one, and the app would not start).</li>
 * <li>P2, the JSON mirror: writes go on (PostgreSQL is the truth); the copies that do not
 * fit stay open in the journal and the app copies them itself once there is room.</li>
 * <li>P3, backups: a scheduled backup that does not fit is counted as failed and leaves
 * no partial archive; the next one after space is freed succeeds.</li>
 * </ul>
 * The row-version side file ({@link VersionFloor}) is a few bytes, below any limit that
 * lets the app start: {@code JsonFileRepositoryBehaviour} covers its failure. Waits are
 * for conditions; the minutes only guard against a hang.
 */
class DiskFullTests {

	private static final int RECORDS = 20;

	private static final Duration GUARD = Duration.ofMinutes(3);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path temp;

	@Test
	void p0AWriteThatDoesNotFitIsA503AndReadinessRecoversWithoutAWrite() throws Exception {
		Path json = Files.createDirectories(this.temp.resolve("p0"));
		String url = migrated("t12_disk_full_p0");
		byte[] content = writeJustBelowABoundary(json, null);
		try (LimitedChild child = LimitedChild.start(StoragePhase.P0, url, json, content.length)) {
			HttpCalls http = child.http();
			refusedAndUnready(child, http, json, content, "the last write of expenses.json failed");
			child.limitFileSize(content.length + 64 * 1024);
			awaitReady(http);
			HttpCalls.Response created = http.send("POST", "/api/v1/expense", body("fits now"));
			assertThat(created.status()).as(created.toString()).isEqualTo(200);
		}
		noTemporaryFiles(json);
		try (JsonStore store = JsonStore.open(json)) {
			assertThat(store.loadedCount(LedgerFile.EXPENSES)).isEqualTo(RECORDS + 1);
		}
	}

	@Test
	void p1TheJsonFileAndTheRepairJournal() throws Exception {
		Path json = Files.createDirectories(this.temp.resolve("p1"));
		String url = migrated("t12_disk_full_p1");
		DataSource dataSource = TestDatabase.dataSource("t12_disk_full_p1");
		byte[] content = writeJustBelowABoundary(json, dataSource);
		Path journal = json.resolve(FileRepairJournal.FILE_NAME);
		try (LimitedChild child = LimitedChild.start(StoragePhase.P1, url, json, content.length,
				"--budget.storage.repair-interval=1s")) {
			HttpCalls http = child.http();
			refusedAndUnready(child, http, json, content, "the last write of expenses.json failed");
			// the primary failed, so nothing was mirrored
			assertThat(StoreContents.database(dataSource, LedgerFile.EXPENSES)).hasSize(RECORDS);

			// room for the JSON file, but the journal (which grows with every write) will
			// reach the limit
			long limit = content.length + 2048;
			child.limitFileSize(limit);
			awaitReady(http);
			int accepted = 0;
			HttpCalls.Response refused = null;
			for (int i = 0; refused == null; i++) {
				assertThat(i).as("the journal never reached the limit").isLessThan(10_000);
				// notes of one length: the JSON file keeps its size
				HttpCalls.Response response = http.send("PATCH", "/api/v1/expense/1",
						"{\"field\":\"notes\",\"value\":\"note " + (1000 + i % 9000) + "\"}");
				if (response.status() == 200) {
					accepted++;
				}
				else {
					refused = response;
				}
			}
			System.out.printf("T12 P1: the journal reached the %d-byte limit after %d writes%n", limit, accepted);
			assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
			assertThat(refused.body()).doesNotContain(json.toString()).doesNotContain("File too large");
			assertEveryLineComplete(journal);
			HttpCalls.Response ready = http.send("GET", "/api/v1/health/ready", null);
			assertThat(ready.status()).isEqualTo(503);
			assertThat(ready.json().get("checks").get("json_store").get("reason").asString())
				.isEqualTo("the repair journal cannot be written");

			child.limitFileSize(-1);
			awaitReady(http);
			assertThat(
					http.send("PATCH", "/api/v1/expense/1", "{\"field\":\"notes\",\"value\":\"space again\"}").status())
				.isEqualTo(200);
			await().atMost(GUARD)
				.until(() -> http.send("GET", "/api/v1/storage", null).json().get("open_repair_entries").asLong() == 0);
			assertThat(child.output()).contains("File too large");
		}
		// after a kill, the journal and the files load: the app starts again
		assertEveryLineComplete(journal);
		assertThat(FileRepairJournal.readOpenEntries(json)).isEmpty();
		try (PhaseApplication app = PhaseApplication.start(StoragePhase.P1, url, json, false)) {
			assertThat(app.difference(LedgerFile.EXPENSES, json).ids()).isEmpty();
			assertThat(StoreContents.json(json, LedgerFile.EXPENSES).get(1).notes()).isEqualTo("space again");
		}
		noTemporaryFiles(json);
	}

	@Test
	void p2AFullMirrorLeavesTheCopiesOpenAndTheAppCopiesThemOnceThereIsRoom() throws Exception {
		Path json = Files.createDirectories(this.temp.resolve("p2"));
		String url = migrated("t12_disk_full_p2");
		DataSource dataSource = TestDatabase.dataSource("t12_disk_full_p2");
		byte[] content = writeJustBelowABoundary(json, dataSource);
		try (LimitedChild child = LimitedChild.start(StoragePhase.P2, url, json, content.length,
				"--budget.storage.repair-interval=1s")) {
			HttpCalls http = child.http();
			List<Integer> created = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				HttpCalls.Response response = http.send("POST", "/api/v1/expense", body("mirror full " + i));
				assertThat(response.status()).as(response.toString()).isEqualTo(200);
				created.add(response.json().get("expense").get("id").asInt());
			}
			assertThat(Files.readAllBytes(json.resolve("expenses.json"))).isEqualTo(content);
			await().atMost(GUARD)
				.until(() -> http.send("GET", "/api/v1/storage", null).json().get("open_repair_entries").asLong() > 0);
			assertThat(http.send("GET", "/api/v1/health/ready", null).status()).isEqualTo(200);

			child.limitFileSize(-1);
			await().atMost(GUARD)
				.until(() -> http.send("GET", "/api/v1/storage", null).json().get("open_repair_entries").asLong() == 0);
			assertThat(StoreContents.json(json, LedgerFile.EXPENSES)).containsKeys(created.toArray(Integer[]::new));
		}
		assertThat(StoreDifference
			.of(StoreContents.json(json, LedgerFile.EXPENSES), StoreContents.database(dataSource, LedgerFile.EXPENSES))
			.ids()).isEmpty();
		noTemporaryFiles(json);
	}

	@Test
	void p3ABackupThatDoesNotFitLeavesNothingAndTheNextOneSucceeds() throws Exception {
		Path backups = Files.createDirectories(this.temp.resolve("backups"));
		String url = migrated("t12_disk_full_p3");
		seed(TestDatabase.dataSource("t12_disk_full_p3"), records());
		try (LimitedChild child = LimitedChild.start(null, url, this.temp.resolve("unused"), 1024,
				"--budget.backup.directory=" + backups, "--budget.backup.schedule=*/1 * * * * *")) {
			HttpCalls http = child.http();
			await().atMost(GUARD).until(() -> metric(http, "budget_backup_failures_total") >= 1);
			assertThat(http.send("GET", "/api/v1/expense", null).status()).isEqualTo(200);
			assertThat(metric(http, "budget_backup_last_success_timestamp_seconds")).as("no backup yet").isNaN();
			child.limitFileSize(-1);
			await().atMost(GUARD).until(() -> metric(http, "budget_backup_last_success_timestamp_seconds") > 0);
			assertThat(http.send("GET", "/api/v1/expense", null).json().size()).isEqualTo(RECORDS);
		}
		try (Stream<Path> files = Files.list(backups)) {
			List<String> names = files.map((file) -> file.getFileName().toString()).toList();
			assertThat(names).as("no partial archive, checksum or work directory: %s", names)
				.allMatch((name) -> name.matches("home-budget-\\d{8}T\\d{6}Z\\.tar(\\.sha256)?"))
				.anyMatch((name) -> name.endsWith(".tar"));
			for (String name : names.stream().filter((name) -> name.endsWith(".tar")).toList()) {
				assertThat(names).as("every archive has its checksum").contains(name + ".sha256");
			}
		}
	}

	/**
	 * A create does not fit: 503 with the contract's body and no path, the file
	 * byte-identical, readiness down with the reason.
	 */
	private static void refusedAndUnready(LimitedChild child, HttpCalls http, Path json, byte[] content, String reason)
			throws IOException {
		HttpCalls.Response refused = http.send("POST", "/api/v1/expense", body("does not fit"));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
		assertThat(refused.json().get("detail").asString())
			.isEqualTo("The data store is temporarily unavailable; nothing was changed, please retry shortly");
		assertThat(refused.body()).doesNotContain(json.toString()).doesNotContain("File too large");
		assertThat(Files.readAllBytes(json.resolve("expenses.json"))).isEqualTo(content);
		HttpCalls.Response ready = http.send("GET", "/api/v1/health/ready", null);
		assertThat(ready.status()).isEqualTo(503);
		assertThat(ready.json().get("checks").get("json_store").get("reason").asString())
			.isEqualTo(reason + " and it still cannot be written");
		// reads still work, from the unchanged file
		assertThat(http.send("GET", "/api/v1/expense", null).json().size()).isEqualTo(RECORDS);
		// still no room: still unready
		assertThat(http.send("GET", "/api/v1/health/ready", null).status()).isEqualTo(503);
		assertThat(child.output()).contains("File too large");
	}

	private static void awaitReady(HttpCalls http) {
		await().atMost(GUARD).until(() -> http.send("GET", "/api/v1/health/ready", null).status() == 200);
	}

	private static double metric(HttpCalls http, String name) {
		for (String line : http.send("GET", "/metrics", null).body().split("\n")) {
			if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
				double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
				return value;
			}
		}
		return 0;
	}

	private static void assertEveryLineComplete(Path journal) throws IOException {
		String text = Files.readString(journal, StandardCharsets.UTF_8);
		assertThat(text).as("the journal ends with a complete line")
			.satisfiesAnyOf((all) -> assertThat(all).isEmpty(), (all) -> assertThat(all).endsWith("\n"));
		for (String line : text.split("\n")) {
			if (!line.isEmpty()) {
				assertThat(JSON.readTree(line).get("entry")).as(line).isNotNull();
				assertThat(line.indexOf("{\"entry\":", 1)).as("no line glued onto a torn one: %s", line).isNegative();
			}
		}
	}

	private static void noTemporaryFiles(Path json) throws IOException {
		try (Stream<Path> files = Files.list(json)) {
			assertThat(files.map((file) -> file.getFileName().toString()).filter((name) -> name.endsWith(".tmp")))
				.as("the partial temporary files are removed")
				.isEmpty();
		}
	}

	/** The schema, by an app that starts and stops (P3). */
	private String migrated(String database) {
		String url = TestDatabase.jdbcUrl(database);
		try (PhaseApplication app = PhaseApplication.start(StoragePhase.P3, url, this.temp.resolve("unused"), false)) {
			// migrated
		}
		return url;
	}

	private static List<JsonEntry> records() {
		List<JsonEntry> entries = new ArrayList<>();
		for (int id = 1; id <= RECORDS; id++) {
			entries.add(new JsonEntry(id, LocalDate.of(2025, 1, 1).plusDays(id), "Shop", "Food",
					new BigDecimal(id).movePointLeft(2).add(BigDecimal.ONE), "Cash", "\u20aa", "note " + (1000 + id)));
		}
		return entries;
	}

	/** The records into PostgreSQL. */
	private static void seed(DataSource dataSource, List<JsonEntry> entries) {
		{
			JdbcClient jdbc = JdbcClient.create(dataSource);
			for (JsonEntry entry : entries) {
				jdbc.sql("INSERT INTO expenses (id, date, business, category, amount, account, currency, notes) "
						+ "VALUES (:id, :date, :business, :category, :amount, :account, :currency, :notes)")
					.param("id", entry.id())
					.param("date", entry.date())
					.param("business", entry.business())
					.param("category", entry.category())
					.param("amount", entry.amount())
					.param("account", entry.account())
					.param("currency", entry.currency())
					.param("notes", entry.notes())
					.update();
			}
			jdbc.sql("SELECT setval(pg_get_serial_sequence('expenses', 'id'), " + RECORDS + ")").query().singleValue();
		}
	}

	/**
	 * Writes expenses.json (and an empty incomes.json) with the last note lengthened
	 * until the file ends a few bytes below a kilobyte boundary, so one more record does
	 * not fit under a limit of its size; and the same records into PostgreSQL (unless
	 * null).
	 */
	private static byte[] writeJustBelowABoundary(Path json, DataSource dataSource) throws IOException {
		List<JsonEntry> entries = records();
		List<JsonEntry> padded = new ArrayList<>(entries);
		JsonEntry last = entries.get(entries.size() - 1);
		StringBuilder notes = new StringBuilder(last.notes());
		byte[] content = JsonLedgerFormat.write(LedgerFile.EXPENSES, padded);
		while (content.length % 1024 != 1020) {
			notes.append('x');
			padded.set(padded.size() - 1, new JsonEntry(last.id(), last.date(), last.business(), last.category(),
					last.amount(), last.account(), last.currency(), notes.toString()));
			content = JsonLedgerFormat.write(LedgerFile.EXPENSES, padded);
		}
		Files.write(json.resolve("expenses.json"), content);
		Files.writeString(json.resolve("incomes.json"), "[]");
		if (dataSource != null) {
			seed(dataSource, padded);
		}
		return content;
	}

	private static String body(String notes) {
		return String.format(Locale.ROOT,
				"{\"date\":\"2025-11-10\",\"category\":\"Food\",\"amount\":1,\"account\":\"Cash\",\"notes\":\"%s\"}",
				notes);
	}

}
