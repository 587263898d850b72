package dev.homebudget.currency;

import java.time.YearMonth;
import java.util.concurrent.atomic.AtomicInteger;

import dev.homebudget.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Totals in one currency keep their v1 bodies; in several they are listed per currency
 * and converted into the base currency, with the entries left unconverted counted until a
 * rate exists. Exchange rates by hand and from the ECB's file. Each test writes into a
 * month of its own (the database is shared with the other API tests).
 */
class CurrencyApiTests extends ApiTestSupport {

	private static final AtomicInteger MONTHS = new AtomicInteger();

	/** A month of 2099 + n that no other test writes into. */
	private static String month() {
		int n = MONTHS.incrementAndGet();
		return String.format("%04d-%02d", 2099 + n / 12, 1 + n % 12);
	}

	private void expense(String date, String amount, String currency, String category) {
		ApiResponse created = post("/api/v1/expense", "{\"date\":\"" + date + "\",\"category\":\"" + category
				+ "\",\"amount\":" + amount + ",\"account\":\"Cash\",\"currency\":\"" + currency + "\"}");
		assertThat(created.status()).as(created.toString()).isEqualTo(200);
	}

	private JsonNode totals(String month) {
		ApiResponse totals = get("/api/v1/reports/totals?from=" + month + "-01&to=" + month + "-28");
		assertThat(totals.status()).as(totals.toString()).isEqualTo(200);
		return totals.json();
	}

	@Test
	void oneCurrencyKeepsTheV1BodyAndSeveralAreNeverAddedWithoutARate() {
		String month = month();
		expense(month + "-03", "100.00", "\u20aa", "Food");
		expense(month + "-04", "50.50", "ILS", "Food");
		JsonNode single = totals(month);
		assertThat(single.get("expenses").decimalValue()).isEqualByComparingTo("150.50");
		assertThat(single.has("by_currency")).isFalse();
		assertThat(single.has("currency")).isFalse();

		expense(month + "-05", "10.00", "$", "Travel");
		JsonNode several = totals(month);
		assertThat(several.get("currency").asString()).isEqualTo("ILS");
		assertThat(several.get("complete").asBoolean()).isFalse();
		assertThat(several.get("unconverted").asLong()).isEqualTo(1);
		// the headline figure holds only what could be converted: never 160.50
		assertThat(several.get("expenses").decimalValue()).isEqualByComparingTo("150.50");
		assertThat(several.get("expense_count").asLong()).isEqualTo(3);
		assertThat(several.get("by_currency").toString()).contains("\"currency\":\"ILS\"", "\"currency\":\"USD\"");
		for (JsonNode currency : several.get("by_currency")) {
			String code = currency.get("currency").asString();
			assertThat(currency.get("expenses").decimalValue())
				.isEqualByComparingTo(code.equals("ILS") ? "150.50" : "10.00");
		}

		ApiResponse rate = post("/api/v1/exchange-rates",
				"{\"date\":\"" + month + "-01\",\"currency\":\"USD\",\"rate\":\"3.65\"}");
		assertThat(rate.status()).as(rate.toString()).isEqualTo(201);
		assertThat(rate.json().get("quote").asString()).isEqualTo("ILS");
		JsonNode converted = totals(month);
		assertThat(converted.get("complete").asBoolean()).isTrue();
		assertThat(converted.get("unconverted").asLong()).isZero();
		assertThat(converted.get("expenses").decimalValue()).isEqualByComparingTo("187.00");

		ApiResponse categories = get(
				"/api/v1/reports/categories?kind=expense&from=" + month + "-01&to=" + month + "-28");
		assertThat(categories.json().get(0).get("category").asString()).isEqualTo("Food");
		assertThat(categories.json().get(1).get("total").decimalValue()).isEqualByComparingTo("36.50");
		assertThat(categories.json().get(1).get("by_currency").get(0).get("total").decimalValue())
			.isEqualByComparingTo("10.00");

		ApiResponse summary = get("/api/v1/expense/summary?from=" + month + "-01&to=" + month + "-28");
		assertThat(summary.json().get("total").decimalValue()).isEqualByComparingTo("187.00");
		assertThat(summary.json().get("formatted").get("total").asString()).isEqualTo("187.00 \u20aa");
		assertThat(summary.json().get("by_currency")).hasSize(2);
	}

	@Test
	void aMonthlyReportConvertsMonthByMonth() {
		String month = month();
		int year = Integer.parseInt(month.substring(0, 4));
		expense(month + "-10", "20.00", "\u20ac", "Museum");
		expense(month + "-11", "5.00", "\u20aa", "Museum");
		JsonNode report = get("/api/v1/reports/monthly?year=" + year).json();
		assertThat(report.get("currency").asString()).isEqualTo("ILS");
		JsonNode thisMonth = null;
		for (JsonNode row : report.get("months")) {
			if (row.get("month").asString().equals(month)) {
				thisMonth = row;
			}
		}
		assertThat(thisMonth).isNotNull();
		assertThat(thisMonth.get("unconverted").asLong()).isEqualTo(1);
		assertThat(thisMonth.get("by_currency")).hasSize(2);
	}

	@Test
	void importsTheEcbLayoutAndConvertsAcrossTheEuro() {
		String month = month();
		String csv = "Date,GBP,JPY,ILS,\n" + month + "-02,0.80,160.5,4.00,\n" + month + "-01,0.81,N/A,3.90,\n"
				+ "not-a-date,1,1,1,\n";
		ApiResponse imported = send("POST", "/api/v1/exchange-rates/import", csv, "text/csv");
		assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
		assertThat(imported.json().get("imported").asInt()).isEqualTo(5);
		assertThat(imported.json().get("rejected_count").asLong()).isEqualTo(1);
		assertThat(imported.json().get("rejected").get(0).get("line").asLong()).isEqualTo(4);
		ApiResponse listed = get(
				"/api/v1/exchange-rates?currency=EUR&quote=ILS&from=" + month + "-01&to=" + month + "-28");
		assertThat(listed.json()).hasSize(2);
		assertThat(listed.json().get(0).get("rate").decimalValue()).isEqualByComparingTo("4.00");
		expense(month + "-03", "8.00", "GBP", "Books");
		expense(month + "-03", "1.00", "ILS", "Books");
		// 8 pounds at 4.00 / 0.80 shekels per pound
		JsonNode totals = totals(month);
		assertThat(totals.get("complete").asBoolean()).isTrue();
		assertThat(totals.get("expenses").decimalValue()).isEqualByComparingTo("41.00");
	}

	@Test
	void aRejectedEcbRowKeepsNoneOfItsRates() {
		String month = month();
		// currencies no other test converts (a rate holds for the months after it too)
		String csv = "Date,SEK,JPY,NOK,\n" + month + "-03,11.20,N/A,11.70,\n" + month + "-02,11.10,160.10,abc,\n";
		ApiResponse imported = send("POST", "/api/v1/exchange-rates/import", csv, "text/csv");
		assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
		assertThat(imported.json().get("imported").asInt()).isEqualTo(2);
		assertThat(imported.json().get("rejected_count").asLong()).isEqualTo(1);
		JsonNode rejected = imported.json().get("rejected").get(0);
		assertThat(rejected.get("line").asLong()).isEqualTo(3);
		assertThat(rejected.get("reason").asString()).startsWith("Value error, column NOK: a rate is");
		assertThat(get("/api/v1/exchange-rates?from=" + month + "-02&to=" + month + "-02").json()).isEmpty();
		assertThat(get("/api/v1/exchange-rates?from=" + month + "-03&to=" + month + "-03").json()).hasSize(2);
	}

	@Test
	void refusesBadRatesAndFiles() {
		for (String body : new String[] { "{\"date\":\"2025-01-01\",\"currency\":\"XYZ\",\"rate\":1}",
				"{\"date\":\"2025-01-01\",\"currency\":\"USD\",\"rate\":-1}",
				"{\"date\":\"2025-01-01\",\"currency\":\"USD\",\"rate\":\"1e5\"}",
				"{\"date\":\"2025-02-30\",\"currency\":\"USD\",\"rate\":1}", "{\"currency\":\"USD\",\"rate\":1}",
				"{\"date\":\"2025-01-01\",\"currency\":\"ILS\",\"rate\":1}" }) {
			ApiResponse refused = post("/api/v1/exchange-rates", body);
			assertThat(refused.status()).as(body + " " + refused).isEqualTo(422);
		}
		assertThat(send("POST", "/api/v1/exchange-rates/import", "a,b\n1,2\n", "text/csv").status()).isEqualTo(422);
		assertThat(send("POST", "/api/v1/exchange-rates/import", "date,currency,rate\n", "text/plain").status())
			.isEqualTo(415);
		assertThat(send("POST", "/api/v1/exchange-rates/import", "\"unclosed", "text/csv").status()).isEqualTo(422);
		assertThat(get("/api/v1/exchange-rates?limit=0").status()).isEqualTo(422);
		assertThat(delete("/api/v1/exchange-rates/2147483647").status()).isEqualTo(404);
		assertThat(patch("/api/v1/settings", "{\"base_currency\":\"shekels\"}").status()).isEqualTo(422);
	}

	@Test
	void theBaseCurrencyIsASetting() {
		assertThat(get("/api/v1/settings").json().get("base_currency").asString()).isEqualTo("ILS");
		ApiResponse changed = patch("/api/v1/settings", "{\"base_currency\":\"\u20aa\"}");
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.json().get("base_currency").asString()).isEqualTo("ILS");
	}

	@Test
	void aSummaryInSeveralCurrenciesIsInTheBaseCurrencyOfTheMomentItIsAsked() {
		String month = month();
		assertThat(post("/api/v1/exchange-rates", "{\"date\":\"" + month + "-01\",\"currency\":\"ISK\",\"rate\":4}")
			.status()).isEqualTo(201);
		expense(month + "-03", "100.00", "ILS", "Food");
		expense(month + "-04", "10.00", "ISK", "Travel");
		String whole = "/api/v1/expense/summary?from=" + month + "-01&to=" + YearMonth.parse(month).atEndOfMonth();
		JsonNode inShekels = get(whole).json();
		assertThat(inShekels.get("currency").asString()).isEqualTo("ILS");
		assertThat(inShekels.get("total").decimalValue()).isEqualByComparingTo("140.00");
		assertThat(inShekels.get("formatted").get("total").asString()).isEqualTo("140.00 \u20aa");
		try {
			assertThat(patch("/api/v1/settings", "{\"base_currency\":\"ISK\"}").status()).isEqualTo(200);
			// the same rate read the other way: 100 / 4 + 10 (a currency no other test
			// has a rate for)
			JsonNode inKronur = get(whole).json();
			assertThat(inKronur.get("currency").asString()).isEqualTo("ISK");
			assertThat(inKronur.get("total").decimalValue()).isEqualByComparingTo("35.00");
			assertThat(inKronur.get("complete").asBoolean()).isTrue();
			assertThat(inKronur.get("formatted").get("total").asString()).isEqualTo("35.00 ISK");
		}
		finally {
			assertThat(patch("/api/v1/settings", "{\"base_currency\":\"ILS\"}").status()).isEqualTo(200);
		}
	}

}
