package dev.homebudget.household;

import java.util.UUID;

import dev.homebudget.ledger.Households;
import dev.homebudget.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single-user mode has one household, the first, and nobody to share it with: the list
 * shows it; creating, switching, members and invitations are 404 with the reason.
 */
class SingleUserHouseholdApiTests extends ApiTestSupport {

	@Autowired
	JdbcClient jdbc;

	/**
	 * Payers written while the app ran in sign-in mode stay in the table, but single-user
	 * mode keeps none: the payer filters match nothing, as in every other place without
	 * payers.
	 */
	@Test
	void payerFiltersMatchNothingEvenWhereOlderRowsNameAPayer() {
		String account = "payers-" + UUID.randomUUID().toString().substring(0, 8);
		int user = this.jdbc.sql("INSERT INTO users (username, password_hash) VALUES (:name, 'x') RETURNING id")
			.param("name", account)
			.query(Integer.class)
			.single();
		try {
			int expense = this.jdbc
				.sql("INSERT INTO expenses (household_id, date, category, amount, account, paid_by) "
						+ "VALUES (1, '2025-11-10', 'Food', 10.00, :account, :user) RETURNING id")
				.param("account", account)
				.param("user", user)
				.query(Integer.class)
				.single();
			this.jdbc.sql("INSERT INTO expense_shares (expense_id, user_id, amount) VALUES (:id, :user, 10.00)")
				.param("id", expense)
				.param("user", user)
				.update();
			String list = "/api/v1/expense?account=" + account;
			assertThat(get(list).json()).hasSize(1);
			assertThat(get(list).json().get(0).has("paid_by")).isFalse();
			assertThat(get(list + "&paid_by=" + user).json()).isEmpty();
			assertThat(get(list + "&for_whom=" + user).json()).isEmpty();
			assertThat(get(list + "&for_whom=shared").json()).isEmpty();
			assertThat(get("/api/v1/expense/export?account=" + account + "&paid_by=" + user).body().lines()).hasSize(1);
		}
		finally {
			this.jdbc.sql("DELETE FROM expenses WHERE account = :account").param("account", account).update();
			this.jdbc.sql("DELETE FROM users WHERE id = :user").param("user", user).update();
		}
	}

	@Test
	void theOnlyHouseholdIsTheFirst() {
		ApiResponse list = get("/api/v1/households");
		assertThat(list.status()).isEqualTo(200);
		JsonNode only = list.json().get(0);
		assertThat(list.json()).hasSize(1);
		assertThat(only.get("id").asInt()).isEqualTo(Households.FIRST);
		assertThat(only.get("role").asString()).isEqualTo("owner");
		assertThat(only.get("current").asBoolean()).isTrue();
		for (ApiResponse refused : new ApiResponse[] { post("/api/v1/households", "{\"name\":\"Other\"}"),
				put("/api/v1/account/household", "{\"household_id\":1}"), get("/api/v1/households/1/members"),
				post("/api/v1/households/1/invitations", "{}"), post("/api/v1/invitations/accept", "{\"code\":\"x\"}"),
				delete("/api/v1/households/1/members/1") }) {
			assertThat(refused.status()).as(refused.toString()).isEqualTo(404);
			assertThat(refused.json().get("detail").asString()).contains("single-user mode");
		}
	}

}
