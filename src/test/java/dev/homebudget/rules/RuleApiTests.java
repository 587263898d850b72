package dev.homebudget.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.homebudget.support.ApiTestSupport.ApiResponse;
import dev.homebudget.support.SignedInHouseholdsSupport;
import dev.homebudget.support.TokenCaller;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v1/rules} in sign-in mode on PostgreSQL: create, list, read, replace,
 * reorder and delete with If-Match and Idempotency-Key; every bad input a 422 naming its
 * field; a viewer reads only; a household's bound; a rule applied in a statement import's
 * preview and commit; and a rule applied to existing entries (preview, then apply through
 * the update path, recorded in history).
 */
class RuleApiTests extends SignedInHouseholdsSupport {

	private static final String PATH = "/api/v1/rules";

	private static String rule(String name, String conditions, String actions) {
		return "{\"name\":\"" + name + "\",\"conditions\":" + conditions + ",\"actions\":" + actions + "}";
	}

	private static JsonNode created(ApiResponse response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json();
	}

	private static List<Integer> ids(JsonNode list) {
		List<Integer> ids = new ArrayList<>();
		list.forEach((rule) -> ids.add(rule.get("id").asInt()));
		return ids;
	}

	@Test
	void rulesAreCreatedReadReplacedReorderedAndDeleted() {
		TokenCaller owner = newUser("ru");
		JsonNode groceries = created(owner.send("POST", PATH,
				rule("Groceries", "{\"payee\":{\"op\":\"contains\",\"value\":\"shufersal\"},\"kind\":\"expense\"}",
						"{\"category\":\"Groceries\",\"business\":\"Shufersal\"}"),
				"application/json", Map.of("Idempotency-Key", "rule-1")));
		assertThat(groceries.get("position").asInt()).isEqualTo(1);
		assertThat(groceries.get("enabled").asBoolean()).isTrue();
		assertThat(groceries.get("stop").asBoolean()).isFalse();
		assertThat(groceries.get("version").asInt()).isEqualTo(1);
		assertThat(groceries.get("conditions").get("payee").get("op").asString()).isEqualTo("contains");
		assertThat(groceries.get("actions").get("business").asString()).isEqualTo("Shufersal");
		// a retried create answers the first response and creates nothing
		ApiResponse replayed = owner.send("POST", PATH,
				rule("Groceries", "{\"payee\":{\"op\":\"contains\",\"value\":\"shufersal\"},\"kind\":\"expense\"}",
						"{\"category\":\"Groceries\",\"business\":\"Shufersal\"}"),
				"application/json", Map.of("Idempotency-Key", "rule-1"));
		assertThat(replayed.status()).isEqualTo(201);
		assertThat(replayed.header("Idempotent-Replayed")).isNotNull();
		assertThat(replayed.json().get("id").asInt()).isEqualTo(groceries.get("id").asInt());

		JsonNode fuel = created(owner.json("POST", PATH,
				rule("Fuel", "{\"payee\":{\"op\":\"regex\",\"value\":\"^paz\"}}", "{\"category\":\"Fuel\"}")));
		JsonNode big = created(owner.json("POST", PATH,
				"{\"name\":\"Big\",\"enabled\":false,\"stop\":true,\"conditions\":{\"amount\":{\"min\":1000,"
						+ "\"currency\":\"ILS\"}},\"actions\":{\"note\":\"big one\"}}"));
		assertThat(big.get("position").asInt()).isEqualTo(3);
		assertThat(big.get("enabled").asBoolean()).isFalse();
		int a = groceries.get("id").asInt();
		int b = fuel.get("id").asInt();
		int c = big.get("id").asInt();
		assertThat(ids(owner.get(PATH).json())).containsExactly(a, b, c);

		ApiResponse read = owner.get(PATH + "/" + b);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.header("ETag")).isEqualTo("\"1\"");
		assertThat(read.json().get("position").asInt()).isEqualTo(2);

		// replace with If-Match: a stale version is 412, the current one succeeds
		String fuelAgain = rule("Fuel and parking", "{\"payee\":{\"op\":\"regex\",\"value\":\"^(paz|pango)\"}}",
				"{\"category\":\"Car\"}");
		ApiResponse stale = owner.send("PUT", PATH + "/" + b, fuelAgain, "application/json",
				Map.of("If-Match", "\"7\""));
		assertThat(stale.status()).as(stale.toString()).isEqualTo(412);
		ApiResponse replaced = owner.send("PUT", PATH + "/" + b, fuelAgain, "application/json",
				Map.of("If-Match", "\"1\""));
		assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
		assertThat(replaced.header("ETag")).isEqualTo("\"2\"");
		assertThat(replaced.json().get("name").asString()).isEqualTo("Fuel and parking");
		assertThat(replaced.json().get("position").asInt()).isEqualTo(2);
		// enabled and stop absent on replace: unchanged
		ApiResponse keepsFlags = owner.json("PUT", PATH + "/" + c,
				rule("Bigger", "{\"amount\":{\"min\":2000}}", "{\"note\":\"big one\"}"));
		assertThat(keepsFlags.json().get("enabled").asBoolean()).isFalse();
		assertThat(keepsFlags.json().get("stop").asBoolean()).isTrue();

		// reorder: every id once
		ApiResponse reordered = owner.json("POST", PATH + "/order", "{\"ids\":[" + c + "," + a + "," + b + "]}");
		assertThat(reordered.status()).as(reordered.toString()).isEqualTo(200);
		assertThat(ids(reordered.json())).containsExactly(c, a, b);
		assertThat(reordered.json().get(0).get("position").asInt()).isEqualTo(1);
		assertThat(ids(owner.get(PATH).json())).containsExactly(c, a, b);
		ApiResponse missing = owner.json("POST", PATH + "/order", "{\"ids\":[" + c + "," + a + "]}");
		assertThat(missing.status()).as(missing.toString()).isEqualTo(409);
		assertThat(missing.json().get("detail").asString()).contains("changed since it was read");
		ApiResponse twice = owner.json("POST", PATH + "/order", "{\"ids\":[" + c + "," + a + "," + a + "]}");
		assertThat(twice.status()).as(twice.toString()).isEqualTo(422);
		ApiResponse notIds = owner.json("POST", PATH + "/order", "{\"ids\":[\"x\"]}");
		assertThat(notIds.status()).isEqualTo(422);
		assertThat(notIds.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"body\",\"ids\",0]");

		// delete with If-Match
		assertThat(owner.send("DELETE", PATH + "/" + a, null, null, Map.of("If-Match", "\"9\"")).status())
			.isEqualTo(412);
		ApiResponse deleted = owner.send("DELETE", PATH + "/" + a, null, null, Map.of("If-Match", "\"1\""));
		assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
		assertThat(owner.get(PATH + "/" + a).status()).isEqualTo(404);
		assertThat(owner.get(PATH + "/not-a-number").status()).isEqualTo(404);
		assertThat(ids(owner.get(PATH).json())).containsExactly(c, b);
		assertThat(owner.get(PATH).json().get(1).get("position").asInt()).isEqualTo(2);
	}

	@Test
	void everyBadInputIsA422NamingItsField() {
		TokenCaller owner = newUser("rb");
		TokenCaller stranger = newUser("rs");
		Map<String, String> bad = Map.of(
				// no name, no conditions, no actions
				"{}", "[body, name]",
				// a regex that does not compile
				rule("x", "{\"payee\":{\"op\":\"regex\",\"value\":\"(unclosed\"}}", "{\"category\":\"c\"}"),
				"[body, conditions, payee, value]",
				// a pattern over 500 characters
				rule("x", "{\"payee\":{\"op\":\"regex\",\"value\":\"" + "a".repeat(501) + "\"}}",
						"{\"category\":\"c\"}"),
				"[body, conditions, payee, value]",
				rule("x", "{\"payee\":{\"op\":\"like\",\"value\":\"a\"}}", "{\"category\":\"c\"}"),
				"[body, conditions, payee, op]", rule("x", "{}", "{\"category\":\"c\"}"), "[body, conditions]",
				rule("x", "{\"kind\":\"expense\"}", "{}"), "[body, actions]",
				rule("x", "{\"amount\":{\"min\":10,\"max\":1}}", "{\"category\":\"c\"}"),
				"[body, conditions, amount, max]", rule("x", "{\"amount\":{\"min\":\"lots\"}}", "{\"category\":\"c\"}"),
				"[body, conditions, amount, min]",
				rule("x", "{\"kind\":\"expense\"}", "{\"category\":\"c\",\"colour\":\"red\"}"),
				"[body, actions, colour]",
				// who paid must be a member of the household
				rule("x", "{\"kind\":\"expense\"}", "{\"paid_by\":" + stranger.userId() + "}"),
				"[body, actions, paid_by]");
		for (Map.Entry<String, String> body : bad.entrySet()) {
			ApiResponse response = owner.json("POST", PATH, body.getKey());
			assertThat(response.status()).as(body.getKey() + " " + response).isEqualTo(422);
			List<String> locs = new ArrayList<>();
			response.json().get("detail").forEach((item) -> {
				List<String> loc = new ArrayList<>();
				item.get("loc").forEach((part) -> loc.add(part.asString()));
				locs.add(loc.toString());
				assertThat(item.get("msg").asString()).doesNotContain("Exception", "java.", "SQL");
			});
			assertThat(locs).as(body.getKey()).contains(body.getValue());
		}
		assertThat(owner.send("POST", PATH, "not json", "application/json").status()).isEqualTo(422);
		assertThat(owner.get(PATH).json()).isEmpty();
		// who paid, a member: fine; then a replace naming a stranger is refused too
		JsonNode mine = created(owner.json("POST", PATH,
				rule("Mine", "{\"kind\":\"expense\"}", "{\"paid_by\":" + owner.userId() + "}")));
		ApiResponse strangerForWhom = owner.json("PUT", PATH + "/" + mine.get("id").asInt(),
				rule("Mine", "{\"kind\":\"expense\"}", "{\"for_whom\":" + stranger.userId() + "}"));
		assertThat(strangerForWhom.status()).as(strangerForWhom.toString()).isEqualTo(422);
		assertThat(owner.get(PATH + "/" + mine.get("id").asInt()).json().get("version").asInt()).isEqualTo(1);
	}

	@Test
	void aViewerReadsRulesAndChangesNone() {
		TokenCaller owner = newUser("ro");
		TokenCaller viewer = newUser("rv");
		join(owner, currentHousehold(owner), "viewer", viewer);
		int id = created(owner.json("POST", PATH,
				rule("Coffee", "{\"payee\":{\"op\":\"contains\",\"value\":\"cafe\"}}", "{\"category\":\"Coffee\"}")))
			.get("id")
			.asInt();
		assertThat(viewer.get(PATH).json()).hasSize(1);
		assertThat(viewer.get(PATH + "/" + id).status()).isEqualTo(200);
		assertThat(viewer.json("POST", PATH + "/" + id + "/preview", null).status()).isEqualTo(200);
		String body = rule("V", "{\"kind\":\"expense\"}", "{\"category\":\"V\"}");
		for (ApiResponse refused : List.of(viewer.json("POST", PATH, body), viewer.json("PUT", PATH + "/" + id, body),
				viewer.delete(PATH + "/" + id), viewer.json("POST", PATH + "/order", "{\"ids\":[" + id + "]}"),
				viewer.json("POST", PATH + "/" + id + "/apply", null))) {
			assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
		}
		assertThat(owner.get(PATH + "/" + id).json().get("name").asString()).isEqualTo("Coffee");
	}

	@Test
	void aHouseholdKeepsABoundedNumberOfRules() {
		TokenCaller owner = newUser("rm");
		int household = currentHousehold(owner);
		this.jdbc.sql("""
				INSERT INTO rules (household_id, name, position, conditions, actions)
				SELECT :household, 'r' || n, n, '{"kind":"expense"}', '{"category":"c"}'
				FROM generate_series(1, :max) AS n""")
			.param("household", household)
			.param("max", RuleService.MAX_RULES)
			.update();
		ApiResponse full = owner.json("POST", PATH, rule("One more", "{\"kind\":\"expense\"}", "{\"category\":\"c\"}"));
		assertThat(full.status()).as(full.toString()).isEqualTo(409);
		assertThat(full.json().get("detail").asString()).contains("at most " + RuleService.MAX_RULES);
		assertThat(owner.get(PATH).json()).hasSize(RuleService.MAX_RULES);
	}

	private static final String STATEMENT_TYPE = "multipart/form-data; boundary=hbw-rules-test";

	private static String statement(String rows) {
		String part = "--hbw-rules-test\r\nContent-Disposition: form-data; name=";
		return part + "\"file\"; filename=\"statement.csv\"\r\nContent-Type: text/csv\r\n\r\n" + "Date,Payee,Amount\n"
				+ rows + "\r\n" + part + "\"mapping\"\r\n\r\n"
				+ "{\"date\":\"Date\",\"date_format\":\"yyyy-MM-dd\",\"amount\":\"Amount\",\"payee\":\"Payee\","
				+ "\"default_currency\":\"ILS\",\"default_category\":\"Uncategorized\"}\r\n" + part
				+ "\"account\"\r\n\r\nVisa\r\n" + "--hbw-rules-test--\r\n";
	}

	@Test
	void aStatementImportsPreviewShowsTheRulesEachRowGotAndTheCommitKeepsThem() {
		TokenCaller owner = newUser("ri");
		TokenCaller partner = newUser("rp");
		join(owner, currentHousehold(owner), "member", partner);
		int groceries = created(owner
			.json("POST", PATH, rule("Groceries", "{\"payee\":{\"op\":\"contains\",\"value\":\"shufersal\"}}",
					"{\"category\":\"Groceries\",\"business\":\"Shufersal\",\"paid_by\":" + partner.userId() + "}")))
			.get("id")
			.asInt();
		int card = created(owner.json("POST", PATH,
				rule("Card", "{\"kind\":\"expense\"}", "{\"account\":\"Family Visa\",\"category\":\"Other\"}")))
			.get("id")
			.asInt();
		int salary = created(owner.json("POST", PATH,
				rule("Salary", "{\"kind\":\"income\",\"amount\":{\"min\":5000}}", "{\"category\":\"Salary\"}")))
			.get("id")
			.asInt();
		ApiResponse upload = owner.send("POST", "/api/v1/imports",
				statement("2025-11-03,SHUFERSAL DEAL 123,-312.40\n2025-11-04,Cinema City,-80.00\n"
						+ "2025-11-05,ACME LTD,9000.00\n2025-11-06,,oops\n"),
				STATEMENT_TYPE);
		assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
		JsonNode rows = upload.json().get("rows");
		JsonNode shop = rows.get(0);
		assertThat(shop.get("business").asString()).isEqualTo("Shufersal");
		assertThat(shop.get("category").asString()).isEqualTo("Groceries");
		assertThat(shop.get("account").asString()).isEqualTo("Family Visa");
		assertThat(shop.get("paid_by").asInt()).isEqualTo(partner.userId());
		assertThat(shop.get("rule_ids").toString()).isEqualTo("[" + groceries + "," + card + "]");
		JsonNode cinema = rows.get(1);
		assertThat(cinema.get("category").asString()).isEqualTo("Other");
		assertThat(cinema.get("business").asString()).isEqualTo("Cinema City");
		assertThat(cinema.get("rule_ids").toString()).isEqualTo("[" + card + "]");
		assertThat(cinema.has("paid_by")).isFalse();
		JsonNode income = rows.get(2);
		assertThat(income.get("category").asString()).isEqualTo("Salary");
		assertThat(income.get("rule_ids").toString()).isEqualTo("[" + salary + "]");
		assertThat(rows.get(3).get("status").asString()).isEqualTo("error");
		assertThat(rows.get(3).has("rule_ids")).isFalse();
		// the page read again shows the same
		int batch = upload.json().get("id").asInt();
		assertThat(owner.get("/api/v1/imports/" + batch).json().get("rows").get(0).get("rule_ids").toString())
			.isEqualTo("[" + groceries + "," + card + "]");

		ApiResponse commit = owner.json("POST", "/api/v1/imports/" + batch + "/commit", null);
		assertThat(commit.status()).as(commit.toString()).isEqualTo(200);
		JsonNode expense = null;
		for (JsonNode row : owner.get("/api/v1/expense").json()) {
			if (row.hasNonNull("business") && row.get("business").asString().equals("Shufersal")) {
				expense = row;
			}
		}
		assertThat(expense).isNotNull();
		assertThat(expense.get("category").asString()).isEqualTo("Groceries");
		assertThat(expense.get("account").asString()).isEqualTo("Family Visa");
		assertThat(expense.get("paid_by").asInt()).isEqualTo(partner.userId());
	}

	@Test
	void aRuleAppliedToExistingEntriesIsPreviewedThenWrittenThroughTheUpdatePath() {
		TokenCaller owner = newUser("ra");
		int household = currentHousehold(owner);
		List<Integer> netflix = new ArrayList<>();
		for (String business : List.of("NETFLIX.COM", "netflix.com", "Spotify")) {
			ApiResponse expense = owner.json("POST", "/api/v1/expense", "{\"date\":\"2025-11-10\",\"business\":\""
					+ business + "\",\"category\":\"Uncategorized\",\"amount\":40,\"account\":\"Visa\"}");
			assertThat(expense.status()).as(expense.toString()).isEqualTo(200);
			if (!business.equals("Spotify")) {
				netflix.add(expense.json().get("expense").get("id").asInt());
			}
		}
		JsonNode rule = created(
				owner.json("POST", PATH, rule("Streaming", "{\"payee\":{\"op\":\"equals\",\"value\":\"netflix.com\"}}",
						"{\"category\":\"Streaming\",\"business\":\"Netflix\",\"note\":\"subscription\"}")));
		int id = rule.get("id").asInt();

		ApiResponse preview = owner.json("POST", PATH + "/" + id + "/preview", null);
		assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
		assertThat(preview.json().get("total").asInt()).isEqualTo(2);
		assertThat(preview.json().get("scanned").asInt()).isEqualTo(3);
		assertThat(preview.json().get("limited").asBoolean()).isFalse();
		assertThat(preview.json().get("rule_version").asInt()).isEqualTo(1);
		JsonNode change = preview.json().get("changes").get(0);
		assertThat(change.get("kind").asString()).isEqualTo("expense");
		assertThat(netflix).contains(change.get("id").asInt());
		assertThat(change.get("before").get("category").asString()).isEqualTo("Uncategorized");
		assertThat(change.get("after").get("category").asString()).isEqualTo("Streaming");
		assertThat(change.get("after").get("business").asString()).isEqualTo("Netflix");
		assertThat(change.get("after").get("notes").asString()).isEqualTo("subscription");
		// the preview changed nothing
		assertThat(expenseRow(netflix.get(0)).get("category")).isEqualTo("Uncategorized");

		// a stale rule version is refused
		assertThat(owner.send("POST", PATH + "/" + id + "/apply", null, null, Map.of("If-Match", "\"5\"")).status())
			.isEqualTo(412);
		long before = this.jdbc.sql("SELECT coalesce(max(id), 0) FROM history_events WHERE household_id = :h")
			.param("h", household)
			.query(Long.class)
			.single();
		ApiResponse applied = owner.send("POST", PATH + "/" + id + "/apply", null, null,
				Map.of("If-Match", "\"1\"", "Idempotency-Key", "apply-1"));
		assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
		assertThat(applied.json().get("changed").asInt()).isEqualTo(2);
		assertThat(applied.json().get("remaining").asInt()).isZero();
		for (int expense : netflix) {
			Map<String, Object> row = expenseRow(expense);
			assertThat(row.get("category")).isEqualTo("Streaming");
			assertThat(row.get("business")).isEqualTo("Netflix");
			assertThat(row.get("notes")).isEqualTo("subscription");
			assertThat(row.get("version")).isEqualTo(1);
		}
		List<Map<String, Object>> events = this.jdbc.sql(
				"SELECT kind, action, entity_id, actor_id, source FROM history_events WHERE household_id = :h AND id > :before")
			.param("h", household)
			.param("before", before)
			.query()
			.listOfRows();
		// two expense updates (and the new category, made as a hand edit would make it)
		assertThat(events).filteredOn((event) -> "expense".equals(event.get("kind")))
			.hasSize(2)
			.allSatisfy((event) -> assertThat(event.get("action")).isEqualTo("update"))
			.allSatisfy((event) -> assertThat(event.get("actor_id")).isEqualTo(owner.userId()))
			.allSatisfy((event) -> assertThat(event.get("source")).isEqualTo("rule"));
		assertThat(events).extracting((event) -> event.get("kind")).containsOnly("expense", "category");
		// replayed: the first answer, nothing written again
		ApiResponse again = owner.send("POST", PATH + "/" + id + "/apply", null, null,
				Map.of("If-Match", "\"1\"", "Idempotency-Key", "apply-1"));
		assertThat(again.header("Idempotent-Replayed")).isNotNull();
		assertThat(again.json().get("changed").asInt()).isEqualTo(2);
		// applied again without the key: nothing left to change (the note is not added
		// twice)
		ApiResponse nothing = owner.json("POST", PATH + "/" + id + "/apply", null);
		assertThat(nothing.json().get("changed").asInt()).isZero();
		assertThat(owner.json("POST", PATH + "/" + id + "/preview", null).json().get("total").asInt()).isZero();
	}

	@Test
	void threeHandCorrectionsOfABusinessSuggestARuleUntilOneCoversIt() {
		TokenCaller owner = newUser("rg");
		List<Integer> cafe = new ArrayList<>();
		for (String business : List.of("Cafe Nero", "CAFE  NERO", "cafe nero", "Cafe Nero")) {
			ApiResponse expense = owner.json("POST", "/api/v1/expense", "{\"date\":\"2025-11-10\",\"business\":\""
					+ business + "\",\"category\":\"Uncategorized\",\"amount\":12,\"account\":\"Visa\"}");
			assertThat(expense.status()).as(expense.toString()).isEqualTo(200);
			cafe.add(expense.json().get("expense").get("id").asInt());
		}
		for (int i = 0; i < 2; i++) {
			assertThat(owner.json("PUT", "/api/v1/expense/" + cafe.get(i), "{\"category\":\"Coffee\"}").status())
				.isEqualTo(200);
		}
		// twice is not yet a habit; another category does not count with these
		assertThat(owner.json("PUT", "/api/v1/expense/" + cafe.get(3), "{\"category\":\"Snacks\"}").status())
			.isEqualTo(200);
		assertThat(owner.get(PATH + "/suggestions").json()).isEmpty();
		assertThat(owner.json("PUT", "/api/v1/expense/" + cafe.get(2), "{\"category\":\"coffee\"}").status())
			.isEqualTo(200);
		ApiResponse suggestions = owner.get(PATH + "/suggestions");
		assertThat(suggestions.status()).as(suggestions.toString()).isEqualTo(200);
		assertThat(suggestions.json()).hasSize(1);
		JsonNode suggestion = suggestions.json().get(0);
		assertThat(suggestion.get("business").asString()).isEqualToIgnoringCase("cafe nero");
		assertThat(suggestion.get("category").asString()).isEqualToIgnoringCase("coffee");
		assertThat(suggestion.get("entries").asInt()).isEqualTo(3);
		// the suggested rule is a body to POST as it is
		created(owner.json("POST", PATH, suggestion.get("rule").toString()));
		assertThat(owner.get(PATH + "/suggestions").json()).isEmpty();
	}

	private Map<String, Object> expenseRow(int id) {
		return this.jdbc.sql("SELECT category, business, notes, version FROM expenses WHERE id = :id")
			.param("id", id)
			.query()
			.singleRow();
	}

	@Test
	void aCatastrophicPatternInAPreviewIsReportedAndChangesNothing() {
		TokenCaller owner = newUser("rc");
		ApiResponse expense = owner.json("POST", "/api/v1/expense", "{\"date\":\"2025-11-10\",\"business\":\""
				+ "a".repeat(60) + "!\",\"category\":\"Uncategorized\",\"amount\":1,\"account\":\"Visa\"}");
		assertThat(expense.status()).as(expense.toString()).isEqualTo(200);
		int id = created(owner.json("POST", PATH,
				rule("Slow", "{\"payee\":{\"op\":\"regex\",\"value\":\"(.*a){20}\"}}", "{\"category\":\"Never\"}")))
			.get("id")
			.asInt();
		ApiResponse preview = owner.json("POST", PATH + "/" + id + "/preview", null);
		assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
		assertThat(preview.json().get("too_slow").asInt()).isEqualTo(1);
		assertThat(preview.json().get("total").asInt()).isZero();
	}

}
