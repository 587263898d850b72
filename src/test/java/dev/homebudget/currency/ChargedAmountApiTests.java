package dev.homebudget.currency;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.homebudget.support.ApiTestSupport;
import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v1/{expense,income}/{id}/charged}: what an entry in another currency
 * actually cost in the base currency wins over the exchange rate in every converted total
 * and in budgets, is covered by the entry's ETag, and leaves the v1 bodies as they were.
 * Its own database: it sets rates and the household's base currency.
 */
class ChargedAmountApiTests extends ApiTestSupport {

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		registry.add(DATABASE_URL_PROPERTY, () -> TestDatabase.jdbcUrl("charged_amounts"));
	}

	private ApiResponse putIfMatch(String path, String json, String etag) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("If-Match", etag)
			.PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
		authorize(request);
		return send(request.build());
	}

	private int expense(String date, String category, String amount, String currency) {
		ApiResponse created = post("/api/v1/expense", "{\"date\":\"" + date + "\",\"business\":\"Shop\",\"category\":\""
				+ category + "\",\"amount\":" + amount + ",\"account\":\"Card\",\"currency\":\"" + currency + "\"}");
		assertThat(created.status()).as(created.toString()).isEqualTo(200);
		return created.json().get("expense").get("id").asInt();
	}

	private JsonNode summary(String from, String to) {
		ApiResponse summary = get("/api/v1/expense/summary?from=" + from + "&to=" + to);
		assertThat(summary.status()).as(summary.toString()).isEqualTo(200);
		return summary.json();
	}

	@Test
	void theAmountChargedInTheBaseCurrencyWinsOverTheRateEverywhereItConverts() {
		assertThat(
				post("/api/v1/exchange-rates", "{\"date\":\"2031-01-01\",\"currency\":\"USD\",\"rate\":3.5}").status())
			.isEqualTo(201);
		int shekels = expense("2031-03-05", "Travel", "100.00", "ILS");
		int dollars = expense("2031-03-06", "Travel", "10.00", "USD");
		JsonNode before = summary("2031-03-01", "2031-03-31");
		assertThat(before.get("total").decimalValue()).isEqualByComparingTo("135.00");
		assertThat(before.get("complete").asBoolean()).isTrue();

		// a budget read keeps the period's spending; the charge must clear it
		int travel = get("/api/v1/categories?kind=expense").json()
			.valueStream()
			.filter((c) -> c.get("name").asString().equals("Travel"))
			.findFirst()
			.orElseThrow()
			.get("id")
			.asInt();
		assertThat(put("/api/v1/budgets/2031-03/categories/" + travel, "{\"assigned\":200}").status()).isEqualTo(200);
		assertThat(spent(travel)).isEqualByComparingTo("135.00");

		ApiResponse none = get("/api/v1/expense/" + dollars + "/charged");
		assertThat(none.status()).as(none.toString()).isEqualTo(200);
		assertThat(none.json().get("charged_amount").isNull()).isTrue();
		assertThat(none.json().get("currency").asString()).isEqualTo("USD");
		String etag = none.header("ETag");

		ApiResponse charged = putIfMatch("/api/v1/expense/" + dollars + "/charged", "{\"amount\":37.42}", etag);
		assertThat(charged.status()).as(charged.toString()).isEqualTo(200);
		assertThat(charged.json().get("charged_amount").decimalValue()).isEqualByComparingTo("37.42");
		assertThat(charged.json().get("charged_currency").asString()).isEqualTo("ILS");
		assertThat(charged.header("ETag")).isNotEqualTo(etag);
		// the old ETag no longer matches
		ApiResponse stale = putIfMatch("/api/v1/expense/" + dollars + "/charged", "{\"amount\":1}", etag);
		assertThat(stale.status()).as(stale.toString()).isEqualTo(412);

		JsonNode after = summary("2031-03-01", "2031-03-31");
		assertThat(after.get("total").decimalValue()).isEqualByComparingTo("137.42");
		// each currency's own figures are the entries' own
		assertThat(after.get("by_currency").toString()).contains("\"USD\"").contains("10.00");
		ApiResponse report = get("/api/v1/reports/categories?kind=expense&from=2031-03-01&to=2031-03-31");
		assertThat(report.status()).as(report.toString()).isEqualTo(200);
		assertThat(report.body()).contains("137.42");
		assertThat(spent(travel)).isEqualByComparingTo("137.42");

		// v1 bodies do not carry it
		ApiResponse list = get("/api/v1/expense?from=2031-03-01&to=2031-03-31");
		assertThat(list.body()).doesNotContain("charged").doesNotContain("37.42");

		// into another base currency the rates convert it as before
		assertThat(patch("/api/v1/settings", "{\"base_currency\":\"USD\"}").status()).isEqualTo(200);
		JsonNode inDollars = summary("2031-03-01", "2031-03-31");
		assertThat(inDollars.get("currency").asString()).isEqualTo("USD");
		assertThat(inDollars.get("total").decimalValue()).isEqualByComparingTo("38.57");
		assertThat(patch("/api/v1/settings", "{\"base_currency\":\"ILS\"}").status()).isEqualTo(200);

		ApiResponse cleared = delete("/api/v1/expense/" + dollars + "/charged");
		assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
		assertThat(cleared.json().get("charged_amount").isNull()).isTrue();
		assertThat(summary("2031-03-01", "2031-03-31").get("total").decimalValue()).isEqualByComparingTo("135.00");
		assertThat(spent(travel)).isEqualByComparingTo("135.00");
		assertThat(shekels).isPositive();
	}

	private java.math.BigDecimal spent(int category) {
		ApiResponse period = get("/api/v1/budgets/2031-03");
		assertThat(period.status()).as(period.toString()).isEqualTo(200);
		for (JsonNode row : period.json().get("categories")) {
			if (row.get("category_id").asInt() == category) {
				return row.get("spent").decimalValue();
			}
		}
		throw new AssertionError("no budget row for " + category);
	}

	@Test
	void incomesHaveItTooAndBadInputIsRefused() {
		ApiResponse income = post("/api/v1/income",
				"{\"date\":\"2031-04-01\",\"category\":\"Salary\",\"amount\":1000,\"account\":\"Bank\",\"currency\":\"USD\"}");
		assertThat(income.status()).as(income.toString()).isEqualTo(200);
		int id = income.json().get("income").get("id").asInt();
		ApiResponse set = put("/api/v1/income/" + id + "/charged", "{\"amount\":3650.10}");
		assertThat(set.status()).as(set.toString()).isEqualTo(200);
		assertThat(get("/api/v1/income/" + id + "/charged").json().get("charged_amount").decimalValue())
			.isEqualByComparingTo("3650.10");

		int expense = expense("2031-04-02", "Travel", "5.00", "USD");
		for (String bad : new String[] { "{\"amount\":-1}", "{\"amount\":\"lots\"}", "{}", "{\"amount\":1e12}" }) {
			ApiResponse refused = put("/api/v1/expense/" + expense + "/charged", bad);
			assertThat(refused.status()).as(bad + " " + refused).isEqualTo(422);
			assertThat(refused.json().get("detail").get(0).get("loc").get(1).asString()).isEqualTo("amount");
		}
		assertThat(send("PUT", "/api/v1/expense/" + expense + "/charged", "not json", "application/json").status())
			.isIn(400, 422);
		ApiResponse missing = put("/api/v1/expense/999999/charged", "{\"amount\":1}");
		assertThat(missing.status()).as(missing.toString()).isEqualTo(404);
		assertThat(get("/api/v1/income/999999/charged").status()).isEqualTo(404);
		// as for the entry itself, a path id that is not a number is a 422
		assertThat(get("/api/v1/expense/abc/charged").status()).isEqualTo(422);
	}

}
