package dev.homebudget.expense;

import java.util.UUID;

import dev.homebudget.support.ApiTestSupport;
import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The expense summary and the original's two demo flags (contract §3, §9.3). */
class ExpenseSummaryApiIntegrationTests extends ApiTestSupport {

	private String seedHundredTwoHundredThreeHundred() {
		String account = "sum-" + UUID.randomUUID().toString().substring(0, 8);
		for (String amount : new String[] { "100", "200", "300" }) {
			post("/api/v1/expense", "{\"date\":\"2025-11-10\",\"category\":\"S\",\"amount\":" + amount
					+ ",\"account\":\"" + account + "\"}");
		}
		return account;
	}

	@Test
	void shouldSummarizeWithTheFlagsOff() {
		String account = seedHundredTwoHundredThreeHundred();
		ApiResponse response = get("/api/v1/expense/summary?account=" + account);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body())
			.isEqualTo("{\"total\":600.00,\"count\":3,\"formatted\":{\"total\":\"600.00 \u20aa\"}}");
		assertThat(get("/api/v1/expense/summary?account=nobody-" + UUID.randomUUID()).body())
			.isEqualTo("{\"total\":0.00,\"count\":0,\"formatted\":{\"total\":\"0.00 \u20aa\"}}");
		assertThat(get("/api/v1/expense/summary?from=2025-13-01").status()).isEqualTo(422);
	}

	/**
	 * A range of dates alone is summed from the kept month totals (whole months) and the
	 * days at its edges; with any other filter every row is read. Both give the same
	 * body, with one currency and with two.
	 */
	@Test
	void aRangeOfDatesSumsTheSameFromTheKeptMonthTotals() {
		String[][] rows = { { "2093-01-14", "9.99" }, { "2093-01-15", "10.10" }, { "2093-02-01", "20.20" },
				{ "2093-02-28", "30.30" }, { "2093-03-10", "40.40" }, { "2093-03-11", "50.50" } };
		for (String[] row : rows) {
			assertThat(post("/api/v1/expense",
					"{\"date\":\"" + row[0] + "\",\"category\":\"S\",\"amount\":" + row[1] + ",\"account\":\"Cash\"}")
				.status()).isEqualTo(200);
		}
		String range = "/api/v1/expense/summary?from=2093-01-15&to=2093-03-10";
		String kept = get(range).body();
		assertThat(kept).isEqualTo("{\"total\":101.00,\"count\":4,\"formatted\":{\"total\":\"101.00 \u20aa\"}}");
		assertThat(get(range + "&min_amount=0").body()).isEqualTo(kept);
		assertThat(post("/api/v1/expense", "{\"date\":\"2093-02-10\",\"category\":\"S\",\"amount\":5,"
				+ "\"account\":\"Cash\",\"currency\":\"$\"}")
			.status()).isEqualTo(200);
		String twoCurrencies = get(range).body();
		assertThat(twoCurrencies).contains("\"by_currency\"").contains("\"count\":5");
		assertThat(get(range + "&min_amount=0").body()).isEqualTo(twoCurrencies);
	}

	@Test
	void shouldListTheFlagsWithTheirSources() {
		ApiResponse response = get("/api/v1/feature-flags");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().findValuesAsString("name")).containsExactlyInAnyOrder("ENHANCED_EXPENSE_STATS",
				"EXPENSE_AMOUNT_V2_FORMAT");
		assertThat(response.json().findValuesAsString("source")).containsOnly("default");
	}

	@Test
	void shouldFormatAmountsExactly() {
		assertThat(ExpenseSummaryController.format(new java.math.BigDecimal("1234.50"), "ILS", false))
			.isEqualTo("1234.50 \u20aa");
		assertThat(ExpenseSummaryController.format(new java.math.BigDecimal("1234.50"), "ILS", true))
			.isEqualTo("1,234.50 \u20aa");
		assertThat(ExpenseSummaryController.format(new java.math.BigDecimal("1234567.89"), "ILS", true))
			.isEqualTo("1,234,567.89 \u20aa");
		assertThat(ExpenseSummaryController.format(new java.math.BigDecimal("12.00"), "USD", false))
			.isEqualTo("12.00 $");
		assertThat(ExpenseSummaryController.format(new java.math.BigDecimal("12.00"), "CHF", false))
			.isEqualTo("12.00 CHF");
	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "FF_ENHANCED_EXPENSE_STATS=true", "FF_EXPENSE_AMOUNT_V2_FORMAT=YES" })
	class WithBothFlagsOnInTheEnvironment extends ApiTestSupport {

		@DynamicPropertySource
		static void ownDatabase(DynamicPropertyRegistry registry) {
			registry.add("budget.database.url", () -> TestDatabase.jdbcUrl("summary_flags"));
		}

		@Test
		void shouldAddAverageMinAndMaxFormattedWithSeparators() {
			String account = "sum-" + UUID.randomUUID().toString().substring(0, 8);
			for (String amount : new String[] { "1000", "2000.50", "300" }) {
				post("/api/v1/expense", "{\"date\":\"2025-11-10\",\"category\":\"S\",\"amount\":" + amount
						+ ",\"account\":\"" + account + "\"}");
			}
			ApiResponse response = get("/api/v1/expense/summary?account=" + account);
			assertThat(response.body()).isEqualTo("{\"total\":3300.50,\"count\":3,\"average\":1100.17,\"min\":300.00,"
					+ "\"max\":2000.50,\"formatted\":{\"total\":\"3,300.50 \u20aa\",\"average\":\"1,100.17 \u20aa\","
					+ "\"min\":\"300.00 \u20aa\",\"max\":\"2,000.50 \u20aa\"}}");
			assertThat(get("/api/v1/feature-flags").json().findValuesAsString("source")).containsOnly("environment");
		}

	}

}
