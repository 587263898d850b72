package dev.homebudget.budget;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import dev.homebudget.support.ApiTestSupport;
import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v1/budgets} in single-user mode on PostgreSQL alone: a payday plan,
 * carrying both ways, covering an overspending, copy, fill, explain, the report, targets,
 * and the contract's answers to bad input. A database of its own: budgets are
 * household-wide.
 */
class BudgetApiTests extends ApiTestSupport {

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		registry.add(DATABASE_URL_PROPERTY, () -> TestDatabase.jdbcUrl("budget_api"));
	}

	private int category(String name, Integer parent) {
		ApiResponse created = post("/api/v1/categories", "{\"name\":\"" + name + "\",\"kind\":\"expense\""
				+ ((parent != null) ? ",\"parent_id\":" + parent : "") + "}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asInt();
	}

	private void expense(String date, String category, String amount) {
		ApiResponse created = post("/api/v1/expense", "{\"date\":\"" + date + "\",\"category\":\"" + category
				+ "\",\"amount\":" + amount + ",\"account\":\"Cash\"}");
		assertThat(created.status()).as(created.toString()).isEqualTo(200);
	}

	private JsonNode line(JsonNode period, int category) {
		for (JsonNode row : period.get("categories")) {
			if (row.get("category_id").asInt() == category) {
				return row;
			}
		}
		throw new AssertionError("no category " + category + " in " + period);
	}

	private JsonNode period(String period) {
		ApiResponse found = get("/api/v1/budgets/" + period);
		assertThat(found.status()).as(found.toString()).isEqualTo(200);
		return found.json();
	}

	private ApiResponse assign(String period, int category, String body) {
		return put("/api/v1/budgets/" + period + "/categories/" + category, body);
	}

	@Test
	void aPaydayPlanCarriesBothWaysAndCoversAnOverspending() {
		assertThat(put("/api/v1/budgets/settings", "{\"start_day\":10,\"weekend_rule\":\"none\"}").status())
			.isEqualTo(200);
		int food = category("Food", null);
		int dining = category("Dining", food);
		int fuel = category("Fuel", null);
		assertThat(assign("2031-01", dining, "{\"assigned\":300,\"carry\":\"both\"}").status()).isEqualTo(200);
		assertThat(assign("2031-01", fuel, "{\"assigned\":200,\"carry\":\"surplus\",\"carry_cap\":50}").status())
			.isEqualTo(200);
		// the 9th belongs to December's period, the 10th to January's
		expense("2031-01-09", "Dining", "999.00");
		expense("2031-01-10", "Dining", "350.00");
		expense("2031-02-09", "Fuel", "120.00");
		JsonNode january = period("2031-01");
		assertThat(january.get("start").asString()).isEqualTo("2031-01-10");
		assertThat(january.get("end").asString()).isEqualTo("2031-02-09");
		assertThat(line(january, dining).get("spent").decimalValue()).isEqualByComparingTo("350.00");
		assertThat(line(january, dining).get("available").decimalValue()).isEqualByComparingTo("-50.00");
		assertThat(line(january, dining).get("status").asString()).isEqualTo("overspent");
		assertThat(line(january, fuel).get("available").decimalValue()).isEqualByComparingTo("80.00");
		assertThat(january.get("groups").get(0).get("name").asString()).isEqualTo("Food");

		JsonNode february = period("2031-02");
		assertThat(line(february, dining).get("carried_in").decimalValue()).isEqualByComparingTo("-50.00");
		assertThat(line(february, fuel).get("carried_in").decimalValue()).isEqualByComparingTo("50.00");

		// cover Dining's overspending from Fuel in January: February starts from zero
		ApiResponse moved = post("/api/v1/budgets/2031-01/moves",
				"{\"from\":" + fuel + ",\"to\":" + dining + ",\"amount\":\"50.00\"}");
		assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
		assertThat(line(moved.json(), dining).get("available").decimalValue()).isEqualByComparingTo("0.00");
		assertThat(line(period("2031-02"), dining).get("carried_in").decimalValue()).isEqualByComparingTo("0.00");
		assertThat(post("/api/v1/budgets/2031-01/moves",
				"{\"from\":" + fuel + ",\"to\":" + dining + ",\"amount\":\"500.00\"}")
			.status()).isEqualTo(422);

		// explain where February's carried amount comes from
		ApiResponse explained = get("/api/v1/budgets/2031-02/categories/" + fuel + "/explain");
		assertThat(explained.json()).hasSize(2);
		assertThat(explained.json().get(0).get("carried_out").decimalValue()).isEqualByComparingTo("30.00");

		// copy January into March, fill April from the average
		ApiResponse copied = post("/api/v1/budgets/2031-01/copy", "{\"to\":\"2031-03\"}");
		assertThat(copied.json().get("categories").asInt()).isEqualTo(2);
		assertThat(line(period("2031-03"), fuel).get("assigned").decimalValue()).isEqualByComparingTo("150.00");
		ApiResponse filled = post("/api/v1/budgets/2031-02/fill", "{\"periods\":1,\"overwrite\":true}");
		assertThat(filled.status()).as(filled.toString()).isEqualTo(200);
		assertThat(line(period("2031-02"), dining).get("assigned").decimalValue()).isEqualByComparingTo("350.00");

		ApiResponse report = get("/api/v1/reports/budget?from=2031-01&to=2031-03");
		assertThat(report.status()).as(report.toString()).isEqualTo(200);
		assertThat(report.json()).hasSize(3);
		assertThat(report.json().get(0).get("spent").decimalValue()).isEqualByComparingTo("470.00");
	}

	@Test
	void incomeAndToAssignAndTargets() {
		assertThat(put("/api/v1/budgets/settings", "{\"start_day\":1}").status()).isEqualTo(200);
		int rent = category("Rent", null);
		int trip = category("Trip", null);
		post("/api/v1/income",
				"{\"date\":\"2032-05-02\",\"category\":\"Salary\",\"amount\":1000,\"account\":\"Bank\"}");
		assign("2032-05", rent, "{\"assigned\":700,\"target\":{\"kind\":\"refill\",\"amount\":800}}");
		assign("2032-05", trip,
				"{\"assigned\":100,\"target\":{\"kind\":\"save_by\",\"amount\":1200,\"date\":\"2032-10-20\"}}");
		JsonNode may = period("2032-05");
		assertThat(may.get("income").decimalValue()).isEqualByComparingTo("1000.00");
		assertThat(may.get("assigned").decimalValue()).isEqualByComparingTo("800.00");
		assertThat(may.get("to_assign").decimalValue()).isEqualByComparingTo("200.00");
		assertThat(line(may, rent).get("target").get("still_needed").decimalValue()).isEqualByComparingTo("100.00");
		assertThat(line(may, rent).get("status").asString()).isEqualTo("underfunded");
		// 1200 over six periods (May to October)
		assertThat(line(may, trip).get("target").get("need").decimalValue()).isEqualByComparingTo("200.00");
		ApiResponse removed = assign("2032-05", trip, "{\"target\":null}");
		assertThat(removed.json().has("target") && !removed.json().get("target").isNull()).isFalse();
	}

	@Test
	void aMergedCategoryTakesItsPlanAlong() {
		int typo = category("Grocceries", null);
		int right = category("Groceries", null);
		assign("2033-01", typo, "{\"assigned\":40}");
		assign("2033-01", right, "{\"assigned\":60}");
		assertThat(post("/api/v1/categories/" + typo + "/merge", "{\"into\":" + right + "}").status()).isEqualTo(200);
		assertThat(line(period("2033-01"), right).get("assigned").decimalValue()).isEqualByComparingTo("100.00");
	}

	@Test
	void spendingInAnotherCurrencyIsConvertedOrMarkedIncomplete() {
		int travel = category("Travel", null);
		assertThat(post("/api/v1/exchange-rates", "{\"date\":\"2036-01-01\",\"currency\":\"USD\",\"rate\":3.657}")
			.status()).isEqualTo(201);
		for (String currency : List.of("USD", "USD", "JPY")) {
			ApiResponse created = post("/api/v1/expense", "{\"date\":\"2036-01-15\",\"category\":\"Travel\","
					+ "\"amount\":10.01,\"account\":\"Card\",\"currency\":\"" + currency + "\"}");
			assertThat(created.status()).as(created.toString()).isEqualTo(200);
		}
		assign("2036-01", travel, "{\"assigned\":100}");
		JsonNode january = period("2036-01");
		JsonNode row = line(january, travel);
		// 2 x 10.01 USD at 3.657, rounded once to cents; the yen have no rate and are
		// counted
		assertThat(row.get("spent").decimalValue()).isEqualByComparingTo("73.21");
		assertThat(row.get("spent").toString()).isEqualTo("73.21");
		assertThat(row.get("available").decimalValue()).isEqualByComparingTo("26.79");
		assertThat(row.get("unconverted").asLong()).isEqualTo(1);
		assertThat(january.get("complete").asBoolean()).isFalse();
		assertThat(january.get("currency").asString()).isEqualTo("ILS");

		// a yen rate added after the period was read (and its spending cached) counts at
		// once
		assertThat(post("/api/v1/exchange-rates", "{\"date\":\"2036-01-10\",\"currency\":\"JPY\",\"rate\":0.025}")
			.status()).isEqualTo(201);
		JsonNode converted = line(period("2036-01"), travel);
		assertThat(converted.get("spent").decimalValue()).isEqualByComparingTo("73.46");
		assertThat(converted.get("unconverted").asLong()).isZero();
		assertThat(period("2036-01").get("complete").asBoolean()).isTrue();
	}

	@Test
	void staleIfMatchIsRefused() {
		int pets = category("Pets", null);
		ApiResponse first = assign("2034-01", pets, "{\"assigned\":10}");
		String etag = first.header("ETag");
		assertThat(assign("2034-01", pets, "{\"assigned\":20}").status()).isEqualTo(200);
		ApiResponse stale = sendIfMatch("PUT", "/api/v1/budgets/2034-01/categories/" + pets, "{\"assigned\":30}", etag);
		assertThat(stale.status()).as(stale.toString()).isEqualTo(412);
	}

	private ApiResponse sendIfMatch(String method, String path, String body, String ifMatch) {
		var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + path))
			.header("Content-Type", "application/json")
			.header("If-Match", ifMatch)
			.method(method, java.net.http.HttpRequest.BodyPublishers.ofString(body));
		return send(request.build());
	}

	@Test
	void badInputGetsTheContractsShape() {
		int id = category("Shape", null);
		for (String body : List.of("{\"assigned\":-1}", "{\"assigned\":\"x\"}", "{\"carry\":\"always\"}",
				"{\"carry_floor\":5}", "{\"target\":{\"kind\":\"save_by\",\"amount\":10}}",
				"{\"target\":{\"kind\":\"someday\",\"amount\":10}}", "{\"member\":-3}", "{}", "[]")) {
			ApiResponse refused = assign("2035-01", id, body);
			assertThat(refused.status()).as(body + " " + refused).isEqualTo(422);
			assertThat(refused.json().get("detail").isArray()).isTrue();
		}
		assertThat(get("/api/v1/budgets/2035-13").status()).isEqualTo(422);
		assertThat(get("/api/v1/budgets/yesterday").status()).isEqualTo(422);
		assertThat(assign("2035-01", 2147483647, "{\"assigned\":1}").status()).isEqualTo(404);
		assertThat(put("/api/v1/budgets/settings", "{\"start_day\":31}").status()).isEqualTo(422);
		assertThat(get("/api/v1/reports/budget?from=2020-01&to=2035-01").status()).isEqualTo(422);
		assertThat(get("/api/v1/reports/budget?from=2035-02&to=2035-01").status()).isEqualTo(422);
		assertThat(assign("2035-01", id, "{\"member\":999999}").status()).isEqualTo(422);
	}

	private void schedule(String category, String amount, String currency, String start, String mode) {
		ApiResponse created = post("/api/v1/schedules",
				"{\"kind\": \"expense\", \"template\": {\"business\": \"Bill\"," + " \"category\": \"" + category
						+ "\", \"amount\": \"" + amount + "\", \"account\": \"Bank\"," + " \"currency\": \"" + currency
						+ "\", \"notes\": null}, \"rrule\": \"FREQ=MONTHLY\", \"start\": \"" + start
						+ "\", \"end\": null, \"count\": null, \"weekend\": \"keep\", \"mode\": \"" + mode + "\"}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
	}

	@Test
	void availableAfterScheduledCountsWhatSchedulesAreStillToPostInThePeriod() {
		assertThat(put("/api/v1/budgets/settings", "{\"start_day\":1}").status()).isEqualTo(200);
		String name = "Bills " + UUID.randomUUID().toString().substring(0, 8);
		int bills = category(name, null);
		// two months ahead: every occurrence of the period is still to come
		YearMonth ahead = YearMonth.now().plusMonths(2);
		assertThat(assign(ahead.toString(), bills, "{\"assigned\":100}").status()).isEqualTo(200);
		// another spelling of the category's name; one in dollars at the latest rate; one
		// in a currency without a rate (counted apart, never at 1)
		schedule(name.toUpperCase(), "30.00", "ILS", ahead.atDay(5).toString(), "auto");
		schedule(name, "10.00", "USD", ahead.atDay(7).toString(), "confirm");
		schedule(name, "4.00", "CHF", ahead.atDay(9).toString(), "auto");
		assertThat(post("/api/v1/exchange-rates",
				"{\"date\":\"" + LocalDate.now().minusDays(1) + "\",\"currency\":\"USD\",\"rate\":3.5}")
			.status()).isEqualTo(201);
		JsonNode period = period(ahead.toString());
		JsonNode row = line(period, bills);
		assertThat(row.get("available").decimalValue()).isEqualByComparingTo("100.00");
		assertThat(row.get("scheduled").decimalValue()).isEqualByComparingTo("65.00");
		assertThat(row.get("scheduled_unconverted").asLong()).isEqualTo(1);
		assertThat(row.get("available_after_scheduled").decimalValue()).isEqualByComparingTo("35.00");
		assertThat(period.get("scheduled_complete").asBoolean()).isFalse();
		assertThat(period.get("available_after_scheduled").decimalValue()).isEqualByComparingTo(
				period.get("available").decimalValue().subtract(period.get("scheduled").decimalValue()));

		// the month after counts that month's occurrences only
		JsonNode next = period(ahead.plusMonths(1).toString());
		assertThat(line(next, bills).get("scheduled").decimalValue()).isEqualByComparingTo("65.00");

		// a past period has nothing still to come
		JsonNode past = period(YearMonth.now().minusMonths(3).toString());
		for (JsonNode one : past.get("categories")) {
			assertThat(one.get("scheduled").decimalValue()).isEqualByComparingTo("0");
		}
		assertThat(past.get("scheduled_complete").asBoolean()).isTrue();
	}

}
