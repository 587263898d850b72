package dev.homebudget.transition;

import dev.homebudget.config.StoragePhase;
import dev.homebudget.support.ApiTestSupport;
import dev.homebudget.support.StoragePhases;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The v1 API suites of both resources in phase P0: JSON files only. All nested suites
 * share one application context, database and JSON directory.
 */
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class JsonOnlyApiTests {

	static final String DATABASE = "api_p0";

	@DynamicPropertySource
	static void phase(DynamicPropertyRegistry registry) {
		StoragePhases.register(registry, StoragePhase.P0);
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

	@Nested
	class Storage extends ApiTestSupport {

		@Test
		void showsThePhaseWithoutAPath() {
			ApiResponse response = get("/api/v1/storage");
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.json().get("phase").asString()).isEqualTo("P0");
			assertThat(response.json().get("primary").asString()).isEqualTo("json");
			assertThat(response.json().get("use_database_storage_from").asString())
				.isEqualTo("FF_USE_DATABASE_STORAGE");
			assertThat(response.body()).doesNotContain("/");
			ApiResponse ready = get("/api/v1/health/ready");
			assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
			assertThat(ready.json().get("checks").get("json_store").get("status").asString()).isEqualTo("up");
		}

	}

}
