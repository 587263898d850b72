package dev.homebudget.transition;

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
 * The v1 API suites of both resources in phase P2: PostgreSQL primary with the JSON files
 * mirrored, and every record read repeated on the mirror in test mode (a difference fails
 * the read). All nested suites share one application context, database and JSON
 * directory.
 */
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class PostgresPrimaryJsonMirrorApiTests {

	static final String DATABASE = "api_p2";

	@DynamicPropertySource
	static void phase(DynamicPropertyRegistry registry) {
		StoragePhases.register(registry, StoragePhase.P2);
		// every record read is repeated on the JSON mirror, and any difference fails it:
		// the suites calibrate the experiment (no noise while the stores agree)
		registry.add("budget.storage.shadow-reads", () -> "100");
		registry.add("budget.storage.shadow-reads-raise", () -> "true");
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
	@Order(Integer.MAX_VALUE)
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
			for (LedgerFile file : LedgerFile.values()) {
				ShadowReads.Snapshot shadow = this.mirrors.shadows().get(file.entryName()).snapshot();
				System.out.println("P2 shadow reads of " + file.entryName() + ": " + shadow);
				assertThat(shadow.mismatched()).as(shadow.toString()).isZero();
				assertThat(shadow.matched()).as(shadow.toString()).isPositive();
			}
		}

		@Test
		void showsThePhaseWithoutAPath() {
			ApiResponse response = get("/api/v1/storage");
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.json().get("phase").asString()).isEqualTo("P2");
			assertThat(response.json().get("primary").asString()).isEqualTo("postgres");
			assertThat(response.json().get("use_database_storage_from").asString())
				.isEqualTo("FF_USE_DATABASE_STORAGE");
			assertThat(response.json().get("mirror").asString()).isEqualTo("json");
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

}
