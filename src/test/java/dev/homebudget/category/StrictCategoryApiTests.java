package dev.homebudget.category;

import dev.homebudget.support.ApiTestSupport;
import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Strict categories ({@code strict_categories} in {@code /api/v1/settings}): with it on,
 * an expense or income written through the API must name a category the household has
 * (any case, accents or spacing, or a merged category's old name); any other name is a
 * 422 on {@code category} and nothing is written. Its own database: the setting is the
 * household's, and the other API tests create categories by naming them.
 */
class StrictCategoryApiTests extends ApiTestSupport {

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		registry.add(DATABASE_URL_PROPERTY, () -> TestDatabase.jdbcUrl("strict_categories"));
	}

	@Autowired
	JdbcClient jdbc;

	private long rows(String table) {
		return this.jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

	private ApiResponse expense(String category) {
		return post("/api/v1/expense", "{\"date\":\"2025-11-10\",\"business\":\"Shop\",\"category\":\"" + category
				+ "\",\"amount\":12.50,\"account\":\"Cash\"}");
	}

	private static void assertRefused(ApiResponse refused, String name) {
		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		JsonNode issue = refused.json().get("detail").get(0);
		assertThat(issue.get("loc").get(0).asString()).isEqualTo("body");
		assertThat(issue.get("loc").get(1).asString()).isEqualTo("category");
		assertThat(issue.get("type").asString()).isEqualTo("value_error");
		assertThat(issue.get("msg").asString()).contains("no expense category named '" + name.strip() + "'")
			.contains("strict categories");
		assertThat(issue.get("input").asString()).isEqualTo(name);
		assertThat(refused.body()).doesNotContainIgnoringCase("sql")
			.doesNotContain("Exception")
			.doesNotContain("HBV01");
	}

	@Test
	void strictCategoriesRefuseANameTheHouseholdDoesNotHaveAndWriteNothing() {
		// off by default: naming a category creates it, as v1 clients expect
		ApiResponse settings = get("/api/v1/settings");
		assertThat(settings.json().get("strict_categories").asBoolean()).isFalse();
		assertThat(expense("Groceries").status()).isEqualTo(200);
		ApiResponse fuel = post("/api/v1/categories", "{\"name\":\"Fuel\",\"kind\":\"expense\"}");
		ApiResponse petrol = post("/api/v1/categories", "{\"name\":\"Petrol\",\"kind\":\"expense\"}");
		assertThat(post("/api/v1/categories/" + petrol.json().get("id").asInt() + "/merge",
				"{\"into\":" + fuel.json().get("id").asInt() + "}")
			.status()).isEqualTo(200);

		ApiResponse on = patch("/api/v1/settings", "{\"strict_categories\":true}");
		assertThat(on.status()).as(on.toString()).isEqualTo(200);
		assertThat(on.json().get("strict_categories").asBoolean()).isTrue();
		assertThat(on.json().get("base_currency").asString()).isEqualTo("ILS");
		assertThat(get("/api/v1/settings").json().get("strict_categories").asBoolean()).isTrue();

		long expenses = rows("expenses");
		long categories = rows("categories");
		assertRefused(expense("Groceriez"), "Groceriez");
		assertRefused(expense("  New thing "), "  New thing ");
		assertThat(rows("expenses")).isEqualTo(expenses);
		assertThat(rows("categories")).isEqualTo(categories);

		// any spelling of a category it has, and a merged category's old name, still land
		ApiResponse variant = expense("  groceries ");
		assertThat(variant.status()).as(variant.toString()).isEqualTo(200);
		assertThat(variant.json().get("expense").get("category").asString()).isEqualTo("Groceries");
		ApiResponse merged = expense("petrol");
		assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
		assertThat(merged.json().get("expense").get("category").asString()).isEqualTo("Fuel");

		// a change to an unknown name is refused too, and the row stays as it was
		JsonNode row = variant.json().get("expense");
		int id = row.get("id").asInt();
		String before = this.jdbc.sql("SELECT category || ' ' || version FROM expenses WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		assertRefused(put("/api/v1/expense/" + id, "{\"category\":\"Nope\"}"), "Nope");
		ApiResponse patched = patch("/api/v1/expense/" + id, "{\"field\":\"category\",\"value\":\"Nope\"}");
		assertRefused(patched, "Nope");
		assertThat(this.jdbc.sql("SELECT category || ' ' || version FROM expenses WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo(before).startsWith("Groceries ");

		// incomes have their own categories
		ApiResponse income = post("/api/v1/income",
				"{\"date\":\"2025-11-10\",\"category\":\"Salary\",\"amount\":100,\"account\":\"Bank\"}");
		assertThat(income.status()).as(income.toString()).isEqualTo(422);
		assertThat(income.json().get("detail").get(0).get("msg").asString())
			.contains("no income category named 'Salary'");

		// an upload naming an unknown category imports nothing
		ApiResponse csv = send("POST", "/api/v1/expense/import",
				"date,business,category,amount,account,currency,notes\n2025-11-11,Shop,Groceries,5,Cash,,\n"
						+ "2025-11-12,Shop,Unheard of,6,Cash,,\n",
				"text/csv");
		assertThat(csv.status()).as(csv.toString()).isEqualTo(422);
		assertThat(rows("expenses")).isEqualTo(expenses + 2);

		ApiResponse off = patch("/api/v1/settings", "{\"strict_categories\":false}");
		assertThat(off.json().get("strict_categories").asBoolean()).isFalse();
		assertThat(expense("Groceriez").status()).isEqualTo(200);
	}

	@Test
	void settingsRefuseABadOrEmptyChange() {
		ApiResponse notBoolean = patch("/api/v1/settings", "{\"strict_categories\":\"yes\"}");
		assertThat(notBoolean.status()).as(notBoolean.toString()).isEqualTo(422);
		assertThat(notBoolean.json().get("detail").get(0).get("loc").get(1).asString()).isEqualTo("strict_categories");
		ApiResponse empty = patch("/api/v1/settings", "{}");
		assertThat(empty.status()).as(empty.toString()).isEqualTo(422);
	}

}
