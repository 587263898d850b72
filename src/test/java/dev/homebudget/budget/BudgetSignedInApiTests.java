package dev.homebudget.budget;

import java.util.List;
import java.util.UUID;

import dev.homebudget.support.ApiTestSupport.ApiResponse;
import dev.homebudget.support.SignedInHouseholdsSupport;
import dev.homebudget.support.TokenCaller;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Budgets in sign-in mode: a viewer reads the budget and changes none of it, and a member
 * budget counts one member's share of each expense (the who-paid/for-whom shares), not
 * the whole amount.
 */
class BudgetSignedInApiTests extends SignedInHouseholdsSupport {

	private static int category(TokenCaller user, String name) {
		ApiResponse created = user.json("POST", "/api/v1/categories",
				"{\"name\":\"" + name + "\",\"kind\":\"expense\"}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asInt();
	}

	private static void expense(TokenCaller user, String category, String amount, String split) {
		ApiResponse created = user.json("POST", "/api/v1/expense", "{\"date\":\"2025-11-10\",\"category\":\"" + category
				+ "\",\"amount\":" + amount + ",\"account\":\"Cash\"" + split + "}");
		assertThat(created.status()).as(created.toString()).isEqualTo(200);
	}

	private static String share(TokenCaller user, String amount) {
		return "{\"user_id\":" + user.userId() + ",\"amount\":\"" + amount + "\"}";
	}

	private static JsonNode line(TokenCaller user, String period, int category) {
		ApiResponse response = user.get("/api/v1/budgets/" + period);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		for (JsonNode row : response.json().get("categories")) {
			if (row.get("category_id").asInt() == category) {
				return row;
			}
		}
		throw new AssertionError("no line for category " + category + " in " + response);
	}

	@Test
	void aViewerReadsTheBudgetAndChangesNoneOfIt() {
		TokenCaller owner = newUser("bo");
		TokenCaller viewer = newUser("bv");
		int household = currentHousehold(owner);
		join(owner, household, "viewer", viewer);
		int food = category(owner, "Food " + UUID.randomUUID());
		int fun = category(owner, "Fun " + UUID.randomUUID());
		assertThat(owner.json("PUT", "/api/v1/budgets/2025-11/categories/" + food, "{\"assigned\":100}").status())
			.isEqualTo(200);
		for (String path : List.of("/api/v1/budgets/settings", "/api/v1/budgets/2025-11",
				"/api/v1/budgets/2025-11/categories/" + food + "/explain",
				"/api/v1/reports/budget?from=2025-01&to=2025-12")) {
			ApiResponse read = viewer.get(path);
			assertThat(read.status()).as(path + " " + read).isEqualTo(200);
		}
		for (ApiResponse refused : List.of(viewer.json("PUT", "/api/v1/budgets/settings", "{\"start_day\":10}"),
				viewer.json("PUT", "/api/v1/budgets/2025-11/categories/" + food, "{\"assigned\":1}"),
				viewer.json("POST", "/api/v1/budgets/2025-11/moves",
						"{\"from\":" + food + ",\"to\":" + fun + ",\"amount\":10}"),
				viewer.json("POST", "/api/v1/budgets/2025-11/copy", "{\"to\":\"2025-12\"}"),
				viewer.json("POST", "/api/v1/budgets/2025-12/fill", "{}"))) {
			assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
		}
		assertThat(line(owner, "2025-11", food).get("assigned").decimalValue()).isEqualByComparingTo("100.00");
		assertThat(line(owner, "2025-12", food).get("assigned").decimalValue()).isEqualByComparingTo("0.00");
		assertThat(owner.get("/api/v1/budgets/settings").json().get("start_day").asInt()).isEqualTo(1);
	}

	@Test
	void aMemberBudgetCountsThatMembersShareOfEachExpense() {
		TokenCaller a = newUser("ma");
		TokenCaller b = newUser("mb");
		TokenCaller outsider = newUser("mo");
		int household = currentHousehold(a);
		join(a, household, "member", b);
		String name = "Eating out " + UUID.randomUUID();
		int eatingOut = category(a, name);
		// 30.00 split equally by the two, 12.00 for b alone, 10.00 of which a's share is
		// 2.50
		expense(a, name, "30.00", "");
		expense(a, name, "12.00", ",\"for_whom\":" + b.userId());
		expense(b, name, "10.00", ",\"shares\":[" + share(a, "2.50") + "," + share(b, "7.50") + "]");
		assertThat(line(a, "2025-11", eatingOut).get("spent").decimalValue()).isEqualByComparingTo("52.00");

		ApiResponse mine = a.json("PUT", "/api/v1/budgets/2025-11/categories/" + eatingOut,
				"{\"assigned\":50,\"member\":" + a.userId() + "}");
		assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
		assertThat(mine.json().get("member").asInt()).isEqualTo(a.userId());
		assertThat(mine.json().get("spent").decimalValue()).isEqualByComparingTo("17.50");
		assertThat(mine.json().get("available").decimalValue()).isEqualByComparingTo("32.50");

		ApiResponse theirs = a.json("PUT", "/api/v1/budgets/2025-11/categories/" + eatingOut,
				"{\"member\":" + b.userId() + "}");
		assertThat(theirs.json().get("spent").decimalValue()).isEqualByComparingTo("34.50");

		ApiResponse whole = a.json("PUT", "/api/v1/budgets/2025-11/categories/" + eatingOut, "{\"member\":0}");
		assertThat(whole.json().has("member") && !whole.json().get("member").isNull()).isFalse();
		assertThat(whole.json().get("spent").decimalValue()).isEqualByComparingTo("52.00");

		ApiResponse stranger = a.json("PUT", "/api/v1/budgets/2025-11/categories/" + eatingOut,
				"{\"member\":" + outsider.userId() + "}");
		assertThat(stranger.status()).as(stranger.toString()).isEqualTo(422);
	}

}
