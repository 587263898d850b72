package dev.homebudget.demo;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import dev.homebudget.support.SignedInHouseholdsSupport;
import dev.homebudget.support.TokenCaller;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Demo data through the API: an empty household loads the sample (entries, categories,
 * totals and history as after ordinary creates), the status says so, and the removal
 * deletes exactly the demo's rows, edited or not, leaving what the household added. A
 * household with entries, or with demo data loaded already, is refused with a sentence;
 * viewers cannot load or remove; another household sees nothing of it.
 */
class DemoDataApiTests extends SignedInHouseholdsSupport {

	private static final String PATH = "/api/v1/demo-data";

	private int count(String table, int household) {
		return this.jdbc.sql("SELECT count(*) FROM " + table + " WHERE household_id = :household")
			.param("household", household)
			.query(Integer.class)
			.single();
	}

	private List<String> categories(int household) {
		return this.jdbc.sql("SELECT name FROM categories WHERE household_id = :household ORDER BY name")
			.param("household", household)
			.query(String.class)
			.list();
	}

	@Test
	void anEmptyHouseholdLoadsTheSampleAndRemovesExactlyIt() {
		TokenCaller owner = newUser("demo");
		int household = currentHousehold(owner);
		assertThat(owner.json("PATCH", "/api/v1/settings", "{\"base_currency\":\"EUR\"}").status()).isEqualTo(200);
		ApiResponse status = owner.get(PATH);
		assertThat(status.status()).as(status.toString()).isEqualTo(200);
		assertThat(status.json().get("loaded").asBoolean()).isFalse();

		ApiResponse loaded = owner.json("POST", PATH, null);
		assertThat(loaded.status()).as(loaded.toString()).isEqualTo(201);
		int expenses = loaded.json().get("expenses").asInt();
		int incomes = loaded.json().get("incomes").asInt();
		assertThat(loaded.json().get("loaded").asBoolean()).isTrue();
		assertThat(expenses).isBetween(40, 300);
		assertThat(incomes).isBetween(4, 20);
		assertThat(count("expenses", household)).isEqualTo(expenses);
		assertThat(count("incomes", household)).isEqualTo(incomes);
		assertThat(owner.get(PATH).body()).isEqualTo(loaded.body());
		// the categories the entries named, created as a POST creates them, linked
		assertThat(categories(household)).contains("Groceries", "Rent", "Utilities", "Transport", "Eating out",
				"Subscriptions", "Salary");
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM expenses WHERE household_id = :household AND (category_id IS NULL "
					+ "OR currency <> 'EUR' OR business IS NULL OR date > current_date)")
			.param("household", household)
			.query(Integer.class)
			.single()).isZero();
		// the month totals and history know every row
		BigDecimal sum = this.jdbc.sql("SELECT sum(amount) FROM expenses WHERE household_id = :household")
			.param("household", household)
			.query(BigDecimal.class)
			.single();
		JsonNode totals = owner.get("/api/v1/reports/totals?from=2000-01-01&to=2100-12-31").json();
		assertThat(totals.get("expenses").decimalValue()).isEqualByComparingTo(sum);
		assertThat(this.jdbc.sql(
				"SELECT count(*) FROM history_events WHERE household_id = :household AND kind IN ('expense', 'income') "
						+ "AND action = 'create'")
			.param("household", household)
			.query(Integer.class)
			.single()).isEqualTo(expenses + incomes);

		// loaded already: a second load is refused and writes nothing
		ApiResponse again = owner.json("POST", PATH, null);
		assertThat(again.status()).as(again.toString()).isEqualTo(409);
		assertThat(again.json().get("detail").asString()).isEqualTo("Demo data is loaded already; remove it first");
		assertThat(count("expenses", household)).isEqualTo(expenses);

		// the household adds its own rows (one in a demo category) and edits a demo row
		ApiResponse own = owner.json("POST", "/api/v1/expense", "{\"date\":\"2025-11-10\",\"business\":\"Mine\","
				+ "\"category\":\"Groceries\",\"amount\":3.21,\"account\":\"Cash\"}");
		assertThat(own.status()).as(own.toString()).isEqualTo(200);
		int ownExpense = own.json().get("expense").get("id").asInt();
		ApiResponse ownIncome = owner.json("POST", "/api/v1/income", income("Gift", "7.00"));
		assertThat(ownIncome.status()).as(ownIncome.toString()).isEqualTo(200);
		int demoRow = this.jdbc
			.sql("SELECT min(expense_id) FROM demo_rows WHERE household_id = :household AND kind = 'expense'")
			.param("household", household)
			.query(Integer.class)
			.single();
		ApiResponse edited = owner.json("PUT", "/api/v1/expense/" + demoRow,
				"{\"amount\":99.99,\"category\":\"Edited\",\"notes\":\"changed by hand\"}");
		assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
		// and deletes another by hand: it is in the trash, no longer the demo's
		int deleted = this.jdbc
			.sql("SELECT max(expense_id) FROM demo_rows WHERE household_id = :household AND kind = 'expense'")
			.param("household", household)
			.query(Integer.class)
			.single();
		assertThat(owner.delete("/api/v1/expense/" + deleted).status()).isEqualTo(200);
		assertThat(owner.get(PATH).json().get("expenses").asInt()).isEqualTo(expenses - 1);

		ApiResponse removed = owner.delete(PATH);
		assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
		assertThat(removed.json().get("expenses").asInt()).isEqualTo(expenses - 1);
		assertThat(removed.json().get("incomes").asInt()).isEqualTo(incomes);
		assertThat(this.jdbc.sql("SELECT id FROM expenses WHERE household_id = :household")
			.param("household", household)
			.query(Integer.class)
			.list()).containsExactly(ownExpense);
		assertThat(this.jdbc.sql("SELECT category FROM incomes WHERE household_id = :household")
			.param("household", household)
			.query(String.class)
			.list()).containsExactly("Gift");
		// the demo's categories went, but the one the household's own entry uses
		assertThat(categories(household)).containsExactlyInAnyOrder("Groceries", "Gift", "Edited");
		assertThat(count("demo_rows", household)).isZero();
		assertThat(owner.get(PATH).json().get("loaded").asBoolean()).isFalse();
		assertThat(
				owner.get("/api/v1/reports/totals?from=2000-01-01&to=2100-12-31").json().get("expenses").decimalValue())
			.isEqualByComparingTo("3.21");

		// nothing loaded: a removal is a 404 with a sentence; entries: a load is a 409
		ApiResponse nothing = owner.delete(PATH);
		assertThat(nothing.status()).as(nothing.toString()).isEqualTo(404);
		assertThat(nothing.json().get("detail").asString()).isEqualTo("No demo data is loaded in this household");
		ApiResponse notEmpty = owner.json("POST", PATH, null);
		assertThat(notEmpty.status()).as(notEmpty.toString()).isEqualTo(409);
		assertThat(notEmpty.json().get("detail").asString()).startsWith("This household has entries already");
	}

	@Test
	void aRetriedLoadWithTheSameKeyAnswersTheFirstResponse() {
		TokenCaller owner = newUser("demo-key");
		int household = currentHousehold(owner);
		Map<String, String> key = Map.of("Idempotency-Key", "demo-load-1");
		ApiResponse first = owner.send("POST", PATH, null, "application/json", key);
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		ApiResponse second = owner.send("POST", PATH, null, "application/json", key);
		assertThat(second.status()).as(second.toString()).isEqualTo(201);
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(count("expenses", household)).isEqualTo(first.json().get("expenses").asInt());
		assertThat(owner.delete(PATH).status()).isEqualTo(200);
	}

	@Test
	void viewersReadTheStatusButCannotLoadOrRemove() {
		TokenCaller owner = newUser("demo-owner");
		TokenCaller viewer = newUser("demo-viewer");
		int household = currentHousehold(owner);
		join(owner, household, "viewer", viewer);
		assertThat(viewer.json("PUT", "/api/v1/account/household", "{\"household_id\":" + household + "}").status())
			.isIn(200, 204);
		ApiResponse refused = viewer.json("POST", PATH, null);
		assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
		assertThat(count("expenses", household)).isZero();
		assertThat(owner.json("POST", PATH, null).status()).isEqualTo(201);
		assertThat(viewer.get(PATH).json().get("loaded").asBoolean()).isTrue();
		assertThat(viewer.delete(PATH).status()).isEqualTo(403);
		assertThat(owner.get(PATH).json().get("loaded").asBoolean()).isTrue();
	}

	@Test
	void anotherHouseholdSeesAndLosesNothing() {
		TokenCaller a = newUser("demo-a");
		TokenCaller b = newUser("demo-b");
		int householdB = currentHousehold(b);
		ApiResponse bExpense = b.json("POST", "/api/v1/expense", expense("B's own", "4.56"));
		assertThat(bExpense.status()).isEqualTo(200);
		assertThat(a.json("POST", PATH, null).status()).isEqualTo(201);
		assertThat(b.get(PATH).json().get("loaded").asBoolean()).isFalse();
		assertThat(b.get("/api/v1/expense").json()).hasSize(1);
		assertThat(b.delete(PATH).status()).isEqualTo(404);
		assertThat(a.delete(PATH).status()).isEqualTo(200);
		assertThat(count("expenses", householdB)).isEqualTo(1);
		assertThat(categories(householdB)).containsExactly("B's own");
	}

	@Test
	void theStartRequestSaysWhetherDemoDataIsLoaded() {
		TokenCaller owner = newUser("demo-start");
		assertThat(owner.get("/api/v1/bootstrap").json().get("demo").get("body").get("loaded").asBoolean()).isFalse();
		assertThat(owner.json("POST", PATH, null).status()).isEqualTo(201);
		JsonNode demo = owner.get("/api/v1/bootstrap").json().get("demo");
		assertThat(demo.get("status").asInt()).isEqualTo(200);
		assertThat(demo.get("body").toString()).isEqualTo(owner.get(PATH).json().toString());
	}

}
