package dev.homebudget.household;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.homebudget.support.ApiTestSupport.ApiResponse;
import dev.homebudget.support.SignedInHouseholdsSupport;
import dev.homebudget.support.TokenCaller;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * T25: two users in different households, over real HTTP in sign-in mode. Every API route
 * is enumerated from the handler mapping: B calling any route with one of A's ids gets
 * 404; B's lists, pages, reports, CSV exports and suggestions hold none of A's rows; B's
 * bulk delete over A's and B's ids removes only B's; an Idempotency-Key A used is not
 * replayed to B; and A's data (rows and amounts) is unchanged afterwards. A new route
 * that none of the lists below accounts for fails the test. T26: a household_id in a body
 * never moves a row.
 */
class HouseholdIsolationApiTests extends SignedInHouseholdsSupport {

	/** Routes that read or change no household's data, and why. */
	private static final Set<String> NON_DATA_ROUTES = Set.of(
			// public health checks
			"GET /api/v1/health", "GET /api/v1/health/live", "GET /api/v1/health/ready",
			// the caller's own account and tokens (part 1 proves they are the owner's
			// alone)
			"GET /api/v1/account", "POST /api/v1/account/password", "GET /api/v1/tokens", "POST /api/v1/tokens",
			// the caller's session's CSRF token
			"GET /api/v1/csrf",
			// the server's settings, flags and storage phase, the same for everyone
			"GET /api/v1/config/show", "GET /api/v1/feature-flags", "GET /api/v1/storage",
			// the caller's own households (tested in HouseholdApiTests)
			"GET /api/v1/households", "POST /api/v1/households", "PUT /api/v1/account/household",
			"POST /api/v1/invitations/accept",
			// a calendar feed: its secret URL is the key, whoever asks (ScheduleApiTests)
			"GET /api/v1/calendar/{secret}.ics");

	/** Data routes without an id that only read: checked for A's rows. */
	private static final Set<String> READ_ROUTES = Set.of("GET /api/v1/expense", "GET /api/v1/income",
			"GET /api/v1/expense/export", "GET /api/v1/income/export", "GET /api/v1/expense/summary",
			"GET /api/v1/reports/totals", "GET /api/v1/reports/monthly", "GET /api/v1/reports/categories",
			"GET /api/v1/reports/values", "GET /api/v1/balance", "GET /api/v1/settlements",
			"GET /api/v1/reports/members", "GET /api/v1/categories", "GET /api/v1/categories/duplicates",
			"GET /api/v1/suggestions", "GET /api/v1/exchange-rates", "GET /api/v1/settings",
			"GET /api/v1/budgets/settings", "GET /api/v1/budgets/{period}", "GET /api/v1/reports/budget",
			"GET /api/v1/schedules", "GET /api/v1/schedules/settings", "GET /api/v1/upcoming", "GET /api/v1/activity",
			"GET /api/v1/changes", "GET /api/v1/trash", "GET /api/v1/imports", "GET /api/v1/imports/profiles",
			"GET /api/v1/rules", "GET /api/v1/rules/suggestions", "GET /api/v1/bootstrap",
			"GET /api/v1/bootstrap/period", "GET /api/v1/demo-data");

	/** Data routes without an id that write: checked to land in B's household only. */
	private static final Set<String> WRITE_ROUTES = Set.of("POST /api/v1/expense", "POST /api/v1/income",
			"POST /api/v1/expense/bulk-delete", "POST /api/v1/income/bulk-delete", "POST /api/v1/expense/import",
			"POST /api/v1/income/import", "POST /api/v1/settlements", "POST /api/v1/categories",
			"POST /api/v1/exchange-rates", "POST /api/v1/exchange-rates/import", "PATCH /api/v1/settings",
			"PUT /api/v1/budgets/settings", "POST /api/v1/budgets/{period}/moves", "POST /api/v1/budgets/{period}/copy",
			"POST /api/v1/budgets/{period}/fill", "POST /api/v1/schedules", "PUT /api/v1/schedules/settings",
			"POST /api/v1/calendar/feed", "DELETE /api/v1/calendar/feed", "POST /api/v1/trash/restore",
			"DELETE /api/v1/trash", "POST /api/v1/imports", "POST /api/v1/imports/profiles", "POST /api/v1/rules",
			"POST /api/v1/rules/order", "POST /api/v1/demo-data", "DELETE /api/v1/demo-data");

	/** The period every budget route is tried with: the month A's budget is in. */
	private static final String PERIOD = "2025-11";

	/** The occurrence every schedule route is tried with: one of A's schedule. */
	private static final String OCCURRENCE = "2030-01-31";

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlerMapping;

	/** A's seeded data. */
	private record Seeded(TokenCaller user, int household, String marker, List<Integer> expenses, List<Integer> incomes,
			int invitation, int token) {

	}

	private Seeded seed(String prefix, String... amounts) {
		TokenCaller user = newUser(prefix);
		String marker = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		List<Integer> expenses = new ArrayList<>();
		List<Integer> incomes = new ArrayList<>();
		for (String amount : amounts) {
			ApiResponse created = user.json("POST", "/api/v1/expense", expense(marker, amount));
			assertThat(created.status()).as(created.toString()).isEqualTo(200);
			expenses.add(created.json().get("expense").get("id").asInt());
			ApiResponse earned = user.json("POST", "/api/v1/income", income(marker, amount));
			assertThat(earned.status()).as(earned.toString()).isEqualTo(200);
			incomes.add(earned.json().get("income").get("id").asInt());
		}
		int household = currentHousehold(user);
		ApiResponse invitation = user.json("POST", "/api/v1/households/" + household + "/invitations",
				"{\"role\":\"member\"}");
		assertThat(invitation.status()).as(invitation.toString()).isEqualTo(201);
		int token = this.tokens.create(user.userId(), "second").token().id();
		return new Seeded(user, household, marker, expenses, incomes, invitation.json().get("id").asInt(), token);
	}

	/** Rows, amounts and versions of a household's expenses and incomes. */
	private String fingerprint(int household) {
		return this.jdbc
			.sql("""
					SELECT (SELECT count(*) || ' ' || coalesce(md5(string_agg(concat_ws(',', id, date, business, category,
					        amount, account, currency, notes, version, charged_amount, charged_currency), '|' ORDER BY id)), '-')
					        FROM expenses WHERE household_id = :household)
					    || ' / ' ||
					       (SELECT count(*) || ' ' || coalesce(md5(string_agg(concat_ws(',', id, date, category, amount,
					        account, currency, notes, version, charged_amount, charged_currency), '|' ORDER BY id)), '-')
					        FROM incomes WHERE household_id = :household)
					    || ' / ' ||
					       (SELECT count(*) || ' ' || coalesce(md5(string_agg(concat_ws(',', user_id, role), '|'
					        ORDER BY user_id)), '-') FROM household_members WHERE household_id = :household)
					    || ' / ' ||
					       (SELECT count(*) || ' ' || count(used_at) FROM household_invitations
					        WHERE household_id = :household)
					    || ' / ' ||
					       (SELECT count(*) || ' ' || coalesce(sum(amount), 0) FROM settlements WHERE household_id = :household)
					    || ' / ' ||
					       (SELECT count(*) || ' ' || coalesce(sum(s.amount), 0) || ' ' || count(e.paid_by)
					        FROM expense_shares s JOIN expenses e ON e.id = s.expense_id WHERE e.household_id = :household)
					    || ' / ' ||
					       (SELECT count(*) || ' ' || coalesce(md5(string_agg(concat_ws(',', id, kind, name, parent_id, colour,
					        archived, position, version), '|' ORDER BY id)), '-') FROM categories WHERE household_id = :household)
					    || ' / ' ||
					       (SELECT count(*) || ' ' || coalesce(md5(string_agg(concat_ws(',', id, day, currency, quote, rate),
					        '|' ORDER BY id)), '-') FROM exchange_rates WHERE household_id = :household)
					    || ' / ' ||
					       (SELECT count(*) || ' ' || coalesce(md5(string_agg(concat_ws(',', category_id, period, assigned, carry,
					        carry_cap, carry_floor, target_kind, target_amount, target_date, member_id, version), '|'
					        ORDER BY category_id, period)), '-') FROM budget_lines WHERE household_id = :household)
					    || ' / ' ||
					       (SELECT coalesce(max(concat_ws(',', start_day, weekend_rule, version)), '-') FROM budget_settings
					        WHERE household_id = :household)
					    || ' / ' ||
					       (SELECT count(*) || ' ' || coalesce(md5(string_agg(concat_ws(',', id, kind, template::text, rrule,
					        start_date, end_date, count, weekend, mode, status, post_from, version), '|' ORDER BY id)), '-')
					        FROM schedules WHERE household_id = :household)
					    || ' / ' ||
					       (SELECT count(*) || ' ' || coalesce(md5(string_agg(concat_ws(',', schedule_id, due_date, status,
					        entry_id), '|' ORDER BY schedule_id, due_date)), '-') FROM schedule_occurrences
					        WHERE household_id = :household)
					    || ' / ' ||
					       (SELECT coalesce(max(concat_ws(',', split_weights::text, version)), '-') FROM schedule_settings
					        WHERE household_id = :household)
					    || ' / ' ||
					       (SELECT count(*) || ' ' || coalesce(max(secret_sha256), '-') FROM calendar_feeds
					        WHERE household_id = :household)
					    || ' / ' ||
					       (SELECT count(*) || ' ' || coalesce(md5(string_agg(concat_ws(',', b.id, b.status, b.version, r.line,
					        r.decision, r.version, r.entry_id), '|' ORDER BY b.id, r.line)), '-')
					        FROM import_batches b LEFT JOIN import_rows r ON r.batch_id = b.id WHERE b.household_id = :household)
					    || ' / ' ||
					       (SELECT count(*) || ' ' || coalesce(md5(string_agg(concat_ws(',', id, name, header_signature,
					        mapping::text, version), '|' ORDER BY id)), '-') FROM import_profiles WHERE household_id = :household)
					    || ' / ' ||
					       (SELECT count(*) || ' ' || coalesce(md5(string_agg(concat_ws(',', id, name, enabled, position, stop,
					        conditions::text, actions::text, version), '|' ORDER BY id)), '-') FROM rules
					        WHERE household_id = :household)
					    || ' / ' || (SELECT base_currency FROM households WHERE id = :household)""")
			.param("household", household)
			.query(String.class)
			.single();
	}

	private Set<String> apiRoutes() {
		Set<String> routes = new TreeSet<>();
		for (RequestMappingInfo info : this.handlerMapping.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				if (!pattern.startsWith("/api/")) {
					continue;
				}
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					routes.add(method.name() + " " + pattern);
				}
			}
		}
		return routes;
	}

	@Test
	void everyRouteKeepsOneHouseholdsDataFromAnother() {
		Seeded a = seed("a", "4321.09", "1234.56");
		Seeded b = seed("b", "10.10", "20.20");
		// a settle-up in A's household (A paid B back), to try through B's routes
		int settlement = this.jdbc
			.sql("INSERT INTO settlements (household_id, from_user, to_user, amount, date) "
					+ "VALUES (:household, :from, :to, 4321.09, '2025-11-10') RETURNING id")
			.param("household", a.household())
			.param("from", a.user().userId())
			.param("to", b.user().userId())
			.query(Integer.class)
			.single();
		int rate = this.jdbc
			.sql("INSERT INTO exchange_rates (household_id, day, currency, quote, rate) "
					+ "VALUES (:household, '2025-11-01', 'USD', 'ILS', 4321.09) RETURNING id")
			.param("household", a.household())
			.query(Integer.class)
			.single();
		this.jdbc
			.sql("INSERT INTO budget_settings (household_id, start_day, weekend_rule) VALUES (:household, 10, 'none')")
			.param("household", a.household())
			.update();
		this.jdbc
			.sql("INSERT INTO budget_lines (household_id, category_id, period, assigned, carry) "
					+ "SELECT :household, id, '" + PERIOD + "', 4321.09, 'both' FROM categories "
					+ "WHERE household_id = :household AND kind = 'expense'")
			.param("household", a.household())
			.update();
		// A's schedule (far ahead: nothing of it comes due while the test runs), an
		// occurrence waiting for confirmation, A's default split and calendar feed
		ApiResponse schedule = a.user()
			.json("POST", "/api/v1/schedules", "{\"kind\":\"expense\",\"template\":{\"category\":\"" + a.marker()
					+ "\",\"amount\":\"4321.09\",\"account\":\"Bank\"},\"rrule\":\"FREQ=MONTHLY;BYMONTHDAY=-1\","
					+ "\"start\":\"" + OCCURRENCE + "\",\"mode\":\"confirm\"}");
		assertThat(schedule.status()).as(schedule.toString()).isEqualTo(201);
		int aSchedule = schedule.json().get("id").asInt();
		this.jdbc
			.sql("INSERT INTO schedule_occurrences (schedule_id, due_date, entry_date, household_id, seq, status) "
					+ "VALUES (:schedule, '" + OCCURRENCE + "', '" + OCCURRENCE + "', :household, 1, 'due')")
			.param("schedule", aSchedule)
			.param("household", a.household())
			.update();
		assertThat(a.user()
			.json("PUT", "/api/v1/schedules/settings", "{\"default_split\":{\"" + a.user().userId() + "\":1}}")
			.status()).isEqualTo(200);
		assertThat(a.user().json("POST", "/api/v1/calendar/feed", null).status()).isEqualTo(201);
		int batch = this.jdbc
			.sql("""
					INSERT INTO import_batches (household_id, format, account, mapping, rows_total, rows_new, rows_duplicate,
					    rows_match, rows_error)
					VALUES (:household, 'csv', :marker, '{}', 1, 1, 0, 0, 0) RETURNING id""")
			.param("household", a.household())
			.param("marker", a.marker())
			.query(Integer.class)
			.single();
		this.jdbc
			.sql("""
					INSERT INTO import_rows (batch_id, line, status, kind, date, amount, currency, business, category,
					    account, decision)
					VALUES (:batch, 2, 'new', 'expense', '2025-11-10', 4321.09, 'ILS', :marker, :marker, :marker, 'import')""")
			.param("batch", batch)
			.param("marker", a.marker())
			.update();
		int profile = this.jdbc.sql("""
				INSERT INTO import_profiles (household_id, name, header_signature, mapping)
				VALUES (:household, :marker, 'date', '{"date":"date","amount":"amount"}') RETURNING id""")
			.param("household", a.household())
			.param("marker", a.marker())
			.query(Integer.class)
			.single();
		// A's rule: it would rename B's "Shop" expenses if it reached them
		ApiResponse aRule = a.user()
			.json("POST", "/api/v1/rules", "{\"name\":\"" + a.marker() + "\",\"conditions\":{\"payee\":{\"op\":"
					+ "\"contains\",\"value\":\"shop\"}},\"actions\":{\"business\":\"" + a.marker() + "\"}}");
		assertThat(aRule.status()).as(aRule.toString()).isEqualTo(201);
		int rule = aRule.json().get("id").asInt();
		String before = fingerprint(a.household());
		List<Integer> aCategories = this.jdbc
			.sql("SELECT id FROM categories WHERE household_id = :household ORDER BY id")
			.param("household", a.household())
			.query(Integer.class)
			.list();
		assertThat(aCategories).isNotEmpty();
		Map<String, List<Integer>> aIds = new HashMap<>(Map.of("expense_id", a.expenses(), "income_id", a.incomes(),
				"household_id", List.of(a.household()), "user_id", List.of(a.user().userId(), b.user().userId()),
				"invitation_id", List.of(a.invitation()), "token_id", List.of(a.token()), "settlement_id",
				List.of(settlement), "category_id", aCategories, "rate_id", List.of(rate)));
		aIds.put("import_id", List.of(batch));
		aIds.put("line", List.of(2));
		aIds.put("profile_id", List.of(profile));
		aIds.put("schedule_id", List.of(aSchedule));
		aIds.put("rule_id", List.of(rule));

		Set<String> routes = apiRoutes();
		assertThat(routes).as("the enumeration found the routes")
			.contains("PATCH /api/v1/expense/{expense_id}", "HEAD /api/v1/income/{income_id}",
					"GET /api/v1/reports/values", "DELETE /api/v1/households/{household_id}/members/{user_id}");
		List<String> unaccounted = new ArrayList<>();
		int idCalls = 0;
		for (String route : routes) {
			String method = route.substring(0, route.indexOf(' '));
			String pattern = route.substring(route.indexOf(' ') + 1);
			if (NON_DATA_ROUTES.contains(route) || READ_ROUTES.contains(route) || WRITE_ROUTES.contains(route)) {
				continue;
			}
			if (!pattern.contains("{")) {
				unaccounted.add(route);
				continue;
			}
			for (String path : paths(pattern, aIds, unaccounted, route)) {
				ApiResponse response = b.user().send(method, path, body(method, path), "application/json");
				assertThat(response.status()).as("B: " + method + " " + path + " " + response).isEqualTo(404);
				idCalls++;
			}
		}
		assertThat(unaccounted).as("routes that T25 does not cover: add them to a list with a reason").isEmpty();
		// A's invitation through B's own household is not B's either
		assertThat(b.user().delete("/api/v1/households/" + b.household() + "/invitations/" + a.invitation()).status())
			.isEqualTo(404);
		assertThat(idCalls).isGreaterThanOrEqualTo(20);

		for (String route : READ_ROUTES) {
			String path = route.substring(route.indexOf(' ') + 1);
			path = path.replace("{period}", PERIOD);
			for (String query : List.of("", "?from=2025-01&to=2025-12", "?limit=1000", "?q=" + a.marker(),
					"?category=" + a.marker(), "?kind=income&field=category", "?field=category", "?field=business",
					"?field=account", "?year=2025", "?business=Shop", "?kind=expense")) {
				ApiResponse response = b.user().get(path + query);
				if (response.status() == 422) {
					continue; // a parameter this route does not take
				}
				assertThat(response.status()).as(path + query + " " + response).isEqualTo(200);
				assertThat(response.body()).as(path + query)
					.doesNotContain(a.marker(), "4321.09", "1234.56", "5555.65");
			}
		}
		JsonNode totals = b.user().get("/api/v1/reports/totals").json();
		assertThat(totals.get("expenses").decimalValue()).isEqualByComparingTo("30.30");
		assertThat(totals.get("incomes").decimalValue()).isEqualByComparingTo("30.30");
		assertThat(pagedIds(b.user(), "/api/v1/expense")).containsExactlyInAnyOrderElementsOf(b.expenses());
		assertThat(pagedIds(b.user(), "/api/v1/income")).containsExactlyInAnyOrderElementsOf(b.incomes());

		// an Idempotency-Key A used is B's to use too: no replay of A's response (in a
		// category A has, so that A's own data is as before once the row is deleted)
		String body = expense(a.marker(), "1.00");
		ApiResponse first = a.user()
			.send("POST", "/api/v1/expense", body, "application/json", Map.of("Idempotency-Key", "shared-key"));
		ApiResponse other = b.user()
			.send("POST", "/api/v1/expense", body, "application/json", Map.of("Idempotency-Key", "shared-key"));
		assertThat(other.status()).as(other.toString()).isEqualTo(200);
		assertThat(other.header("Idempotent-Replayed")).isNull();
		assertThat(other.json().get("expense").get("id").asInt())
			.isNotEqualTo(first.json().get("expense").get("id").asInt());
		assertThat(a.user().delete("/api/v1/expense/" + first.json().get("expense").get("id").asInt()).status())
			.isEqualTo(200);

		// bulk delete over a mix removes B's rows only and counts only them
		List<Integer> mix = new ArrayList<>(a.expenses());
		mix.addAll(b.expenses());
		ApiResponse bulk = b.user().json("POST", "/api/v1/expense/bulk-delete", "{\"ids\":" + mix + "}");
		assertThat(bulk.status()).as(bulk.toString()).isEqualTo(200);
		assertThat(bulk.json().get("count").asInt()).isEqualTo(b.expenses().size());
		List<Integer> incomeMix = new ArrayList<>(a.incomes());
		incomeMix.addAll(b.incomes());
		ApiResponse incomeBulk = b.user().json("POST", "/api/v1/income/bulk-delete", "{\"ids\":" + incomeMix + "}");
		assertThat(incomeBulk.json().get("count").asInt()).isEqualTo(b.incomes().size());

		// B's restore and B's emptying of the trash reach B's rows only (A's trash holds
		// the row A deleted above)
		String aTrash = trash(a.household());
		ApiResponse restore = b.user()
			.json("POST", "/api/v1/trash/restore", "{\"expense\":" + mix + ",\"income\":" + incomeMix + "}");
		assertThat(restore.status()).as(restore.toString()).isEqualTo(200);
		assertThat(restore.json().get("count").asInt()).isEqualTo(b.expenses().size() + b.incomes().size());
		assertThat(b.user().delete("/api/v1/trash").status()).isEqualTo(200);
		assertThat(trash(a.household())).isEqualTo(aTrash).startsWith("1 ");

		// B cannot settle up with A, or pay for A, from B's household: A is no member
		// there
		ApiResponse settle = b.user()
			.json("POST", "/api/v1/settlements", "{\"from_user\":" + b.user().userId() + ",\"to_user\":"
					+ a.user().userId() + ",\"amount\":\"1.00\"}");
		assertThat(settle.status()).as(settle.toString()).isEqualTo(422);
		ApiResponse paidByA = b.user()
			.json("POST", "/api/v1/expense", "{\"date\":\"2025-11-10\",\"category\":\"x\",\"amount\":1,"
					+ "\"account\":\"Cash\",\"paid_by\":" + a.user().userId() + "}");
		assertThat(paidByA.status()).as(paidByA.toString()).isEqualTo(422);

		// B's creates and imports land in B's household
		ApiResponse csv = b.user()
			.send("POST", "/api/v1/expense/import",
					"date,category,amount,account,household_id\n2025-01-02,Csv,3.00,Cash," + a.household() + "\n",
					"text/csv");
		assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
		ApiResponse incomeCsv = b.user()
			.send("POST", "/api/v1/income/import", "date,category,amount,account\n2025-01-02,Csv,3.00,Bank\n",
					"text/csv");
		assertThat(incomeCsv.status()).as(incomeCsv.toString()).isEqualTo(200);
		assertThat(this.jdbc.sql("SELECT count(*) FROM expenses WHERE category = 'Csv' AND household_id = :b")
			.param("b", b.household())
			.query(Integer.class)
			.single()).isEqualTo(1);

		// B's settings and rates are B's
		assertThat(b.user().json("PATCH", "/api/v1/settings", "{\"base_currency\":\"USD\"}").status()).isEqualTo(200);
		assertThat(b.user()
			.json("POST", "/api/v1/exchange-rates", "{\"date\":\"2025-11-01\",\"currency\":\"EUR\",\"rate\":4321.09}")
			.status()).isEqualTo(201);
		assertThat(b.user()
			.send("POST", "/api/v1/exchange-rates/import", "date,currency,rate\n2025-11-02,GBP,1.5\n", "text/csv")
			.status()).isEqualTo(200);

		// B's budget is B's; A's categories are not B's to budget or move between
		int bCategory = b.user()
			.json("POST", "/api/v1/categories", "{\"name\":\"B's budget\",\"kind\":\"expense\"}")
			.json()
			.get("id")
			.asInt();
		assertThat(b.user().json("PUT", "/api/v1/budgets/settings", "{\"start_day\":5}").status()).isEqualTo(200);
		assertThat(b.user()
			.json("PUT", "/api/v1/budgets/" + PERIOD + "/categories/" + bCategory, "{\"assigned\":4321.09}")
			.status()).isEqualTo(200);
		for (int aCategory : aCategories) {
			ApiResponse move = b.user()
				.json("POST", "/api/v1/budgets/" + PERIOD + "/moves",
						"{\"from\":" + bCategory + ",\"to\":" + aCategory + ",\"amount\":1}");
			assertThat(move.status()).as("B moves into A's category: " + move).isIn(404, 422);
		}
		assertThat(b.user().json("POST", "/api/v1/budgets/" + PERIOD + "/copy", "{\"to\":\"2025-12\"}").status())
			.isEqualTo(200);
		assertThat(b.user().json("POST", "/api/v1/budgets/2026-01/fill", "{\"overwrite\":true}").status())
			.isEqualTo(200);
		assertThat(b.user().get("/api/v1/budgets/" + PERIOD).json().get("categories"))
			.allMatch((row) -> row.get("category_id").asInt() == bCategory
					|| !aCategories.contains(row.get("category_id").asInt()));

		// B's schedules, upcoming items, split and feed are B's
		ApiResponse bSchedule = b.user()
			.json("POST", "/api/v1/schedules", "{\"kind\":\"expense\",\"template\":{\"category\":\"B bills\","
					+ "\"amount\":\"10.00\",\"account\":\"Bank\"},\"rrule\":\"FREQ=MONTHLY\",\"start\":\"2030-02-01\"}");
		assertThat(bSchedule.status()).as(bSchedule.toString()).isEqualTo(201);
		assertThat(b.user().get("/api/v1/schedules").json()).hasSize(1);
		assertThat(b.user().get("/api/v1/upcoming?days=366").json()).isEmpty();
		assertThat(b.user()
			.json("PUT", "/api/v1/schedules/settings", "{\"default_split\":{\"" + a.user().userId() + "\":1}}")
			.status()).as("A is no member of B's household").isEqualTo(422);
		assertThat(b.user().json("POST", "/api/v1/calendar/feed", null).status()).isEqualTo(201);
		assertThat(b.user().delete("/api/v1/calendar/feed").status()).isEqualTo(200);

		// B's rules are B's: A's rule is not in B's order, and B's apply leaves A's rows
		ApiResponse bRule = b.user()
			.json("POST", "/api/v1/rules", "{\"name\":\"B\",\"conditions\":{\"kind\":\"expense\"},"
					+ "\"actions\":{\"note\":\"B was here\"}}");
		assertThat(bRule.status()).as(bRule.toString()).isEqualTo(201);
		int bRuleId = bRule.json().get("id").asInt();
		assertThat(b.user().get("/api/v1/rules").json()).hasSize(1);
		assertThat(b.user().json("POST", "/api/v1/rules/order", "{\"ids\":[" + rule + "," + bRuleId + "]}").status())
			.isEqualTo(409);
		assertThat(b.user().json("POST", "/api/v1/rules/" + bRuleId + "/apply", null).status()).isEqualTo(200);
		assertThat(b.user().delete("/api/v1/rules/" + bRuleId).status()).isEqualTo(200);

		// demo data: B's household has entries (a load is refused) and none of it is
		// loaded (a removal finds nothing), whatever A's holds
		assertThat(b.user().json("POST", "/api/v1/demo-data", null).status()).isEqualTo(409);
		assertThat(b.user().delete("/api/v1/demo-data").status()).isEqualTo(404);

		assertThat(fingerprint(a.household())).as("A's data after everything B did").isEqualTo(before);
		assertThat(a.user().get("/api/v1/expense").json()).hasSize(a.expenses().size());
	}

	@Test
	void aHouseholdIdInABodyNeverMovesARow() {
		Seeded a = seed("a26", "7.00");
		TokenCaller b = newUser("b26");
		int bHousehold = currentHousehold(b);
		int batch = this.jdbc
			.sql("""
					INSERT INTO import_batches (household_id, format, account, mapping, rows_total, rows_new, rows_duplicate,
					    rows_match, rows_error)
					VALUES (:household, 'csv', :marker, '{}', 1, 1, 0, 0, 0) RETURNING id""")
			.param("household", a.household())
			.param("marker", a.marker())
			.query(Integer.class)
			.single();
		this.jdbc
			.sql("""
					INSERT INTO import_rows (batch_id, line, status, kind, date, amount, currency, business, category,
					    account, decision)
					VALUES (:batch, 2, 'new', 'expense', '2025-11-10', 4321.09, 'ILS', :marker, :marker, :marker, 'import')""")
			.param("batch", batch)
			.param("marker", a.marker())
			.update();
		int profile = this.jdbc.sql("""
				INSERT INTO import_profiles (household_id, name, header_signature, mapping)
				VALUES (:household, :marker, 'date', '{"date":"date","amount":"amount"}') RETURNING id""")
			.param("household", a.household())
			.param("marker", a.marker())
			.query(Integer.class)
			.single();
		String before = fingerprint(a.household());
		String withHousehold = "{\"date\":\"2025-11-10\",\"category\":\"T26\",\"amount\":5,\"account\":\"Cash\","
				+ "\"household_id\":" + a.household() + "}";
		ApiResponse created = b.json("POST", "/api/v1/expense", withHousehold);
		assertThat(created.status()).as("household_id is ignored like id and type").isEqualTo(200);
		int id = created.json().get("expense").get("id").asInt();
		assertThat(householdOf("expenses", id)).isEqualTo(bHousehold);
		ApiResponse replaced = b.json("PUT", "/api/v1/expense/" + id, withHousehold);
		assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
		assertThat(householdOf("expenses", id)).isEqualTo(bHousehold);
		ApiResponse patched = b.json("PATCH", "/api/v1/expense/" + id,
				"{\"field\":\"household_id\",\"value\":" + a.household() + "}");
		assertThat(patched.status()).as("an unknown field is refused: " + patched).isEqualTo(400);
		assertThat(householdOf("expenses", id)).isEqualTo(bHousehold);
		ApiResponse income = b.json("POST", "/api/v1/income",
				"{\"date\":\"2025-11-10\",\"category\":\"T26\",\"amount\":5,\"account\":\"Bank\",\"household_id\":"
						+ a.household() + "}");
		assertThat(householdOf("incomes", income.json().get("income").get("id").asInt())).isEqualTo(bHousehold);
		// A's own row is not moved by A either
		int aRow = a.expenses().get(0);
		assertThat(a.user()
			.json("PUT", "/api/v1/expense/" + aRow, "{\"category\":\"T26\",\"household_id\":" + bHousehold + "}")
			.status()).isEqualTo(200);
		assertThat(householdOf("expenses", aRow)).isEqualTo(a.household());
		assertThat(fingerprint(a.household())).isNotEqualTo(before); // A's own edit, in
																		// A's household
	}

	/** What a household's trash holds. */
	private String trash(int household) {
		return this.jdbc
			.sql("SELECT count(*) || ' ' || coalesce(string_agg(kind || id, ',' ORDER BY kind, id), '-') "
					+ "FROM trashed_entries WHERE household_id = :household")
			.param("household", household)
			.query(String.class)
			.single();
	}

	private int householdOf(String table, int id) {
		return this.jdbc.sql("SELECT household_id FROM " + table + " WHERE id = :id")
			.param("id", id)
			.query(Integer.class)
			.single();
	}

	/** Every id of a list, read a page of one row at a time through the cursor. */
	private static List<Integer> pagedIds(TokenCaller user, String path) {
		List<Integer> ids = new ArrayList<>();
		String next = path + "?limit=1";
		while (next != null) {
			ApiResponse page = user.get(next);
			assertThat(page.status()).as(page.toString()).isEqualTo(200);
			page.json().forEach((row) -> ids.add(row.get("id").asInt()));
			String link = page.header("Link");
			next = null;
			if (link != null) {
				Matcher matcher = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"").matcher(link);
				if (matcher.find()) {
					next = matcher.group(1).replaceFirst("^https?://[^/]+", "");
				}
			}
			assertThat(ids.size()).isLessThan(1000);
		}
		return ids;
	}

	private static List<String> paths(String pattern, Map<String, List<Integer>> ids, List<String> unaccounted,
			String route) {
		String withPeriod = pattern.replace("{period}", PERIOD).replace("{date}", OCCURRENCE);
		List<String> paths = new ArrayList<>(List.of(withPeriod));
		Matcher variables = VARIABLE.matcher(withPeriod);
		while (variables.find()) {
			String name = variables.group(1);
			List<Integer> values = ids.get(name);
			if (values == null) {
				unaccounted.add(route + " (no ids for {" + name + "})");
				return List.of();
			}
			List<String> expanded = new ArrayList<>();
			for (String path : paths) {
				for (Integer value : values) {
					expanded.add(path.replace("{" + name + "}", String.valueOf(value)));
				}
			}
			paths = expanded;
		}
		return paths;
	}

	/** A valid body for the route, so that only the id can make it fail. */
	private static String body(String method, String path) {
		if (path.contains("/members/")) {
			return method.equals("PATCH") ? "{\"role\":\"viewer\"}" : null;
		}
		if (path.endsWith("/invitations")) {
			return method.equals("POST") ? "{\"role\":\"member\"}" : null;
		}
		if (path.startsWith("/api/v1/imports/profiles/")) {
			return method.equals("PUT") ? "{\"name\":\"B-was-here\",\"mapping\":{\"date\":\"D\",\"amount\":\"A\"}}"
					: null;
		}
		if (path.startsWith("/api/v1/imports/")) {
			return method.equals("PATCH") ? "{\"decision\":\"skip\"}" : null;
		}
		if (path.startsWith("/api/v1/rules/")) {
			return method.equals("PUT") ? "{\"name\":\"B-was-here\",\"conditions\":{\"kind\":\"expense\"},"
					+ "\"actions\":{\"category\":\"B-was-here\"}}" : null;
		}
		if (path.startsWith("/api/v1/budgets/")) {
			return method.equals("PUT") ? "{\"assigned\":1}" : null;
		}
		if (path.startsWith("/api/v1/schedules/")) {
			return switch (method) {
				case "PATCH" -> "{\"status\":\"ended\"}";
				case "POST" -> "{\"amount\":1}";
				default -> null;
			};
		}
		if (path.startsWith("/api/v1/categories/")) {
			return switch (method) {
				case "PATCH" -> "{\"name\":\"B-was-here\"}";
				case "POST" -> "{\"into\":1}";
				default -> null;
			};
		}
		boolean expense = path.startsWith("/api/v1/expense");
		return switch (method) {
			case "PUT" -> expense ? expense("B-was-here", "1.00") : income("B-was-here", "1.00");
			case "PATCH" -> "{\"field\":\"amount\",\"value\":1}";
			default -> null;
		};
	}

}
