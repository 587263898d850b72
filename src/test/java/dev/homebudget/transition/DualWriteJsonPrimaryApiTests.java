package dev.homebudget.transition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import dev.homebudget.config.StoragePhase;
import dev.homebudget.support.ApiTestSupport;
import dev.homebudget.support.StoragePhases;
import dev.homebudget.support.StoreContents;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The v1 API suites of both resources in phase P1: dual-write with the JSON files primary
 * and PostgreSQL mirrored. All nested suites share one application context, database and
 * JSON directory.
 */
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class DualWriteJsonPrimaryApiTests {

	static final String DATABASE = "api_p1";

	@DynamicPropertySource
	static void phase(DynamicPropertyRegistry registry) {
		StoragePhases.register(registry, StoragePhase.P1);
	}

	@Nested
	class Expenses extends PhaseContracts.ExpenseApi {

	}

	@Nested
	class Incomes extends PhaseContracts.IncomeApi {

	}

	@Nested
	class ExpenseQueries extends PhaseContracts.ExpenseQueries {

	}

	@Nested
	class IncomeQueries extends PhaseContracts.IncomeQueries {

	}

	@Nested
	class ExpenseCsv extends PhaseContracts.ExpenseCsv {

	}

	@Nested
	class IncomeCsv extends PhaseContracts.IncomeCsv {

	}

	/** After every suite: both stores hold the same records and no entry is open. */
	@Nested
	@Order(Integer.MAX_VALUE - 1)
	class StoresAgree extends ApiTestSupport {

		@Autowired
		StorageMirrors mirrors;

		@Autowired
		DataSource dataSource;

		@Test
		void afterEverySuite() {
			assertThat(this.mirrors.awaitIdle(Duration.ofMinutes(5))).isTrue();
			for (LedgerFile file : LedgerFile.values()) {
				assertThat(StoreContents.json(StoragePhases.jsonDirectory(DATABASE), file)).as(file.fileName())
					.isNotEmpty()
					.isEqualTo(StoreContents.database(this.dataSource, file));
			}
			assertThat(this.mirrors.journal().openEntries()).isEmpty();
		}

		@Test
		void showsThePhaseWithoutAPath() {
			ApiResponse response = get("/api/v1/storage");
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.json().get("phase").asString()).isEqualTo("P1");
			assertThat(response.json().get("primary").asString()).isEqualTo("json");
			assertThat(response.json().get("use_database_storage_from").asString())
				.isEqualTo("FF_USE_DATABASE_STORAGE");
			assertThat(response.json().get("mirror").asString()).isEqualTo("postgres");
			assertThat(response.json().get("open_repair_entries").asLong()).isZero();
			assertThat(response.body()).doesNotContain("/");
			ApiResponse ready = get("/api/v1/health/ready");
			assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
			assertThat(ready.json().get("checks").get("json_store").get("status").asString()).isEqualTo("up");
		}

		@Test
		void countsMirrorCopies() {
			assertThat(get("/metrics").body()).contains("storage_repair_open_entries 0.0")
				.containsPattern("storage_mirror_copies_total\\{entity=\"expense\",operation=\"create\"\\} [1-9]");
		}

	}

	/**
	 * A JSON file that cannot be replaced (here: a directory in the way of the rename)
	 * fails the write with 503 and the contract's body, changes neither store, and makes
	 * the app unready while the file cannot be written: ready again once it can, before
	 * any write succeeded.
	 */
	@Nested
	@Order(Integer.MAX_VALUE)
	class FailedJsonWrite extends ApiTestSupport {

		@Autowired
		StorageMirrors mirrors;

		@Autowired
		DataSource dataSource;

		@Test
		void isA503WithoutAPathAndChangesNothing() throws IOException {
			Path directory = StoragePhases.jsonDirectory(DATABASE);
			Path file = directory.resolve("expenses.json");
			byte[] before = Files.readAllBytes(file);
			long rows = StoreContents.database(this.dataSource, LedgerFile.EXPENSES).size();
			Path aside = directory.resolve("expenses.json.aside");
			Files.move(file, aside);
			Files.createDirectory(file);
			try {
				ApiResponse refused = post("/api/v1/expense",
						"{\"date\":\"2025-11-10\",\"category\":\"disk full\",\"amount\":1,\"account\":\"A\"}");
				assertThat(refused.status()).isEqualTo(503);
				assertThat(refused.header("Retry-After")).isNotNull();
				assertThat(refused.json().get("detail").asString())
					.startsWith("The data store is temporarily unavailable");
				assertThat(refused.body()).doesNotContain("/").doesNotContain("json").doesNotContain("Exception");
				ApiResponse ready = get("/api/v1/health/ready");
				assertThat(ready.status()).isEqualTo(503);
				assertThat(ready.json().get("checks").get("json_store").get("reason").asString())
					.isEqualTo("the last write of expenses.json failed and it still cannot be written");
			}
			finally {
				Files.delete(file);
				Files.move(aside, file);
			}
			assertThat(Files.readAllBytes(file)).isEqualTo(before);
			ApiResponse readyAgain = get("/api/v1/health/ready");
			assertThat(readyAgain.status()).as("ready again without a write: %s", readyAgain).isEqualTo(200);
			assertThat(this.mirrors.awaitIdle(Duration.ofMinutes(2))).isTrue();
			assertThat(StoreContents.database(this.dataSource, LedgerFile.EXPENSES)).hasSize((int) rows);
			assertThat(this.mirrors.journal().openEntries()).isEmpty();
			assertThat(post("/api/v1/expense",
					"{\"date\":\"2025-11-10\",\"category\":\"disk back\",\"amount\":1,\"account\":\"A\"}")
				.status()).isEqualTo(200);
			assertThat(get("/api/v1/health/ready").status()).isEqualTo(200);
		}

	}

}
