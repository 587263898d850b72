package dev.homebudget.settle;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.homebudget.support.ApiTestSupport.ApiResponse;
import dev.homebudget.support.SignedInHouseholdsSupport;
import dev.homebudget.support.TokenCaller;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-member filters of the expense list over real HTTP in sign-in mode:
 * {@code paid_by}, {@code for_whom} (a member with a share, or "shared"), alone and with
 * the other filters, the order and the keyset cursor; bad values are 422; another
 * household's member matches nothing.
 */
class ExpensePayerFilterApiTests extends SignedInHouseholdsSupport {

	private TokenCaller a;

	private TokenCaller b;

	private TokenCaller c;

	/** e1..e6 as created below. */
	private final List<Integer> ids = new ArrayList<>();

	@BeforeEach
	void threeMembersAndSixExpenses() {
		this.a = newUser("fa");
		this.b = newUser("fb");
		this.c = newUser("fc");
		join(this.a, currentHousehold(this.a), "member", this.b, this.c);
		this.ids.clear();
		// e1: A paid, shared equally by A, B, C
		create(this.a, "2025-11-01", "30.00", "alpha", "");
		// e2: B paid, for A
		create(this.b, "2025-11-02", "12.00", "beta", ",\"for_whom\":" + this.a.userId());
		// e3: C paid, custom shares of A and B
		create(this.c, "2025-11-03", "10.00", "gamma", ",\"shares\":[{\"user_id\":" + this.a.userId()
				+ ",\"amount\":\"2.50\"},{\"user_id\":" + this.b.userId() + ",\"amount\":\"7.50\"}]");
		// e4: A paid, for C
		create(this.a, "2025-11-04", "40.00", "alpha two", ",\"for_whom\":" + this.c.userId());
		// e5: unknown payer, shared equally
		create(this.b, "2025-11-05", "9.00", "delta", ",\"paid_by\":null");
		// e6: B paid, for B, a month earlier
		create(this.b, "2025-10-01", "5.00", "epsilon", ",\"for_whom\":" + this.b.userId());
	}

	private void create(TokenCaller user, String date, String amount, String notes, String extra) {
		ApiResponse created = user.json("POST", "/api/v1/expense", "{\"date\":\"" + date + "\",\"category\":\"Food\","
				+ "\"amount\":\"" + amount + "\",\"account\":\"Cash\",\"notes\":\"" + notes + "\"" + extra + "}");
		assertThat(created.status()).as(created.toString()).isEqualTo(200);
		this.ids.add(created.json().get("expense").get("id").asInt());
	}

	private int e(int number) {
		return this.ids.get(number - 1);
	}

	private List<Integer> query(TokenCaller caller, String parameters) {
		ApiResponse response = caller.get("/api/v1/expense?" + parameters);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		List<Integer> found = new ArrayList<>();
		response.json().forEach((row) -> found.add(row.get("id").asInt()));
		return found;
	}

	@Test
	void filtersByPayerAndBeneficiaryAlone() {
		assertThat(query(this.b, "paid_by=" + this.a.userId())).containsExactly(e(4), e(1));
		assertThat(query(this.a, "paid_by=" + this.b.userId())).containsExactly(e(2), e(6));
		assertThat(query(this.a, "paid_by=" + this.c.userId())).containsExactly(e(3));
		// a share of A: shared by all (e1, e5), bought for A (e2), custom with A (e3)
		assertThat(query(this.c, "for_whom=" + this.a.userId())).containsExactly(e(5), e(3), e(2), e(1));
		assertThat(query(this.a, "for_whom=" + this.c.userId())).containsExactly(e(5), e(4), e(1));
		assertThat(query(this.a, "for_whom=" + this.b.userId())).containsExactly(e(5), e(3), e(1), e(6));
		assertThat(query(this.a, "for_whom=shared")).containsExactly(e(5), e(3), e(1));
		// the payer appears in the rows as well
		JsonNode rows = this.a.get("/api/v1/expense?paid_by=" + this.c.userId()).json();
		assertThat(rows.get(0).get("paid_by").asInt()).isEqualTo(this.c.userId());
	}

	@Test
	void combinesWithTheOtherFiltersAndTheOrder() {
		String byA = "paid_by=" + this.a.userId();
		assertThat(query(this.a, byA + "&for_whom=" + this.c.userId())).containsExactly(e(4), e(1));
		assertThat(query(this.a, byA + "&for_whom=" + this.c.userId() + "&from=2025-11-02")).containsExactly(e(4));
		assertThat(query(this.a, byA + "&to=2025-11-03")).containsExactly(e(1));
		assertThat(query(this.a, byA + "&q=ALPHA&sort=amount")).containsExactly(e(1), e(4));
		assertThat(query(this.a, "for_whom=shared&q=a&min_amount=9.50")).containsExactly(e(3), e(1));
		assertThat(query(this.a, "for_whom=" + this.b.userId() + "&from=2025-11-01&to=2025-11-30&sort=-amount"))
			.containsExactly(e(1), e(3), e(5));
		assertThat(query(this.a, "paid_by=" + this.c.userId() + "&for_whom=" + this.c.userId())).isEmpty();
	}

	@Test
	void pagesThroughTheCursorKeepingTheFilters() {
		assertThat(walk("for_whom=" + this.a.userId() + "&limit=1")).containsExactly(e(5), e(3), e(2), e(1));
		assertThat(walk("for_whom=" + this.b.userId() + "&sort=amount&limit=2")).containsExactly(e(6), e(5), e(3),
				e(1));
		assertThat(walk("paid_by=" + this.b.userId() + "&from=2025-10-01&limit=1")).containsExactly(e(2), e(6));
		String link = this.a.get("/api/v1/expense?for_whom=shared&limit=1").header("Link");
		assertThat(link).contains("for_whom=shared").contains("cursor=");
	}

	private List<Integer> walk(String parameters) {
		Set<Integer> walked = new LinkedHashSet<>();
		String next = "/api/v1/expense?" + parameters;
		int pages = 0;
		while (next != null) {
			ApiResponse page = this.a.get(next);
			assertThat(page.status()).as(page.toString()).isEqualTo(200);
			page.json().forEach((row) -> assertThat(walked.add(row.get("id").asInt())).isTrue());
			String link = page.header("Link");
			next = (link == null) ? null
					: link.substring(link.indexOf('<') + 1, link.indexOf('>')).replaceFirst("^https?://[^/]+", "");
			assertThat(pages++).isLessThan(10);
		}
		return new ArrayList<>(walked);
	}

	@Test
	void refusesBadValuesWith422() {
		assertIssue(this.a.get("/api/v1/expense?paid_by=dana"), "paid_by");
		assertIssue(this.a.get("/api/v1/expense?paid_by=shared"), "paid_by");
		assertIssue(this.a.get("/api/v1/expense?paid_by=1.5"), "paid_by");
		assertIssue(this.a.get("/api/v1/expense?paid_by=0"), "paid_by");
		assertIssue(this.a.get("/api/v1/expense?for_whom=everyone"), "for_whom");
		assertIssue(this.a.get("/api/v1/expense?for_whom=SHARED"), "for_whom");
		assertIssue(this.a.get("/api/v1/expense/export?for_whom=x"), "for_whom");
		ApiResponse both = this.a.get("/api/v1/expense?paid_by=x&for_whom=y&limit=1");
		assertThat(both.json().get("detail")).hasSize(2);
	}

	private static void assertIssue(ApiResponse response, String parameter) {
		assertThat(response.status()).as(response.toString()).isEqualTo(422);
		JsonNode issue = response.json().get("detail").get(0);
		assertThat(issue.get("loc").toString()).isEqualTo("[\"query\",\"" + parameter + "\"]");
		assertThat(issue.get("type").asString()).isEqualTo("int_parsing");
		assertThat(issue.get("msg").asString()).startsWith("Input should be a user id");
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("SELECT");
	}

	@Test
	void anotherHouseholdsMemberMatchesNothing() {
		TokenCaller stranger = newUser("fx");
		create(stranger, "2025-11-01", "1.00", "theirs", "");
		int theirs = this.ids.get(this.ids.size() - 1);
		assertThat(query(stranger, "paid_by=" + stranger.userId())).containsExactly(theirs);
		assertThat(query(this.a, "paid_by=" + stranger.userId())).isEmpty();
		assertThat(query(this.a, "for_whom=" + stranger.userId())).isEmpty();
		assertThat(query(stranger, "paid_by=" + this.a.userId())).isEmpty();
		assertThat(query(stranger, "for_whom=" + this.a.userId())).isEmpty();
		// their own expense, shared by all of their household (themselves)
		assertThat(query(stranger, "for_whom=shared")).containsExactly(theirs);
	}

	@Test
	void incomesIgnoreThePayerParameters() {
		ApiResponse income = this.a.json("POST", "/api/v1/income", income("Salary", "100.00"));
		assertThat(income.status()).as(income.toString()).isEqualTo(200);
		ApiResponse filtered = this.a.get("/api/v1/income?paid_by=nobody&for_whom=" + this.b.userId());
		assertThat(filtered.status()).as(filtered.toString()).isEqualTo(200);
		assertThat(filtered.json()).hasSize(1);
	}

}
