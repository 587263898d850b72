package dev.homebudget.transition;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.homebudget.HomeBudgetApplication;
import dev.homebudget.config.StoragePhase;
import dev.homebudget.support.HttpCalls;
import dev.homebudget.support.PhaseApplication;
import dev.homebudget.support.StoreContents;
import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * T12: the app runs in P1 in a child process whose files may not grow past a limit
 * ({@code ulimit -f}), just above the size of {@code expenses.json}. The next create
 * cannot write the new version: the API answers 503 with the contract's body and no path,
 * the file stays byte-identical, PostgreSQL gets no row (the primary failed, so nothing
 * is mirrored), and readiness reports the failed write.
 */
class DiskFullTests {

	private static final int RECORDS = 300;

	@TempDir
	Path json;

	@Test
	void aWriteThatDoesNotFitChangesNothingAndIsA503() throws Exception {
		String database = "t12_disk_full";
		DataSource dataSource = TestDatabase.dataSource(database);
		String url = TestDatabase.jdbcUrl(database);
		// the schema first, then the same records in both stores (P1 refuses an empty
		// mirror)
		try (var app = dev.homebudget.support.PhaseApplication.start(StoragePhase.P3, url, this.json.resolve("unused"),
				false)) {
			// migrated
		}
		List<JsonEntry> entries = seed(dataSource);
		Path expenses = this.json.resolve("expenses.json");
		Files.write(this.json.resolve("incomes.json"), "[]".getBytes());
		byte[] content = padToJustBelowABoundary(entries);
		Files.write(expenses, content);
		long limitKilobytes = (content.length + 1023) / 1024;
		assertThat(limitKilobytes * 1024 - content.length).isLessThan(100);

		int port = freePort();
		String command = "ulimit -f " + limitKilobytes + " && exec \"" + javaBinary()
				+ "\" -XX:TieredStopAtLevel=1 -cp '" + System.getProperty("java.class.path") + "' "
				+ HomeBudgetApplication.class.getName() + " --server.port=" + port
				+ " --server.address=127.0.0.1 '--budget.database.url=" + url + "' --budget.storage.json-directory="
				+ this.json + " --FF_USE_DATABASE_STORAGE=false --FF_DUAL_WRITE_ENABLED=true";
		Path log = Files.createTempFile("hbw-t12-", ".log");
		Process child = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			HttpCalls http = new HttpCalls(port);
			awaitStarted(http, child, log);
			HttpCalls.Response refused = http.send("POST", "/api/v1/expense",
					"{\"date\":\"2025-11-10\",\"category\":\"Food\",\"amount\":1,\"account\":\"Cash\",\"notes\":\"does not fit\"}");
			assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
			assertThat(refused.json().get("detail").asString())
				.isEqualTo("The data store is temporarily unavailable; nothing was changed, please retry shortly");
			assertThat(refused.body()).doesNotContain(this.json.toString()).doesNotContain("File too large");
			assertThat(Files.readAllBytes(expenses)).isEqualTo(content);
			HttpCalls.Response ready = http.send("GET", "/api/v1/health/ready", null);
			assertThat(ready.status()).isEqualTo(503);
			assertThat(ready.json().get("checks").get("json_store").get("reason").asString())
				.isEqualTo("the last write of expenses.json failed");
			// reads still work, from the unchanged file
			assertThat(http.send("GET", "/api/v1/expense", null).json().size()).isEqualTo(RECORDS);
			Thread.sleep(500);
			assertThat(StoreContents.database(dataSource, LedgerFile.EXPENSES)).hasSize(RECORDS);
			assertThat(Files.readString(log)).contains("File too large");
		}
		finally {
			child.destroyForcibly();
			child.waitFor(10, TimeUnit.SECONDS);
			Files.deleteIfExists(log);
		}
		try (var files = Files.list(this.json)) {
			assertThat(files.map((file) -> file.getFileName().toString()).filter((name) -> name.endsWith(".tmp")))
				.as("the partial temporary file is removed")
				.isEmpty();
		}
	}

	private static List<JsonEntry> seed(DataSource dataSource) {
		JdbcClient jdbc = JdbcClient.create(dataSource);
		List<JsonEntry> entries = new ArrayList<>();
		for (int id = 1; id <= RECORDS; id++) {
			JsonEntry entry = new JsonEntry(id, LocalDate.of(2025, 1, 1).plusDays(id % 300), "Shop", "Food",
					new BigDecimal(id).movePointLeft(2).add(BigDecimal.ONE), "Cash", "\u20aa", "note " + id);
			entries.add(entry);
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
		return entries;
	}

	/**
	 * Lengthens the last note until the file ends a few bytes below a kilobyte boundary.
	 */
	private static byte[] padToJustBelowABoundary(List<JsonEntry> entries) {
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
		return content;
	}

	private static void awaitStarted(HttpCalls http, Process child, Path log) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
		while (System.nanoTime() < deadline) {
			assertThat(child.isAlive()).as(() -> readQuietly(log)).isTrue();
			try {
				if (http.send("GET", "/api/v1/health/live", null).status() == 200) {
					return;
				}
			}
			catch (IllegalStateException ex) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new AssertionError("the child did not start: " + readQuietly(log));
	}

	private static String readQuietly(Path log) {
		try {
			return Files.readString(log);
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

	private static String javaBinary() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
