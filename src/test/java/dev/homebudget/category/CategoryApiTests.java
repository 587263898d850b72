package dev.homebudget.category;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.homebudget.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v1/categories} and {@code /api/v1/suggestions} in single-user mode on
 * PostgreSQL alone: managed categories, and entries that land in them whatever the case,
 * accents or spaces they are written with. Names carry a random suffix: the database is
 * shared with the other API tests.
 */
class CategoryApiTests extends ApiTestSupport {

	@Autowired
	JdbcClient jdbc;

	private static String unique(String name) {
		return name + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	private JsonNode create(String name, String kind, Integer parent) {
		ApiResponse created = post("/api/v1/categories", "{\"name\":\"" + name + "\",\"kind\":\"" + kind + "\""
				+ ((parent != null) ? ",\"parent_id\":" + parent : "") + "}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json();
	}

	private JsonNode expense(String category, String amount) {
		ApiResponse created = post("/api/v1/expense", "{\"date\":\"2025-11-10\",\"business\":\"Shop\",\"category\":\""
				+ category + "\",\"amount\":" + amount + ",\"account\":\"Cash\"}");
		assertThat(created.status()).as(created.toString()).isEqualTo(200);
		return created.json().get("expense");
	}

	private JsonNode category(int id) {
		ApiResponse found = get("/api/v1/categories/" + id);
		assertThat(found.status()).as(found.toString()).isEqualTo(200);
		return found.json();
	}

	private String textOf(int expense) {
		return this.jdbc.sql("SELECT category FROM expenses WHERE id = :id")
			.param("id", expense)
			.query(String.class)
			.single();
	}

	private int categoryIdOf(int expense) {
		return this.jdbc.sql("SELECT category_id FROM expenses WHERE id = :id")
			.param("id", expense)
			.query(Integer.class)
			.single();
	}

	@Test
	void createsACategoryAndRefusesTheSameNameInAnySpellingInTheSameGroup() {
		String name = unique("Groceries");
		JsonNode created = create(name, "expense", null);
		assertThat(created.get("name").asString()).isEqualTo(name);
		assertThat(created.get("kind").asString()).isEqualTo("expense");
		assertThat(created.get("parent_id").isNull()).isTrue();
		assertThat(created.get("archived").asBoolean()).isFalse();
		assertThat(created.get("entries").asLong()).isZero();
		ApiResponse again = post("/api/v1/categories",
				"{\"name\":\"  " + name.toUpperCase() + " \",\"kind\":\"expense\"}");
		assertThat(again.status()).as(again.toString()).isEqualTo(409);
		assertThat(again.json().get("detail").asString()).contains("already exists");
		// an income category of the same name is another category
		create(name, "income", null);
		ApiResponse listed = get("/api/v1/categories?kind=expense");
		assertThat(listed.status()).isEqualTo(200);
		assertThat(listed.json().findValuesAsString("name")).contains(name);
		assertThat(listed.json().findValuesAsString("kind")).containsOnly("expense");
	}

	@Test
	void entriesLandInTheirCategoryWhateverTheSpelling() {
		String name = unique("Épicerie Fine");
		int id = create(name, "expense", null).get("id").asInt();
		String typed = " " + name.toLowerCase().replace("é", "e").replace(" ", "  ") + " ";
		JsonNode written = expense(typed, "12.50");
		assertThat(written.get("category").asString()).isEqualTo(name);
		assertThat(categoryIdOf(written.get("id").asInt())).isEqualTo(id);
		assertThat(category(id).get("entries").asLong()).isEqualTo(1);
		// the category filter matches it too
		ApiResponse filtered = get("/api/v1/expense?category=" + typed.strip().replace(" ", "%20"));
		assertThat(filtered.status()).isEqualTo(200);
		assertThat(ids(filtered.json())).containsExactly(written.get("id").asInt());
		// a new name makes a new category
		String fresh = unique("Hobbies");
		JsonNode other = expense(fresh, "3.00");
		int freshId = categoryIdOf(other.get("id").asInt());
		assertThat(category(freshId).get("name").asString()).isEqualTo(fresh);
	}

	@Test
	void aGroupFilterMatchesItsCategoriesAndReportsNameTheCategory() {
		int group = create(unique("Food"), "expense", null).get("id").asInt();
		String dining = unique("Dining");
		String bakery = unique("Bakery");
		create(dining, "expense", group);
		create(bakery, "expense", group);
		int one = expense(dining, "10.00").get("id").asInt();
		int two = expense(bakery, "5.25").get("id").asInt();
		String groupName = category(group).get("name").asString();
		ApiResponse filtered = get("/api/v1/expense?limit=10&category=" + groupName.replace(" ", "%20"));
		assertThat(ids(filtered.json())).containsExactlyInAnyOrder(one, two);
		// a row written with another spelling (as an import would) is counted in the
		// report
		// under the category's name
		this.jdbc
			.sql("INSERT INTO expenses (date, category, amount, account) VALUES (DATE '2031-03-03', :c, 1.00, 'x')")
			.param("c", dining.toUpperCase())
			.update();
		ApiResponse report = get("/api/v1/reports/categories?kind=expense&from=2031-03-01&to=2031-03-31");
		assertThat(report.status()).as(report.toString()).isEqualTo(200);
		assertThat(report.body()).contains("\"" + dining + "\"").doesNotContain(dining.toUpperCase());
	}

	@Test
	void renamingShowsTheNewNameOnEveryEntryAndTheOldNameKeepsLeadingThere() {
		String old = unique("Transport");
		int id = create(old, "expense", null).get("id").asInt();
		int entry = expense(old, "7.00").get("id").asInt();
		ApiResponse current = get("/api/v1/categories/" + id);
		String etag = current.header("ETag");
		assertThat(etag).isNotBlank();
		String renamed = unique("Travel");
		ApiResponse changed = send("PATCH", "/api/v1/categories/" + id, "{\"name\":\"" + renamed + "\"}",
				"application/json");
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.json().get("name").asString()).isEqualTo(renamed);
		assertThat(changed.json().get("version").asInt()).isGreaterThan(current.json().get("version").asInt());
		assertThat(textOf(entry)).isEqualTo(renamed);
		// a client still using the old name lands in the renamed category
		int later = expense(old.toLowerCase(), "2.00").get("id").asInt();
		assertThat(categoryIdOf(later)).isEqualTo(id);
		assertThat(textOf(later)).isEqualTo(renamed);
		// a stale If-Match is refused
		ApiResponse stale = sendWithIfMatch("PATCH", "/api/v1/categories/" + id, "{\"colour\":\"#AA00ff\"}", etag);
		assertThat(stale.status()).as(stale.toString()).isEqualTo(412);
		ApiResponse fresh = sendWithIfMatch("PATCH", "/api/v1/categories/" + id, "{\"colour\":\"#AA00ff\"}",
				changed.header("ETag"));
		assertThat(fresh.status()).as(fresh.toString()).isEqualTo(200);
		assertThat(fresh.json().get("colour").asString()).isEqualTo("#aa00ff");
	}

	@Test
	void mergingMovesEveryEntryAndTheMergedNameLeadsToTheTarget() {
		String typo = unique("Restarants");
		String right = unique("Restaurants");
		int from = create(typo, "expense", null).get("id").asInt();
		int into = create(right, "expense", null).get("id").asInt();
		List<Integer> entries = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			entries.add(expense(typo, "1.0" + i).get("id").asInt());
		}
		ApiResponse merged = post("/api/v1/categories/" + from + "/merge", "{\"into\":" + into + "}");
		assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
		assertThat(merged.json().get("moved").asInt()).isEqualTo(3);
		assertThat(merged.json().get("into").get("entries").asLong()).isEqualTo(3);
		assertThat(get("/api/v1/categories/" + from).status()).isEqualTo(404);
		for (int entry : entries) {
			assertThat(categoryIdOf(entry)).isEqualTo(into);
			assertThat(textOf(entry)).isEqualTo(right);
		}
		assertThat(categoryIdOf(expense(typo, "9.99").get("id").asInt())).isEqualTo(into);
	}

	@Test
	void refusesMergesThatCannotBe() {
		int expenseCategory = create(unique("Gifts"), "expense", null).get("id").asInt();
		int incomeCategory = create(unique("Gifts"), "income", null).get("id").asInt();
		assertThat(
				post("/api/v1/categories/" + expenseCategory + "/merge", "{\"into\":" + expenseCategory + "}").status())
			.isEqualTo(422);
		ApiResponse kinds = post("/api/v1/categories/" + expenseCategory + "/merge",
				"{\"into\":" + incomeCategory + "}");
		assertThat(kinds.status()).as(kinds.toString()).isEqualTo(422);
		assertThat(kinds.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"body\",\"into\"]");
		assertThat(post("/api/v1/categories/" + expenseCategory + "/merge", "{\"into\":2147483647}").status())
			.isEqualTo(422);
		assertThat(post("/api/v1/categories/2147483647/merge", "{\"into\":" + expenseCategory + "}").status())
			.isEqualTo(404);
		assertThat(post("/api/v1/categories/" + expenseCategory + "/merge", "{}").status()).isEqualTo(422);
		// a group's categories can only move into another group
		int group = create(unique("Home"), "expense", null).get("id").asInt();
		int child = create(unique("Rent"), "expense", group).get("id").asInt();
		int otherGroup = create(unique("House"), "expense", null).get("id").asInt();
		int otherChild = create(unique("Repairs"), "expense", otherGroup).get("id").asInt();
		assertThat(post("/api/v1/categories/" + group + "/merge", "{\"into\":" + otherChild + "}").status())
			.isEqualTo(422);
		ApiResponse groups = post("/api/v1/categories/" + group + "/merge", "{\"into\":" + otherGroup + "}");
		assertThat(groups.status()).as(groups.toString()).isEqualTo(200);
		assertThat(category(child).get("parent_id").asInt()).isEqualTo(otherGroup);
	}

	@Test
	void groupsHaveTwoLevels() {
		int group = create(unique("Kids"), "expense", null).get("id").asInt();
		int child = create(unique("School"), "expense", group).get("id").asInt();
		ApiResponse nested = post("/api/v1/categories",
				"{\"name\":\"" + unique("Books") + "\",\"kind\":\"expense\",\"parent_id\":" + child + "}");
		assertThat(nested.status()).as(nested.toString()).isEqualTo(422);
		ApiResponse groupIntoGroup = patch("/api/v1/categories/" + group,
				"{\"parent_id\":" + create(unique("Family"), "expense", null).get("id").asInt() + "}");
		assertThat(groupIntoGroup.status()).as(groupIntoGroup.toString()).isEqualTo(422);
		assertThat(patch("/api/v1/categories/" + child, "{\"parent_id\":" + child + "}").status()).isEqualTo(422);
		ApiResponse out = patch("/api/v1/categories/" + child, "{\"parent_id\":null}");
		assertThat(out.status()).as(out.toString()).isEqualTo(200);
		assertThat(out.json().get("parent_id").isNull()).isTrue();
		int income = create(unique("Bonus"), "income", null).get("id").asInt();
		assertThat(patch("/api/v1/categories/" + child, "{\"parent_id\":" + income + "}").status()).isEqualTo(422);
	}

	@Test
	void archivesReordersAndDeletesOnlyAnEmptyCategory() {
		String name = unique("Pets");
		int id = create(name, "expense", null).get("id").asInt();
		expense(name, "4.00");
		ApiResponse archived = patch("/api/v1/categories/" + id, "{\"archived\":true,\"position\":7}");
		assertThat(archived.status()).as(archived.toString()).isEqualTo(200);
		assertThat(archived.json().get("archived").asBoolean()).isTrue();
		assertThat(archived.json().get("position").asInt()).isEqualTo(7);
		ApiResponse busy = delete("/api/v1/categories/" + id);
		assertThat(busy.status()).as(busy.toString()).isEqualTo(409);
		int empty = create(unique("Unused"), "expense", null).get("id").asInt();
		ApiResponse deleted = delete("/api/v1/categories/" + empty);
		assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
		assertThat(deleted.json().get("id").asInt()).isEqualTo(empty);
		assertThat(get("/api/v1/categories/" + empty).status()).isEqualTo(404);
		assertThat(get("/api/v1/categories/not-a-number").status()).isEqualTo(404);
	}

	@Test
	void badInputGetsTheContractsValidationShape() {
		for (String body : List.of("{\"kind\":\"expense\"}", "{\"name\":\"\",\"kind\":\"expense\"}",
				"{\"name\":\"x\",\"kind\":\"both\"}", "{\"name\":\"" + "x".repeat(101) + "\",\"kind\":\"expense\"}",
				"{\"name\":\"a\\u0000b\",\"kind\":\"expense\"}",
				"{\"name\":\"x\",\"kind\":\"expense\",\"colour\":\"red\"}",
				"{\"name\":\"x\",\"kind\":\"expense\",\"position\":-1}",
				"{\"name\":\"x\",\"kind\":\"expense\",\"parent_id\":\"one\"}", "[]",
				"{\"name\":5,\"kind\":\"expense\"}")) {
			ApiResponse refused = post("/api/v1/categories", body);
			assertThat(refused.status()).as(body + " " + refused).isEqualTo(422);
			assertThat(refused.json().get("detail").isArray()).isTrue();
			assertThat(refused.body()).doesNotContain("Exception", "SQL");
		}
		assertThat(get("/api/v1/categories?kind=both").status()).isEqualTo(422);
		int id = create(unique("Shape"), "expense", null).get("id").asInt();
		assertThat(patch("/api/v1/categories/" + id, "{\"archived\":\"yes\"}").status()).isEqualTo(422);
		assertThat(send("POST", "/api/v1/categories", "name=x", "text/plain").status()).isEqualTo(415);
	}

	@Test
	void listsLikelyDuplicates() {
		String right = unique("Electricity");
		String typo = right.replace("Electricity", "Electrcity");
		int a = create(right, "expense", null).get("id").asInt();
		int b = create(typo, "expense", null).get("id").asInt();
		ApiResponse duplicates = get("/api/v1/categories/duplicates");
		assertThat(duplicates.status()).isEqualTo(200);
		boolean found = false;
		for (JsonNode pair : duplicates.json()) {
			List<Integer> ids = List.of(pair.get("first").get("id").asInt(), pair.get("second").get("id").asInt());
			if (ids.containsAll(List.of(a, b))) {
				found = true;
				assertThat(pair.get("reason").asString()).isEqualTo("one letter apart");
			}
		}
		assertThat(found).as(duplicates.body()).isTrue();
	}

	@Test
	void suggestsTheCategoryAndAccountLastUsedWithABusiness() {
		String business = unique("Café Noir");
		String category = unique("Coffee");
		post("/api/v1/expense", "{\"date\":\"2025-01-01\",\"business\":\"" + business + "\",\"category\":\"Old "
				+ category + "\",\"amount\":1,\"account\":\"Cash\"}");
		post("/api/v1/expense", "{\"date\":\"2025-02-01\",\"business\":\"" + business + "\",\"category\":\"" + category
				+ "\",\"amount\":1,\"account\":\"Visa 1234\"}");
		ApiResponse suggestion = get("/api/v1/suggestions?business="
				+ java.net.URLEncoder.encode(business.toUpperCase(), java.nio.charset.StandardCharsets.UTF_8));
		assertThat(suggestion.status()).as(suggestion.toString()).isEqualTo(200);
		assertThat(suggestion.json().get("category").asString()).isEqualTo(category);
		assertThat(suggestion.json().get("account").asString()).isEqualTo("Visa 1234");
		assertThat(suggestion.json().get("category_id").asInt()).isPositive();
		ApiResponse none = get("/api/v1/suggestions?business=" + UUID.randomUUID());
		assertThat(none.status()).isEqualTo(200);
		assertThat(none.json().get("category").isNull()).isTrue();
		assertThat(get("/api/v1/suggestions").status()).isEqualTo(422);
	}

	@Test
	void idempotencyKeyReplaysACreate() {
		String body = "{\"name\":\"" + unique("Once") + "\",\"kind\":\"expense\"}";
		String key = UUID.randomUUID().toString();
		ApiResponse first = sendWithHeader("POST", "/api/v1/categories", body, "Idempotency-Key", key);
		ApiResponse second = sendWithHeader("POST", "/api/v1/categories", body, "Idempotency-Key", key);
		assertThat(first.status()).isEqualTo(201);
		assertThat(second.status()).isEqualTo(201);
		assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(second.json().get("id").asInt()).isEqualTo(first.json().get("id").asInt());
	}

	private static List<Integer> ids(JsonNode rows) {
		List<Integer> ids = new ArrayList<>();
		rows.forEach((row) -> ids.add(row.get("id").asInt()));
		return ids;
	}

	private ApiResponse sendWithIfMatch(String method, String path, String body, String etag) {
		return sendWithHeader(method, path, body, "If-Match", etag);
	}

	private ApiResponse sendWithHeader(String method, String path, String body, String header, String value) {
		var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(java.time.Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header(header, value)
			.method(method, java.net.http.HttpRequest.BodyPublishers.ofString(body));
		return send(request.build());
	}

}
