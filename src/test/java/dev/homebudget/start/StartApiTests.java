package dev.homebudget.start;

import java.util.List;

import dev.homebudget.support.SignedInHouseholdsSupport;
import dev.homebudget.support.TokenCaller;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page's start in one request: each part is what its own route answers for the caller
 * (same household, same role, same list pages), and bad parameters are a 422 naming them.
 */
class StartApiTests extends SignedInHouseholdsSupport {

	@Test
	void theStartHoldsEachPartAsItsOwnRouteAnswersIt() {
		TokenCaller owner = newUser("start");
		assertThat(owner.json("POST", "/api/v1/expense", expense("Food", "12.50")).status()).isEqualTo(200);
		assertThat(owner.json("POST", "/api/v1/income", income("Salary", "100.00")).status()).isEqualTo(200);

		ApiResponse response = owner.get("/api/v1/bootstrap?days=7");
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		JsonNode parts = response.json();
		assertThat(parts.has("expense")).isFalse();
		assertThat(parts.get("account").get("status").asInt()).isEqualTo(200);
		assertThat(parts.get("account").get("body").get("username").asString()).isEqualTo(owner.username());
		assertThat(parts.get("settings").get("body").toString())
			.isEqualTo(owner.get("/api/v1/settings").json().toString());
		assertThat(parts.get("categories").get("body").toString())
			.isEqualTo(owner.get("/api/v1/categories").json().toString());
		assertThat(parts.get("values.expense.category").get("body").toString())
			.isEqualTo(owner.get("/api/v1/reports/values?kind=expense&field=category&limit=200").json().toString());
		assertThat(parts.get("upcoming").get("status").asInt()).isEqualTo(200);
		assertThat(parts.get("csrf").get("status").asInt()).isEqualTo(200);

		response = owner.get("/api/v1/bootstrap/period?from=2025-11-01&to=2025-11-30&before_from=2024-11-01"
				+ "&before_to=2025-10-31&budget=2025-11&year=2025");
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		parts = response.json();
		assertThat(parts.has("account")).isFalse();
		assertThat(parts.get("totals").get("body").toString())
			.isEqualTo(owner.get("/api/v1/reports/totals?from=2025-11-01&to=2025-11-30").json().toString());
		assertThat(parts.get("expense").get("body").size()).isEqualTo(1);
		assertThat(parts.get("expense").get("body").get(0).get("business").asString()).isEqualTo("Shop");
		assertThat(parts.get("income").get("body").size()).isEqualTo(1);
		assertThat(parts.get("by_category").get("status").asInt()).isEqualTo(200);
		assertThat(parts.get("by_category_before").get("body").size()).isZero();
		assertThat(parts.get("first_expense_before").get("body").size()).isZero();
		assertThat(parts.get("budget").get("status").asInt()).isEqualTo(200);
		assertThat(parts.get("monthly.2025").get("body").get("months").size()).isEqualTo(12);
	}

	@Test
	void thePageAndItsSuggestionsCanBeAskedApartAndTogetherHoldWhatTheWholeStartHolds() {
		TokenCaller owner = newUser("apart");
		assertThat(owner.json("POST", "/api/v1/expense", expense("Food", "3.00")).status()).isEqualTo(200);
		JsonNode whole = owner.get("/api/v1/bootstrap").json();
		JsonNode page = owner.get("/api/v1/bootstrap?parts=page").json();
		JsonNode suggestions = owner.get("/api/v1/bootstrap?parts=suggestions").json();
		List<String> pageNames = page.propertyNames().stream().toList();
		List<String> suggestionNames = suggestions.propertyNames().stream().toList();
		assertThat(pageNames).contains("account", "settings", "categories", "csrf", "demo")
			.noneMatch((name) -> name.startsWith("values."));
		assertThat(suggestionNames).containsExactlyInAnyOrder("values.expense.business", "values.expense.category",
				"values.expense.account", "values.income.category", "values.income.account");
		List<String> both = new java.util.ArrayList<>(pageNames);
		both.addAll(suggestionNames);
		assertThat(both).containsExactlyInAnyOrderElementsOf(whole.propertyNames());
		assertThat(suggestions.get("values.expense.category").get("body").toString())
			.isEqualTo(whole.get("values.expense.category").get("body").toString());

		ApiResponse bad = owner.get("/api/v1/bootstrap?parts=everything");
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"query\",\"parts\"]");
	}

	@Test
	void aPeriodSwitchGetsTheListsWithTheirNextPageAndAViewerGetsWhatAViewerMayRead() {
		TokenCaller owner = newUser("period");
		TokenCaller viewer = newUser("viewer");
		join(owner, currentHousehold(owner), "viewer", viewer);
		assertThat(owner.json("POST", "/api/v1/expense", expense("Food", "1.00")).status()).isEqualTo(200);
		assertThat(owner.json("POST", "/api/v1/expense", expense("Food", "2.00")).status()).isEqualTo(200);
		assertThat(viewer.json("PUT", "/api/v1/account/household", "{\"household_id\":" + currentHousehold(owner) + "}")
			.status()).isIn(200, 204);

		ApiResponse response = viewer.get("/api/v1/bootstrap/period?from=2025-11-01&to=2025-11-30");
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		JsonNode parts = response.json();
		assertThat(parts.get("expense").get("body").size()).isEqualTo(2);
		assertThat(parts.has("account")).isFalse();
		assertThat(parts.has("budget")).isFalse();
		assertThat(parts.get("totals").get("body").get("expenses").decimalValue()).isEqualByComparingTo("3.00");
	}

	@Test
	void badParametersAreA422NamingThem() {
		TokenCaller owner = newUser("bad");
		ApiResponse response = owner.get("/api/v1/bootstrap/period?from=yesterday&budget=11-2025&year=1&year=2&year=3");
		assertThat(response.status()).as(response.toString()).isEqualTo(422);
		assertThat(response.body()).contains("\"from\"");
		response = owner.get("/api/v1/bootstrap?days=0");
		assertThat(response.status()).as(response.toString()).isEqualTo(422);
		assertThat(response.body()).contains("days");
		response = owner.get("/api/v1/bootstrap/period?from=2025-11-01&to=2025-11-30&before_from=2024-11-01");
		assertThat(response.status()).as(response.toString()).isEqualTo(422);
		assertThat(response.body()).contains("before_to");
		response = owner.get("/api/v1/bootstrap/period?budget=2025-13");
		assertThat(response.status()).as(response.toString()).isEqualTo(422);
		assertThat(response.body()).contains("budget").doesNotContain("Exception");
	}

}
