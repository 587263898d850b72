package dev.homebudget.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import dev.homebudget.support.ApiTestSupport.ApiResponse;
import dev.homebudget.support.SignedInHouseholdsSupport;
import dev.homebudget.support.TokenCaller;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A trashed row is absent from every read route, found in the handler mapping: lists,
 * exports, totals, reports, balances, budgets and suggestions never show it, and a route
 * with its id answers 404, exactly as after a final delete. Only the history routes and
 * the trash itself name it. (The categories its text created stay, as after a final
 * delete: they are not the row.)
 */
class TrashedRowsApiTests extends SignedInHouseholdsSupport {

	/** The routes that show deleted rows on purpose. */
	private static final Set<String> SHOW_DELETED = Set.of("GET /api/v1/trash", "GET /api/v1/activity",
			"GET /api/v1/changes", "GET /api/v1/expense/{expense_id}/history",
			"GET /api/v1/income/{income_id}/history");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlerMapping;

	@Test
	void aTrashedRowIsAbsentFromEveryReadRoute() {
		TokenCaller user = newUser("trashed");
		TokenCaller other = newUser("payer");
		join(user, currentHousehold(user), "member", other);
		String marker = "Trashed" + UUID.randomUUID().toString().substring(0, 8);
		String amount = "8765.43";
		ApiResponse created = user.json("POST", "/api/v1/expense",
				"{\"date\":\"2025-11-10\",\"business\":\"" + marker + "\",\"category\":\"Groceries\",\"amount\":"
						+ amount + ",\"account\":\"" + marker + "\",\"notes\":\"" + marker + "\",\"paid_by\":"
						+ other.userId() + "}");
		assertThat(created.status()).as(created.toString()).isEqualTo(200);
		int expense = created.json().get("expense").get("id").asInt();
		ApiResponse earned = user.json("POST", "/api/v1/income", "{\"date\":\"2025-11-10\",\"category\":\"Salary"
				+ "\",\"amount\":" + amount + ",\"account\":\"" + marker + "\",\"notes\":\"" + marker + "\"}");
		int income = earned.json().get("income").get("id").asInt();
		assertThat(user.get("/api/v1/expense").body()).contains(marker);
		assertThat(user.delete("/api/v1/expense/" + expense).status()).isEqualTo(200);
		assertThat(user.delete("/api/v1/income/" + income).status()).isEqualTo(200);

		Set<String> routes = new TreeSet<>();
		for (RequestMappingInfo info : this.handlerMapping.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/api/") && (methods.isEmpty() || methods.contains(RequestMethod.GET)
						|| methods.contains(RequestMethod.HEAD))) {
					routes.add((methods.contains(RequestMethod.HEAD) ? "HEAD " : "GET ") + pattern);
				}
			}
		}
		assertThat(routes).contains("GET /api/v1/expense", "HEAD /api/v1/expense/{expense_id}", "GET /api/v1/balance");
		List<String> tried = new ArrayList<>();
		for (String route : routes) {
			if (SHOW_DELETED.contains(route)) {
				continue;
			}
			String method = route.substring(0, route.indexOf(' '));
			String path = route.substring(route.indexOf(' ') + 1)
				.replace("{expense_id}", Integer.toString(expense))
				.replace("{income_id}", Integer.toString(income))
				.replace("{period}", "2025-11")
				.replace("{household_id}", Integer.toString(currentHousehold(user)));
			if (path.contains("{")) {
				continue; // ids of other things (categories, tokens, members): no entry
							// in them
			}
			for (String query : List.of("", "?from=2025-01-01&to=2025-12-31", "?q=" + marker, "?year=2025",
					"?field=business", "?field=category", "?field=account", "?from=2025-01&to=2025-12")) {
				ApiResponse response = user.send(method, path + query, null, null);
				tried.add(method + " " + path + query + " " + response.status());
				if (route.contains("{expense_id}") || route.contains("{income_id}")) {
					assertThat(response.status()).as(method + " " + path + query).isEqualTo(404);
				}
				assertThat(response.status()).as(method + " " + path + query + " " + response).isLessThan(500);
				String body = response.body();
				if (path.equals("/api/v1/bootstrap") && response.status() == 200) {
					// its "trash" part is the first page of GET /api/v1/trash, which
					// names
					// deleted rows by design; every other part must not
					ObjectNode parts = (ObjectNode) response.json();
					assertThat(parts.get("trash").toString()).contains(marker);
					parts.remove("trash");
					body = parts.toString();
				}
				assertThat(body).as(method + " " + path + query).doesNotContain(marker, amount);
			}
		}
		assertThat(tried).hasSizeGreaterThan(100);
		// the trash and the history name it
		assertThat(user.get("/api/v1/trash").body()).contains(marker);
		assertThat(user.get("/api/v1/expense/" + expense + "/history").body()).contains(marker);
	}

}
