package dev.homebudget.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

import dev.homebudget.support.ApiTestSupport.ApiResponse;
import dev.homebudget.support.SignedInHouseholdsSupport;
import dev.homebudget.support.TokenCaller;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every write route, found in the handler mapping, leaves the events its change calls for
 * and no other: one per row it changed (one for a create, an edit, a delete, an import of
 * one row, a restore), each naming the caller, the source and the request. A new write
 * route that is neither tried here nor listed in {@link #NO_LEDGER_DATA} with a reason
 * fails the test, so a write without history cannot slip in.
 */
class HistoryRoutesApiTests extends SignedInHouseholdsSupport {

	/**
	 * Write routes that change no expense, income, settlement, category or budget, and so
	 * write no event.
	 */
	static final Set<String> NO_LEDGER_DATA = Set.of(
			// the caller's own account and API tokens
			"POST /api/v1/account/password", "POST /api/v1/tokens", "DELETE /api/v1/tokens/{token_id}",
			// households, members and invitations (who is in a household, not its data)
			"POST /api/v1/households", "PUT /api/v1/account/household",
			"PATCH /api/v1/households/{household_id}/members/{user_id}",
			"DELETE /api/v1/households/{household_id}/members/{user_id}",
			"POST /api/v1/households/{household_id}/invitations",
			"DELETE /api/v1/households/{household_id}/invitations/{invitation_id}", "POST /api/v1/invitations/accept",
			// the household's base currency and exchange rates: settings, not entries
			"PATCH /api/v1/settings", "POST /api/v1/exchange-rates", "POST /api/v1/exchange-rates/import",
			"DELETE /api/v1/exchange-rates/{rate_id}",
			// emptying the trash removes deleted rows for good; their history stays
			"DELETE /api/v1/trash",
			// a schedule is a plan, not an entry (its entries are recorded when posted,
			// as the confirm below shows); a skip posts nothing; settings and the feed
			"POST /api/v1/schedules", "PATCH /api/v1/schedules/{schedule_id}", "DELETE /api/v1/schedules/{schedule_id}",
			"POST /api/v1/schedules/{schedule_id}/occurrences/{date}/skip", "PUT /api/v1/schedules/settings",
			"POST /api/v1/calendar/feed", "DELETE /api/v1/calendar/feed",
			// a statement's staged rows and saved mappings are not entries (a commit and
			// a revert are, below)
			"POST /api/v1/imports", "PATCH /api/v1/imports/{import_id}/rows/{line}",
			"DELETE /api/v1/imports/{import_id}", "POST /api/v1/imports/profiles",
			"PUT /api/v1/imports/profiles/{profile_id}", "DELETE /api/v1/imports/profiles/{profile_id}",
			// a rule is a plan for rows, not a row (applying it changes entries, below);
			// a
			// preview only reads
			"POST /api/v1/rules", "PUT /api/v1/rules/{rule_id}", "DELETE /api/v1/rules/{rule_id}",
			"POST /api/v1/rules/order", "POST /api/v1/rules/{rule_id}/preview");

	private static final String DEMO_LOAD = "POST /api/v1/demo-data";

	private static final String DEMO_REMOVE = "DELETE /api/v1/demo-data";

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlerMapping;

	private Set<String> writeRoutes() {
		Set<String> routes = new TreeSet<>();
		for (RequestMappingInfo info : this.handlerMapping.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				for (RequestMethod method : info.getMethodsCondition().getMethods()) {
					if (pattern.startsWith("/api/")
							&& Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE)
								.contains(method)) {
						routes.add(method.name() + " " + pattern);
					}
				}
			}
		}
		return routes;
	}

	/** A route tried: the request, and the events it must leave per kind. */
	private record Tried(Supplier<ApiResponse> request, Map<String, Integer> events) {

	}

	private int id(ApiResponse response, String... path) {
		assertThat(response.status()).as(response.toString()).isBetween(200, 201);
		var node = response.json();
		for (String name : path) {
			node = node.get(name);
		}
		return node.asInt();
	}

	private long lastEvent(int household) {
		return this.jdbc.sql("SELECT COALESCE(max(id), 0) FROM history_events WHERE household_id = :h")
			.param("h", household)
			.query(Long.class)
			.single();
	}

	private static final String STATEMENT_TYPE = "multipart/form-data; boundary=hbw-history-test";

	private static int statements;

	/**
	 * A one-row card statement, another amount each time (so that none is a duplicate).
	 */
	private static String statement() {
		statements++;
		String part = "--hbw-history-test\r\nContent-Disposition: form-data; name=";
		return part + "\"file\"; filename=\"statement.csv\"\r\nContent-Type: text/csv\r\n\r\n"
				+ "Date,Payee,Amount\n2025-11-12,Shop,-7." + (10 + statements) + "\n\r\n" + part + "\"mapping\"\r\n\r\n"
				+ "{\"date\":\"Date\",\"date_format\":\"yyyy-MM-dd\",\"amount\":\"Amount\",\"payee\":\"Payee\","
				+ "\"default_currency\":\"ILS\",\"default_category\":\"Food\"}\r\n" + part
				+ "\"account\"\r\n\r\nCash\r\n" + "--hbw-history-test--\r\n";
	}

	@Test
	void everyWriteRouteLeavesItsEventsWithWhoWhereAndWhichRequest() {
		TokenCaller owner = newUser("ro");
		TokenCaller member = newUser("rm");
		int household = currentHousehold(owner);
		join(owner, household, "member", member);
		int food = id(owner.json("POST", "/api/v1/categories", "{\"name\":\"Food\",\"kind\":\"expense\"}"), "id");
		int fun = id(owner.json("POST", "/api/v1/categories", "{\"name\":\"Fun\",\"kind\":\"expense\"}"), "id");
		id(owner.json("POST", "/api/v1/categories", "{\"name\":\"Salary\",\"kind\":\"income\"}"), "id");
		String expense = "{\"date\":\"2025-11-10\",\"category\":\"Food\",\"amount\":10,\"account\":\"Cash\"}";
		String income = "{\"date\":\"2025-11-10\",\"category\":\"Salary\",\"amount\":10,\"account\":\"Bank\"}";
		assertThat(owner.json("PUT", "/api/v1/budgets/2025-11/categories/" + food, "{\"assigned\":50}").status())
			.isEqualTo(200);

		Map<String, Tried> tried = new LinkedHashMap<>();
		for (String kind : List.of("expense", "income")) {
			String body = kind.equals("expense") ? expense : income;
			String path = "/api/v1/" + kind;
			String csv = kind.equals("expense") ? "date,category,amount,account\n2025-11-10,Food,3.00,Cash\n"
					: "date,category,amount,account\n2025-11-10,Salary,3.00,Bank\n";
			Map<String, Integer> one = Map.of(kind, 1);
			tried.put("POST " + path, new Tried(() -> owner.json("POST", path, body), one));
			tried
				.put("PUT " + path + "/{" + kind + "_id}",
						new Tried(() -> owner.json("PUT",
								path + "/" + id(owner.json("POST", path, body), kind, "id") + "", "{\"amount\":12}"),
								Map.of(kind, 2)));
			tried.put("PATCH " + path + "/{" + kind + "_id}",
					new Tried(() -> owner.json("PATCH", path + "/" + id(owner.json("POST", path, body), kind, "id"),
							"{\"field\":\"notes\",\"value\":\"n\"}"), Map.of(kind, 2)));
			tried.put("DELETE " + path + "/{" + kind + "_id}", new Tried(
					() -> owner.delete(path + "/" + id(owner.json("POST", path, body), kind, "id")), Map.of(kind, 2)));
			tried.put("POST " + path + "/bulk-delete",
					new Tried(
							() -> owner.json("POST", path + "/bulk-delete",
									"{\"ids\":[" + id(owner.json("POST", path, body), kind, "id") + "]}"),
							Map.of(kind, 2)));
			tried.put("POST " + path + "/import",
					new Tried(() -> owner.send("POST", path + "/import", csv, "text/csv"), one));
			// what it cost in the base currency is a change of the entry
			tried.put("PUT " + path + "/{" + kind + "_id}/charged",
					new Tried(() -> owner.json("PUT",
							path + "/" + id(owner.json("POST", path, body), kind, "id") + "/charged",
							"{\"amount\":37.5}"), Map.of(kind, 2)));
			tried.put("DELETE " + path + "/{" + kind + "_id}/charged", new Tried(() -> {
				int entry = id(owner.json("POST", path, body), kind, "id");
				assertThat(owner.json("PUT", path + "/" + entry + "/charged", "{\"amount\":37.5}").status())
					.isEqualTo(200);
				return owner.delete(path + "/" + entry + "/charged");
			}, Map.of(kind, 3)));
		}
		// a statement import's commit writes its rows, its revert deletes them
		Supplier<Integer> staged = () -> id(owner.send("POST", "/api/v1/imports", statement(), STATEMENT_TYPE), "id");
		tried.put("POST /api/v1/imports/{import_id}/commit", new Tried(
				() -> owner.json("POST", "/api/v1/imports/" + staged.get() + "/commit", null), Map.of("expense", 1)));
		tried.put("POST /api/v1/imports/{import_id}/revert", new Tried(() -> {
			int batch = staged.get();
			assertThat(owner.json("POST", "/api/v1/imports/" + batch + "/commit", null).status()).isEqualTo(200);
			return owner.json("POST", "/api/v1/imports/" + batch + "/revert", null);
		}, Map.of("expense", 2)));
		// confirming a scheduled occurrence posts its entry
		tried.put("POST /api/v1/schedules/{schedule_id}/occurrences/{date}/confirm", new Tried(() -> {
			int schedule = id(
					owner.json("POST", "/api/v1/schedules",
							"{\"kind\":\"expense\",\"template\":" + expense
									+ ",\"rrule\":\"FREQ=MONTHLY\",\"start\":\"2030-01-31\",\"mode\":\"confirm\"}"),
					"id");
			return owner.json("POST", "/api/v1/schedules/" + schedule + "/occurrences/2030-01-31/confirm", "{}");
		}, Map.of("expense", 1)));
		// a rule applied to existing entries changes them through the update path: the
		// expense made here, then its change
		tried.put("POST /api/v1/rules/{rule_id}/apply", new Tried(() -> {
			assertThat(owner
				.json("POST", "/api/v1/expense",
						"{\"date\":\"2025-11-10\",\"business\":\"Rule target\",\"category\":\"Food\",\"amount\":4,"
								+ "\"account\":\"Cash\"}")
				.status()).isEqualTo(200);
			int rule = id(owner.json("POST", "/api/v1/rules",
					"{\"name\":\"Target\",\"conditions\":{\"payee\":{\"op\":\"equals\",\"value\":\"rule target\"}},"
							+ "\"actions\":{\"category\":\"Fun\"}}"),
					"id");
			return owner.json("POST", "/api/v1/rules/" + rule + "/apply", null);
		}, Map.of("expense", 2)));
		String settle = "{\"from_user\":" + member.userId() + ",\"to_user\":" + owner.userId()
				+ ",\"amount\":\"5.00\"}";
		tried.put("POST /api/v1/settlements",
				new Tried(() -> owner.json("POST", "/api/v1/settlements", settle), Map.of("settlement", 1)));
		tried.put("DELETE /api/v1/settlements/{settlement_id}",
				new Tried(
						() -> owner.delete(
								"/api/v1/settlements/" + id(owner.json("POST", "/api/v1/settlements", settle), "id")),
						Map.of("settlement", 2)));
		tried.put("POST /api/v1/categories",
				new Tried(() -> owner.json("POST", "/api/v1/categories", "{\"name\":\"New\",\"kind\":\"expense\"}"),
						Map.of("category", 1)));
		tried
			.put("PATCH /api/v1/categories/{category_id}", new Tried(
					() -> owner.json("PATCH",
							"/api/v1/categories/" + id(owner.json("POST", "/api/v1/categories",
									"{\"name\":\"Renamed\",\"kind\":\"expense\"}"), "id"),
							"{\"name\":\"Renamed 2\"}"),
					Map.of("category", 2)));
		tried.put("DELETE /api/v1/categories/{category_id}",
				new Tried(() -> owner.delete("/api/v1/categories/" + id(
						owner.json("POST", "/api/v1/categories", "{\"name\":\"Gone\",\"kind\":\"expense\"}"), "id")),
						Map.of("category", 2)));
		tried
			.put("POST /api/v1/categories/{category_id}/merge",
					new Tried(() -> owner.json("POST",
							"/api/v1/categories/" + id(owner.json("POST", "/api/v1/categories",
									"{\"name\":\"Merged\",\"kind\":\"expense\"}"), "id") + "/merge",
							"{\"into\":" + fun + "}"), Map.of("category", 2)));
		tried.put("PUT /api/v1/budgets/settings",
				new Tried(() -> owner.json("PUT", "/api/v1/budgets/settings", "{\"start_day\":2}"),
						Map.of("budget_settings", 1)));
		tried.put("PUT /api/v1/budgets/{period}/categories/{category_id}",
				new Tried(() -> owner.json("PUT", "/api/v1/budgets/2025-11/categories/" + fun, "{\"assigned\":20}"),
						Map.of("budget", 1)));
		// a move changes two lines: one event each
		tried.put("POST /api/v1/budgets/{period}/moves",
				new Tried(() -> owner.json("POST", "/api/v1/budgets/2025-11/moves",
						"{\"from\":" + food + ",\"to\":" + fun + ",\"amount\":1}"), Map.of("budget", 2)));
		// the copy writes the two lines of 2025-11 into 2026-03
		tried.put("POST /api/v1/budgets/{period}/copy", new Tried(
				() -> owner.json("POST", "/api/v1/budgets/2025-11/copy", "{\"to\":\"2026-03\"}"), Map.of("budget", 2)));
		tried.put("POST /api/v1/trash/restore", new Tried(() -> {
			int id = id(owner.json("POST", "/api/v1/expense", expense), "expense", "id");
			assertThat(owner.delete("/api/v1/expense/" + id).status()).isEqualTo(200);
			return owner.json("POST", "/api/v1/trash/restore", "{\"expense\":[" + id + "]}");
		}, Map.of("expense", 3)));

		Set<String> routes = writeRoutes();
		assertThat(routes).contains("POST /api/v1/expense", "DELETE /api/v1/income/{income_id}");
		List<String> unaccounted = new ArrayList<>();
		for (String route : routes) {
			if (!tried.containsKey(route) && !NO_LEDGER_DATA.contains(route)
					&& !route.equals("POST /api/v1/budgets/{period}/fill") && !route.equals(DEMO_LOAD)
					&& !route.equals(DEMO_REMOVE)) {
				unaccounted.add(route);
			}
		}
		assertThat(unaccounted)
			.as("write routes without a history check: try them here, or list them in "
					+ "NO_LEDGER_DATA with the reason they write no ledger data")
			.isEmpty();

		for (Map.Entry<String, Tried> route : tried.entrySet()) {
			long before = lastEvent(household);
			// (an import's events say import, a rule's applied changes say rule, the rest
			// api)
			ApiResponse response = route.getValue().request().get();
			assertThat(response.status()).as(route.getKey() + " " + response).isBetween(200, 201);
			List<Map<String, Object>> events = this.jdbc
				.sql("SELECT kind, action, actor_id, source, request_id FROM history_events "
						+ "WHERE household_id = :h AND id > :before ORDER BY id")
				.param("h", household)
				.param("before", before)
				.query()
				.listOfRows();
			Map<String, Integer> counted = new TreeMap<>();
			for (Map<String, Object> event : events) {
				counted.merge((String) event.get("kind"), 1, Integer::sum);
				assertThat(event.get("actor_id")).as(route.getKey() + " " + event).isEqualTo(owner.userId());
				assertThat(event.get("source")).as(route.getKey() + " " + event)
					.isEqualTo(expectedSource(route.getKey(), event));
				assertThat(event.get("request_id")).as(route.getKey() + " " + event).isNotNull();
			}
			assertThat(counted).as(route.getKey() + ": events per kind").isEqualTo(route.getValue().events());
		}

		// a fill writes one event per line it assigns, and nothing else
		long before = lastEvent(household);
		ApiResponse filled = owner.json("POST", "/api/v1/budgets/2025-12/fill", "{\"periods\":1}");
		assertThat(filled.status()).as(filled.toString()).isEqualTo(200);
		List<String> kinds = this.jdbc
			.sql("SELECT DISTINCT kind FROM history_events WHERE household_id = :h AND id > :before")
			.param("h", household)
			.param("before", before)
			.query(String.class)
			.list();
		assertThat(kinds).containsExactly("budget");
	}

	/**
	 * Demo data goes only into an empty household (so not the one above): its load writes
	 * one create per entry and per category its entries created, its removal one delete
	 * each, all naming the caller, the API and the request.
	 */
	@Test
	void demoDataLeavesAnEventPerRowItCreatesAndRemoves() {
		TokenCaller owner = newUser("rdemo");
		int household = currentHousehold(owner);
		long before = lastEvent(household);
		ApiResponse loaded = owner.json("POST", "/api/v1/demo-data", null);
		assertThat(loaded.status()).as(loaded.toString()).isEqualTo(201);
		int expenses = loaded.json().get("expenses").asInt();
		int incomes = loaded.json().get("incomes").asInt();
		int categories = this.jdbc.sql("SELECT count(*) FROM categories WHERE household_id = :h")
			.param("h", household)
			.query(Integer.class)
			.single();
		assertThat(events(owner, household, before, DEMO_LOAD))
			.isEqualTo(Map.of("expense create", expenses, "income create", incomes, "category create", categories));
		before = lastEvent(household);
		ApiResponse removed = owner.delete("/api/v1/demo-data");
		assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
		assertThat(events(owner, household, before, DEMO_REMOVE))
			.isEqualTo(Map.of("expense delete", expenses, "income delete", incomes, "category delete", categories));
	}

	/** The events since {@code before}, counted per kind and action, each checked. */
	private Map<String, Integer> events(TokenCaller caller, int household, long before, String route) {
		Map<String, Integer> counted = new TreeMap<>();
		for (Map<String, Object> event : this.jdbc
			.sql("SELECT kind, action, actor_id, source, request_id FROM history_events "
					+ "WHERE household_id = :h AND id > :before ORDER BY id")
			.param("h", household)
			.param("before", before)
			.query()
			.listOfRows()) {
			counted.merge(event.get("kind") + " " + event.get("action"), 1, Integer::sum);
			assertThat(event.get("actor_id")).as(route + " " + event).isEqualTo(caller.userId());
			assertThat(event.get("source")).as(route + " " + event).isEqualTo("api");
			assertThat(event.get("request_id")).as(route + " " + event).isNotNull();
		}
		return counted;
	}

	/**
	 * The source a route's events record when an API client (a token) calls it; the apply
	 * route's try first creates its expense through the API.
	 */
	private static String expectedSource(String route, Map<String, Object> event) {
		if (route.endsWith("/import") || route.contains("/imports/")) {
			return "import";
		}
		if (route.startsWith("POST /api/v1/rules/") && route.endsWith("/apply")) {
			return ("expense".equals(event.get("kind")) && "create".equals(event.get("action"))) ? "api" : "rule";
		}
		return "api";
	}

}
