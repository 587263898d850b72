package dev.homebudget.transition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.homebudget.config.StoragePhase;
import dev.homebudget.support.HttpCalls;
import dev.homebudget.support.PhaseApplication;
import dev.homebudget.support.StoreContents;
import dev.homebudget.support.StoreDifference;
import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * T10 and T13: settings that name no phase stop startup with a clear report; a corrupt
 * JSON file stops it without being touched; going back from P2 to P1 loses nothing (M7).
 */
@ExtendWith(OutputCaptureExtension.class)
class StoragePhaseSwitchTests {

	@TempDir
	Path json;

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"FF_USE_DATABASE_STORAGE=ture|The environment variable FF_USE_DATABASE_STORAGE "
					+ "has the value 'ture', which is not a flag value.",
			"FF_DUAL_WRITE_ENABLED=|The environment variable FF_DUAL_WRITE_ENABLED has the value '', which is not a "
					+ "flag value.",
			"FF_USE_DATABASE_STORAGE=P2|The environment variable FF_USE_DATABASE_STORAGE has the value 'P2', which is "
					+ "not a flag value.",
			"budget.storage.primary=sqlite|The setting budget.storage.primary has the value 'sqlite', which is not "
					+ "allowed.",
			"budget.storage.dual-write=maybe|The setting budget.storage.dual-write has the value 'maybe', which is not "
					+ "allowed." })
	void unknownValuesStopStartupWithAClearReport(String setting, String description, CapturedOutput output) {
		assertThatException().isThrownBy(
				() -> PhaseApplication.start(null, TestDatabase.jdbcUrl("t10_flags"), this.json, false, setting));
		assertThat(output).contains("APPLICATION FAILED TO START").contains(description);
		assertThat(output.toString()).containsPattern("Action:\\s+Set ");
	}

	@Test
	void dualWriteWithoutAPrimaryIsRefusedAsAmbiguous(CapturedOutput output) {
		assertThatException().isThrownBy(() -> PhaseApplication.start(null, TestDatabase.jdbcUrl("t10_flags"),
				this.json, false, "FF_DUAL_WRITE_ENABLED=true"));
		assertThat(output).contains("the phase is ambiguous").contains("FF_USE_DATABASE_STORAGE=false");
	}

	@ParameterizedTest
	@CsvSource({ "P0,truncated", "P0,latin1", "P1,truncated", "P1,latin1" })
	void aCorruptJsonFileStopsStartupAndIsLeftUntouched(StoragePhase phase, String damage, CapturedOutput output)
			throws IOException {
		Path expenses = this.json.resolve("expenses.json");
		Files.writeString(this.json.resolve("incomes.json"), "[]");
		byte[] corrupt = damage.equals("truncated")
				? "[\n  {\n    \"date\": \"2025-11-02\",\n    \"business\": \"ampm\",\n    \"amo".getBytes()
				: "[{\"date\": \"2025-11-02\", \"category\": \"Caf\u00e9\"}]"
					.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		Files.write(expenses, corrupt);
		// the files are checked before any entry reaches the database, so one database
		// serves
		assertThatException()
			.isThrownBy(() -> PhaseApplication.start(phase, TestDatabase.jdbcUrl("t13_corrupt"), this.json, true));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The JSON store cannot be used: " + expenses)
			.contains(damage.equals("truncated") ? "is not valid JSON" : "is not valid UTF-8")
			.contains("never replaces a file it cannot read");
		assertThat(Files.readAllBytes(expenses)).isEqualTo(corrupt);
		assertThat(this.json.resolve("incomes.json")).hasContent("[]");
		try (var files = Files.list(this.json)) {
			assertThat(files.map((file) -> file.getFileName().toString())).doesNotContain("repair-journal.jsonl")
				.allMatch((name) -> name.endsWith(".json") || name.equals(".home-budget-web.lock"));
		}
	}

	@Test
	void goingBackFromP2ToP1LosesNothingAndIdsNeverCollide() {
		String url = TestDatabase.jdbcUrl("t10_rollback");
		int lastDatabaseId;
		try (PhaseApplication p2 = PhaseApplication.start(StoragePhase.P2, url, this.json, true)) {
			HttpCalls http = new HttpCalls(p2.port());
			List<Integer> ids = new ArrayList<>();
			Random random = new Random(10);
			for (int i = 0; i < 500; i++) {
				if (ids.size() < 10 || random.nextInt(10) < 6) {
					ids.add(create(http, "expense", "p2 " + i));
				}
				else if (random.nextBoolean()) {
					assertThat(http
						.send("PUT", "/api/v1/expense/" + ids.get(random.nextInt(ids.size())),
								"{\"amount\":" + (i + 0.25) + "}")
						.status()).isEqualTo(200);
				}
				else {
					assertThat(http.send("DELETE", "/api/v1/expense/" + ids.remove(random.nextInt(ids.size())), null)
						.status()).isEqualTo(200);
				}
			}
			create(http, "income", "p2 income");
			// the highest id is deleted: the PostgreSQL identity has moved past it
			lastDatabaseId = create(http, "expense", "highest");
			assertThat(http.send("DELETE", "/api/v1/expense/" + lastDatabaseId, null).status()).isEqualTo(200);
			assertThat(p2.mirrors().awaitIdle(Duration.ofMinutes(5))).isTrue();
		}

		int createdInP1;
		try (PhaseApplication p1 = PhaseApplication.start(StoragePhase.P1, url, this.json, true)) {
			for (LedgerFile file : LedgerFile.values()) {
				Map<Integer, JsonEntry> inJson = StoreContents.json(this.json, file);
				assertThat(StoreDifference.of(inJson, StoreContents.database(p1.dataSource(), file)).ids()).isEmpty();
				assertThat(inJson).isNotEmpty();
			}
			HttpCalls http = new HttpCalls(p1.port());
			int listed = http.send("GET", "/api/v1/expense", null).json().size();
			assertThat(listed).isEqualTo(StoreContents.database(p1.dataSource(), LedgerFile.EXPENSES).size());
			createdInP1 = create(http, "expense", "after the flip");
			// JSON assigns max(id) + 1, which reuses the deleted highest id; PostgreSQL
			// takes it
			// explicitly without a collision
			assertThat(createdInP1).isEqualTo(lastDatabaseId);
			assertThat(p1.mirrors().awaitIdle(Duration.ofMinutes(5))).isTrue();
			assertThat(StoreContents.database(p1.dataSource(), LedgerFile.EXPENSES)).containsKey(createdInP1);
			assertThat(p1.mirrors().journal().openCount()).isZero();
		}

		try (PhaseApplication p2 = PhaseApplication.start(StoragePhase.P2, url, this.json, true)) {
			int next = create(new HttpCalls(p2.port()), "expense", "back on PostgreSQL");
			assertThat(next).isGreaterThan(createdInP1);
			assertThat(p2.mirrors().awaitIdle(Duration.ofMinutes(5))).isTrue();
			assertThat(StoreDifference
				.of(StoreContents.json(this.json, LedgerFile.EXPENSES),
						StoreContents.database(p2.dataSource(), LedgerFile.EXPENSES))
				.ids()).isEmpty();
		}
	}

	@Test
	void aSwitchIsRefusedWhileTheOtherDirectionHasOpenEntries(CapturedOutput output) {
		String url = TestDatabase.jdbcUrl("t10_guard");
		try (PhaseApplication p2 = PhaseApplication.start(StoragePhase.P2, url, this.json, true)) {
			create(new HttpCalls(p2.port()), "expense", "mirrored");
			p2.mirrors().awaitIdle(Duration.ofMinutes(5));
		}
		JdbcClient.create(TestDatabase.dataSource("t10_guard"))
			.sql("INSERT INTO repair_journal (entity, operation, entry_ids) VALUES ('expense', 'update', '{1}')")
			.update();
		assertThatException().isThrownBy(() -> PhaseApplication.start(StoragePhase.P1, url, this.json, false));
		assertThat(output).contains("1 write(s) made while PostgreSQL was primary (P2) never reached the JSON files")
			.contains("run ./hbw repair");
		try (PhaseApplication p2 = PhaseApplication.start(StoragePhase.P2, url, this.json, false)) {
			assertThat(p2.bean(StorageRepair.class).run().failed()).isZero();
		}
		PhaseApplication.start(StoragePhase.P1, url, this.json, false).close();
	}

	@Test
	void p2IsRefusedWhileWritesOfP1NeverReachedPostgres(CapturedOutput output) {
		String url = TestDatabase.jdbcUrl("t10_guard_p1");
		try (PhaseApplication p1 = PhaseApplication.start(StoragePhase.P1, url, this.json, true)) {
			HttpCalls http = new HttpCalls(p1.port());
			create(http, "expense", "mirrored");
			p1.mirrors().awaitIdle(Duration.ofMinutes(5));
			p1.crash().arm();
			assertThat(http
				.send("POST", "/api/v1/income",
						"{\"date\":\"2025-11-10\",\"category\":\"C\",\"amount\":1,\"account\":\"A\"}")
				.status()).isEqualTo(500);
		}
		assertThatException().isThrownBy(() -> PhaseApplication.start(StoragePhase.P2, url, this.json, false));
		assertThat(output).contains("1 write(s) made while the JSON files were primary (P1) never reached PostgreSQL");
		// the repair by hand (the running app's own drain is off, or it could get there
		// first)
		try (PhaseApplication p1 = PhaseApplication.start(StoragePhase.P1, url, this.json, false,
				"budget.storage.self-repair=false")) {
			assertThat(p1.bean(StorageRepair.class).run().lines()).hasSize(1);
		}
		try (PhaseApplication p2 = PhaseApplication.start(StoragePhase.P2, url, this.json, false)) {
			assertThat(StoreDifference
				.of(StoreContents.json(this.json, LedgerFile.INCOMES),
						StoreContents.database(p2.dataSource(), LedgerFile.INCOMES))
				.ids()).isEmpty();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "P1", "P2" })
	void aMirrorThatWasNeverFilledIsRefused(StoragePhase phase, CapturedOutput output) throws IOException {
		String url = TestDatabase.jdbcUrl("t10_unfilled_" + phase.name().toLowerCase(java.util.Locale.ROOT));
		try (PhaseApplication p3 = PhaseApplication.start(StoragePhase.P3, url, this.json, true)) {
			create(new HttpCalls(p3.port()), "expense", "only in PostgreSQL");
		}
		assertThatException().isThrownBy(() -> PhaseApplication.start(phase, url, this.json, false));
		assertThat(output).contains("holds no entries but PostgreSQL holds 1 expense(s)").contains("export-json");
		try (var files = Files.list(this.json)) {
			assertThat(files).extracting((file) -> file.getFileName().toString())
				.doesNotContain("repair-journal.jsonl.tmp");
		}
	}

	private static int create(HttpCalls http, String resource, String notes) {
		HttpCalls.Response response = http.send("POST", "/api/v1/" + resource,
				"{\"date\":\"2025-11-10\",\"category\":\"Food\",\"amount\":12.5,\"account\":\"Cash\",\"notes\":\""
						+ notes + "\"}");
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json().get(resource).get("id").asInt();
	}

}
