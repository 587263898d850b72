package dev.homebudget.report;

import dev.homebudget.support.ApiTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports over a year no other test writes to (1987), so totals are exact.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportApiIntegrationTests extends ApiTestSupport {

	@BeforeAll
	void seed() {
		expense("1987-01-05", "Food", "Mega", "10.10", "Cash");
		expense("1987-01-20", "Food", "Mega", "0.20", "Visa");
		expense("1987-03-01", "Rent", null, "3000.00", "Bank");
		expense("1987-12-31", "Fun", "Cinema", "0.10", "Cash");
		income("1987-01-01", "Salary", "8200.00", "Bank");
		income("1987-03-10", "Freelance", "1250.55", "PayPal");
	}

	private void expense(String date, String category, String business, String amount, String account) {
		String businessJson = (business == null) ? "null" : "\"" + business + "\"";
		assertThat(
				post("/api/v1/expense",
						"{\"date\":\"" + date + "\",\"business\":" + businessJson + ",\"category\":\"" + category
								+ "\",\"amount\":" + amount + ",\"account\":\"" + account + "\"}")
					.status())
			.isEqualTo(200);
	}

	private void income(String date, String category, String amount, String account) {
		assertThat(post("/api/v1/income", "{\"date\":\"" + date + "\",\"category\":\"" + category + "\",\"amount\":"
				+ amount + ",\"account\":\"" + account + "\"}")
			.status()).isEqualTo(200);
	}

	@Test
	void shouldTotalARangeExactly() {
		ApiResponse response = get("/api/v1/reports/totals?from=1987-01-01&to=1987-01-31");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"from\":\"1987-01-01\",\"to\":\"1987-01-31\",\"expenses\":10.30,"
				+ "\"incomes\":8200.00,\"balance\":8189.70,\"expense_count\":2,\"income_count\":1}");
	}

	@Test
	void shouldReportZeroForAnEmptyRange() {
		ApiResponse response = get("/api/v1/reports/totals?from=1986-01-01&to=1986-12-31");
		assertThat(response.body()).contains("\"expenses\":0.00,").contains("\"balance\":0.00,");
	}

	@Test
	void shouldReportEveryMonthOfTheYear() {
		JsonNode report = get("/api/v1/reports/monthly?year=1987").json();
		assertThat(report.get("year").asInt()).isEqualTo(1987);
		JsonNode months = report.get("months");
		assertThat(months.size()).isEqualTo(12);
		assertThat(months.get(0).get("month").asString()).isEqualTo("1987-01");
		assertThat(months.get(0).get("expenses").decimalValue()).isEqualByComparingTo("10.30");
		assertThat(months.get(0).get("incomes").decimalValue()).isEqualByComparingTo("8200.00");
		assertThat(months.get(1).get("expenses").decimalValue()).isEqualByComparingTo("0");
		assertThat(months.get(2).get("balance").decimalValue()).isEqualByComparingTo("-1749.45");
		assertThat(months.get(11).get("expense_count").asLong()).isEqualTo(1);
		assertThat(report.get("expenses").decimalValue()).isEqualByComparingTo("3010.40");
		assertThat(report.get("balance").decimalValue()).isEqualByComparingTo("6440.15");
	}

	@Test
	void shouldTotalCategoriesLargestFirst() {
		JsonNode categories = get("/api/v1/reports/categories?kind=expense&from=1987-01-01&to=1987-12-31").json();
		assertThat(categories.size()).isEqualTo(3);
		assertThat(categories.get(0).get("category").asString()).isEqualTo("Rent");
		assertThat(categories.get(1).get("category").asString()).isEqualTo("Food");
		assertThat(categories.get(1).get("total").decimalValue()).isEqualByComparingTo("10.30");
		assertThat(categories.get(1).get("count").asLong()).isEqualTo(2);
		JsonNode incomeCategories = get("/api/v1/reports/categories?kind=income&from=1987-01-01&to=1987-12-31").json();
		assertThat(incomeCategories.get(0).get("category").asString()).isEqualTo("Salary");
		JsonNode largest = get("/api/v1/reports/categories?kind=expense&from=1987-01-01&to=1987-12-31&limit=2").json();
		assertThat(largest.findValuesAsString("category")).containsExactly("Rent", "Food");
	}

	@Test
	void shouldTotalCategoriesOfTheEntriesTheListFiltersMatch() {
		String year = "/api/v1/reports/categories?kind=expense&from=1987-01-01&to=1987-12-31";
		JsonNode cash = get(year + "&account=Cash").json();
		assertThat(cash.findValuesAsString("category")).containsExactly("Food", "Fun");
		assertThat(cash.get(0).get("total").decimalValue()).isEqualByComparingTo("10.10");
		assertThat(cash.get(0).get("count").asLong()).isEqualTo(1);
		JsonNode text = get(year + "&q=mega").json();
		assertThat(text.findValuesAsString("category")).containsExactly("Food");
		assertThat(text.get(0).get("total").decimalValue()).isEqualByComparingTo("10.30");
		assertThat(get(year + "&business=Cinema").json().findValuesAsString("category")).containsExactly("Fun");
		assertThat(get(year + "&min_amount=1&max_amount=100").json().findValuesAsString("category"))
			.containsExactly("Food");
		assertThat(get(year + "&category=rent").json().findValuesAsString("category")).containsExactly("Rent");
		assertThat(get(year + "&q=nothing-like-this").json().size()).isZero();
		// incomes have no business: ignored there, as by their list
		assertThat(get("/api/v1/reports/categories?kind=income&from=1987-01-01&to=1987-12-31&account=PayPal"
				+ "&business=Mega")
			.json()
			.findValuesAsString("category")).containsExactly("Freelance");
	}

	@Test
	void shouldListDistinctValuesMostUsedFirst() {
		JsonNode businesses = get("/api/v1/reports/values?field=business").json();
		assertThat(businesses.get(0).has("value")).isTrue();
		assertThat(businesses.findValuesAsString("value")).contains("Mega", "Cinema").doesNotContain("");
		JsonNode accounts = get("/api/v1/reports/values?kind=income&field=account&limit=1000").json();
		assertThat(accounts.findValuesAsString("value")).contains("Bank", "PayPal");
	}

	@ParameterizedTest
	@CsvSource({ "'/api/v1/reports/totals?from=1987-02-30',from",
			"'/api/v1/reports/totals?from=1987-02-01&to=1987-01-01',to", "'/api/v1/reports/monthly?year=abc',year",
			"'/api/v1/reports/monthly?year=0',year", "'/api/v1/reports/categories?kind=transfer',kind",
			"'/api/v1/reports/values',field", "'/api/v1/reports/values?field=notes',field",
			"'/api/v1/reports/values?kind=income&field=business',field",
			"'/api/v1/reports/values?field=category&limit=0',limit",
			"'/api/v1/reports/values?field=category&limit=x',limit", "'/api/v1/reports/categories?limit=0',limit",
			"'/api/v1/reports/categories?limit=1001',limit", "'/api/v1/reports/categories?min_amount=x',min_amount",
			"'/api/v1/reports/categories?paid_by=x',paid_by" })
	void shouldRefuseBadParametersWith422(String path, String parameter) {
		ApiResponse response = get(path);
		assertThat(response.status()).as(response.toString()).isEqualTo(422);
		assertThat(response.json().get("detail").get(0).get("loc").get(1).asString()).isEqualTo(parameter);
	}

	@Test
	void shouldDefaultToTheCurrentYear() {
		JsonNode report = get("/api/v1/reports/monthly").json();
		assertThat(report.get("year").asInt()).isEqualTo(java.time.LocalDate.now().getYear());
	}

}
