package dev.homebudget.settle;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.homebudget.support.ApiTestSupport.ApiResponse;
import dev.homebudget.support.SignedInHouseholdsSupport;
import dev.homebudget.support.TokenCaller;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who paid, for whom, balances and settle-up over real HTTP in sign-in mode: shares sum
 * to the amount, bad shares and non-members are 422, entered_by comes from the caller,
 * the balance matches a hand-computed one, settling up clears it, a viewer cannot settle
 * (403) and another household's settlement is 404.
 */
class SettleUpApiTests extends SignedInHouseholdsSupport {

	/** A household with A (owner) and the others, who joined by invitation. */
	private int household(TokenCaller owner, String role, TokenCaller... others) {
		int household = currentHousehold(owner);
		join(owner, household, role, others);
		return household;
	}

	private static JsonNode create(TokenCaller user, String amount, String extra) {
		ApiResponse created = user.json("POST", "/api/v1/expense", "{\"date\":\"2025-11-10\",\"category\":\"Food\","
				+ "\"amount\":\"" + amount + "\",\"account\":\"Cash\"" + extra + "}");
		assertThat(created.status()).as(created.toString()).isEqualTo(200);
		return created.json().get("expense");
	}

	private static Map<Integer, String> shares(JsonNode expense) {
		Map<Integer, String> shares = new java.util.TreeMap<>();
		expense.get("shares")
			.forEach((share) -> shares.put(share.get("user_id").asInt(),
					share.get("amount").decimalValue().setScale(2).toPlainString()));
		return shares;
	}

	private static Map<Integer, String> nets(JsonNode balance) {
		Map<Integer, String> nets = new java.util.TreeMap<>();
		balance.get("members")
			.forEach((member) -> nets.put(member.get("user_id").asInt(),
					member.get("net").decimalValue().setScale(2).toPlainString()));
		return nets;
	}

	@Test
	void balanceMatchesAHandComputedOneAndSettlingUpClearsIt() {
		TokenCaller a = newUser("pa");
		TokenCaller b = newUser("pb");
		TokenCaller c = newUser("pc");
		int household = household(a, "member", b, c);
		// an expense of unknown payer (as every row before V9) counts for nobody
		this.jdbc
			.sql("INSERT INTO expenses (date, category, amount, account, household_id) "
					+ "VALUES ('2025-01-01', 'Legacy', 999.99, 'Cash', :household)")
			.param("household", household)
			.update();

		JsonNode shared = create(a, "100.00", "");
		assertThat(shared.get("paid_by").asInt()).isEqualTo(a.userId());
		assertThat(shared.get("entered_by").asInt()).isEqualTo(a.userId());
		assertThat(shared.get("for_whom").isNull()).isTrue();
		assertThat(shares(shared)).isEqualTo(Map.of(a.userId(), "33.34", b.userId(), "33.33", c.userId(), "33.33"));
		JsonNode forA = create(b, "30.00", ",\"for_whom\":" + a.userId());
		assertThat(shares(forA)).isEqualTo(Map.of(a.userId(), "30.00"));
		JsonNode custom = create(c, "10.00",
				",\"for_whom\":\"shared\",\"shares\":[{\"user_id\":" + a.userId()
						+ ",\"amount\":\"2.50\"},{\"user_id\":" + b.userId() + ",\"amount\":7},{\"user_id\":"
						+ c.userId() + ",\"amount\":\"0.50\"}]");
		assertThat(custom.get("paid_by").asInt()).isEqualTo(c.userId());

		// A: paid 100, share 33.34 + 30 + 2.50 = 65.84 → +34.16
		// B: paid 30, share 33.33 + 7.00 = 40.33 → -10.33
		// C: paid 10, share 33.33 + 0.50 = 33.83 → -23.83
		JsonNode balance = b.get("/api/v1/balance").json();
		assertThat(balance.get("household_id").asInt()).isEqualTo(household);
		assertThat(nets(balance)).isEqualTo(Map.of(a.userId(), "34.16", b.userId(), "-10.33", c.userId(), "-23.83"));
		JsonNode first = balance.get("members").get(0);
		assertThat(first.get("paid").decimalValue()).isEqualByComparingTo("100.00");
		assertThat(first.get("share").decimalValue()).isEqualByComparingTo("65.84");

		ApiResponse partial = c.json("POST", "/api/v1/settlements", "{\"from_user\":" + c.userId() + ",\"to_user\":"
				+ a.userId() + ",\"amount\":\"20.00\",\"date\":\"2025-11-11\",\"notes\":\"cash\"}");
		assertThat(partial.status()).as(partial.toString()).isEqualTo(201);
		assertThat(partial.json().get("created_by").asInt()).isEqualTo(c.userId());
		balance = a.get("/api/v1/balance").json();
		assertThat(nets(balance)).isEqualTo(Map.of(a.userId(), "14.16", b.userId(), "-10.33", c.userId(), "-3.83"));
		assertThat(balance.get("transfers").toString()).isEqualTo(
				"[{\"from_user\":" + b.userId() + ",\"to_user\":" + a.userId() + ",\"amount\":10.33},{\"from_user\":"
						+ c.userId() + ",\"to_user\":" + a.userId() + ",\"amount\":3.83}]");

		for (JsonNode transfer : balance.get("transfers")) {
			TokenCaller payer = (transfer.get("from_user").asInt() == b.userId()) ? b : c;
			ApiResponse settled = payer.json("POST", "/api/v1/settlements",
					"{\"from_user\":" + transfer.get("from_user").asInt() + ",\"to_user\":"
							+ transfer.get("to_user").asInt() + ",\"amount\":"
							+ transfer.get("amount").decimalValue().toPlainString() + "}");
			assertThat(settled.status()).as(settled.toString()).isEqualTo(201);
		}
		balance = c.get("/api/v1/balance").json();
		assertThat(nets(balance)).isEqualTo(Map.of(a.userId(), "0.00", b.userId(), "0.00", c.userId(), "0.00"));
		assertThat(balance.get("transfers")).isEmpty();
		JsonNode settlements = a.get("/api/v1/settlements").json();
		assertThat(settlements).hasSize(3);

		// deleting the partial settlement brings its 20.00 back
		assertThat(a.delete("/api/v1/settlements/" + partial.json().get("id").asInt()).status()).isEqualTo(200);
		assertThat(nets(a.get("/api/v1/balance").json())).containsEntry(c.userId(), "-20.00");
		assertThat(a.delete("/api/v1/settlements/" + partial.json().get("id").asInt()).status()).isEqualTo(404);

		// per-member totals: paid and shares by member, unknown payer apart
		JsonNode totals = a.get("/api/v1/reports/members?from=2025-01-01&to=2025-12-31").json();
		assertThat(totals).hasSize(4);
		assertThat(totals.get(0).get("paid").decimalValue()).isEqualByComparingTo("100.00");
		assertThat(totals.get(3).get("user_id").isNull()).isTrue();
		assertThat(totals.get(3).get("paid").decimalValue()).isEqualByComparingTo("999.99");
		assertThat(a.get("/api/v1/reports/members?from=2025-11-10&to=2025-11-10").json()).hasSize(3);
		assertThat(a.get("/api/v1/reports/members?to=2025-06-30").json().get(0).get("count").asInt()).isEqualTo(1);
		assertThat(a.get("/api/v1/reports/members?from=nope").status()).isEqualTo(422);
	}

	@Test
	void sharesSumToTheAmountOverHttpAndBadSplitsAre422() {
		TokenCaller a = newUser("sa");
		TokenCaller b = newUser("sb");
		TokenCaller stranger = newUser("sx");
		household(a, "member", b);
		Random random = new Random(99L);
		for (int i = 0; i < 40; i++) {
			String amount = BigDecimal.valueOf(random.nextLong(1, 10_000_000), 2).toPlainString();
			JsonNode expense = create(a, amount, "");
			BigDecimal sum = BigDecimal.ZERO;
			for (JsonNode share : expense.get("shares")) {
				sum = sum.add(share.get("amount").decimalValue());
			}
			assertThat(sum).as(amount).isEqualByComparingTo(amount);
		}

		String base = "{\"date\":\"2025-11-10\",\"category\":\"Food\",\"amount\":\"10.00\",\"account\":\"Cash\"";
		ApiResponse notSumming = a.json("POST", "/api/v1/expense", base + ",\"shares\":[{\"user_id\":" + a.userId()
				+ ",\"amount\":\"5.00\"},{\"user_id\":" + b.userId() + ",\"amount\":\"4.99\"}]}");
		assertThat(notSumming.status()).isEqualTo(422);
		assertThat(notSumming.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"body\",\"shares\"]");
		assertThat(notSumming.body()).contains("9.99");
		ApiResponse nonMemberPayer = a.json("POST", "/api/v1/expense",
				base + ",\"paid_by\":" + stranger.userId() + "}");
		assertThat(nonMemberPayer.status()).isEqualTo(422);
		assertThat(nonMemberPayer.json().get("detail").get(0).get("loc").toString())
			.isEqualTo("[\"body\",\"paid_by\"]");
		assertThat(a.json("POST", "/api/v1/expense", base + ",\"for_whom\":" + stranger.userId() + "}").status())
			.isEqualTo(422);
		assertThat(a
			.json("POST", "/api/v1/expense",
					base + ",\"shares\":[{\"user_id\":" + stranger.userId() + ",\"amount\":\"10.00\"}]}")
			.status()).isEqualTo(422);
		assertThat(a.json("POST", "/api/v1/expense", base + ",\"paid_by\":\"me\"}").status()).isEqualTo(422);
		assertThat(a.json("POST", "/api/v1/expense", base + ",\"shares\":[]}").status()).isEqualTo(422);
		assertThat(a.json("POST", "/api/v1/expense", base + ",\"shares\":[{\"amount\":1}, 3]}").status())
			.isEqualTo(422);

		// entered_by is the caller's, never the body's
		ApiResponse claimed = b.json("POST", "/api/v1/expense",
				base + ",\"entered_by\":" + a.userId() + ",\"paid_by\":" + a.userId() + "}");
		assertThat(claimed.status()).isEqualTo(200);
		JsonNode row = claimed.json().get("expense");
		assertThat(row.get("entered_by").asInt()).isEqualTo(b.userId());
		assertThat(row.get("paid_by").asInt()).isEqualTo(a.userId());
		int id = row.get("id").asInt();
		ApiResponse put = a.json("PUT", "/api/v1/expense/" + id, "{\"entered_by\":" + a.userId() + "}");
		assertThat(put.json().get("expense").get("entered_by").asInt()).isEqualTo(b.userId());

		// a new amount splits again among the same members; a PATCH changes the payer
		ApiResponse resized = a.json("PUT", "/api/v1/expense/" + id, "{\"amount\":\"0.03\"}");
		assertThat(shares(resized.json().get("expense"))).isEqualTo(Map.of(a.userId(), "0.02", b.userId(), "0.01"));
		String etag = resized.header("ETag");
		ApiResponse patched = a.json("PATCH", "/api/v1/expense/" + id,
				"{\"field\":\"paid_by\",\"value\":" + b.userId() + "}");
		assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
		assertThat(patched.json().get("expense").get("paid_by").asInt()).isEqualTo(b.userId());
		assertThat(patched.header("ETag")).isNotEqualTo(etag);
		ApiResponse forB = a.json("PATCH", "/api/v1/expense/" + id,
				"{\"field\":\"for_whom\",\"value\":" + b.userId() + "}");
		assertThat(shares(forB.json().get("expense"))).isEqualTo(Map.of(b.userId(), "0.03"));
		ApiResponse patchedAmount = a.json("PATCH", "/api/v1/expense/" + id, "{\"field\":\"amount\",\"value\":7}");
		assertThat(shares(patchedAmount.json().get("expense"))).isEqualTo(Map.of(b.userId(), "7.00"));
		// custom shares cannot follow a new amount by themselves
		ApiResponse customised = a.json("PUT", "/api/v1/expense/" + id, "{\"shares\":[{\"user_id\":" + a.userId()
				+ ",\"amount\":\"1.00\"},{\"user_id\":" + b.userId() + ",\"amount\":\"6.00\"}]}");
		assertThat(customised.status()).as(customised.toString()).isEqualTo(200);
		assertThat(a.json("PUT", "/api/v1/expense/" + id, "{\"amount\":\"8.00\"}").status()).isEqualTo(422);
		assertThat(
				a.json("PATCH", "/api/v1/expense/" + id, "{\"field\":\"paid_by\",\"value\":" + stranger.userId() + "}")
					.status())
			.isEqualTo(422);
		assertThat(a.json("PATCH", "/api/v1/expense/999999999", "{\"field\":\"paid_by\",\"value\":null}").status())
			.isEqualTo(404);

		// lists and pages carry the fields
		JsonNode listed = findById(a.get("/api/v1/expense").json(), id);
		assertThat(listed.get("paid_by").asInt()).isEqualTo(b.userId());
		assertThat(shares(listed)).isEqualTo(Map.of(a.userId(), "1.00", b.userId(), "6.00"));
		assertThat(findById(a.get("/api/v1/expense?limit=500").json(), id).get("entered_by").asInt())
			.isEqualTo(b.userId());
	}

	/**
	 * A share is a part of the amount: never zero, never of the other sign (that would
	 * move debt between members with no expense behind it).
	 */
	@Test
	void sharesHaveTheSignOfTheAmount() {
		TokenCaller a = newUser("ra");
		TokenCaller b = newUser("rb");
		TokenCaller c = newUser("rc");
		household(a, "member", b, c);
		String base = "{\"date\":\"2025-11-10\",\"category\":\"Food\",\"amount\":\"10.00\",\"account\":\"Cash\"";
		for (String[] split : new String[][] { { "10.50", "-0.50" }, { "10.00", "0" }, { "10.00", "0.00" },
				{ "-5.00", "15.00" } }) {
			ApiResponse refused = a.json("POST", "/api/v1/expense",
					base + ",\"shares\":[{\"user_id\":" + a.userId() + ",\"amount\":\"" + split[0] + "\"},{\"user_id\":"
							+ b.userId() + ",\"amount\":\"" + split[1] + "\"}]}");
			assertThat(refused.status()).as(String.join(" ", split)).isEqualTo(422);
			assertThat(refused.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"body\",\"shares\"]");
			assertThat(refused.json().get("detail").get(0).get("msg").asString()).contains("greater than 0");
		}
		ApiResponse refund = a.json("POST", "/api/v1/expense",
				base.replace("\"10.00\"", "\"-10.00\"") + ",\"shares\":[{\"user_id\":" + a.userId()
						+ ",\"amount\":\"-10.50\"},{\"user_id\":" + b.userId() + ",\"amount\":\"0.50\"}]}");
		assertThat(refund.status()).isEqualTo(422);
		assertThat(refund.json().get("detail").get(0).get("msg").asString()).contains("less than 0");
		ApiResponse csv = a.send("POST", "/api/v1/expense/import",
				"date,category,amount,account,shares\n2025-11-10,Food,10.00,Cash," + a.username() + " 10.50; "
						+ b.username() + " -0.50\n",
				"text/csv");
		assertThat(csv.status()).as(csv.toString()).isEqualTo(422);
		assertThat(csv.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"body\",2,\"shares\"]");
		assertThat(a.get("/api/v1/expense").json()).isEmpty();
	}

	/**
	 * A settlement is recorded by one of its two members or an owner, and deleted by
	 * whoever recorded it or an owner.
	 */
	@Test
	void settlementsBelongToTheirMembers() {
		TokenCaller a = newUser("ta");
		TokenCaller b = newUser("tb");
		TokenCaller c = newUser("tc");
		household(a, "member", b, c);
		String bPaysA = "{\"from_user\":" + b.userId() + ",\"to_user\":" + a.userId() + ",\"amount\":\"5.00\"}";
		ApiResponse bystander = c.json("POST", "/api/v1/settlements", bPaysA);
		assertThat(bystander.status()).as(bystander.toString()).isEqualTo(403);
		assertThat(bystander.json().get("detail").asString()).contains("recorded by the member who paid");
		int byPayer = settled(b, bPaysA);
		int byPayee = settled(a, "{\"from_user\":" + c.userId() + ",\"to_user\":" + a.userId() + ",\"amount\":1}");
		int byOwner = settled(a, "{\"from_user\":" + c.userId() + ",\"to_user\":" + b.userId() + ",\"amount\":1}");
		ApiResponse notHers = c.delete("/api/v1/settlements/" + byPayer);
		assertThat(notHers.status()).as(notHers.toString()).isEqualTo(403);
		assertThat(c.delete("/api/v1/settlements/" + byOwner).status()).as("a party, but not who recorded it")
			.isEqualTo(403);
		assertThat(b.delete("/api/v1/settlements/" + byPayer).status()).as("who recorded it").isEqualTo(200);
		assertThat(a.delete("/api/v1/settlements/" + byOwner).status()).isEqualTo(200);
		assertThat(a.delete("/api/v1/settlements/" + byPayee).status()).isEqualTo(200);
		assertThat(a.get("/api/v1/settlements").json()).isEmpty();
	}

	private static int settled(TokenCaller caller, String body) {
		ApiResponse settled = caller.json("POST", "/api/v1/settlements", body);
		assertThat(settled.status()).as(settled.toString()).isEqualTo(201);
		return settled.json().get("id").asInt();
	}

	private static JsonNode findById(JsonNode rows, int id) {
		List<JsonNode> found = new ArrayList<>();
		rows.forEach((row) -> {
			if (row.get("id").asInt() == id) {
				found.add(row);
			}
		});
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	@Test
	void viewersCannotSettleAndOtherHouseholdsSeeNothing() {
		TokenCaller a = newUser("va");
		TokenCaller b = newUser("vb");
		TokenCaller viewer = newUser("vv");
		TokenCaller other = newUser("vo");
		household(a, "member", b);
		household(a, "viewer", viewer);
		create(a, "50.00", "");
		String settle = "{\"from_user\":" + b.userId() + ",\"to_user\":" + a.userId() + ",\"amount\":\"5.00\"}";
		assertThat(viewer.json("POST", "/api/v1/settlements", settle).status()).isEqualTo(403);
		ApiResponse viewed = viewer.get("/api/v1/balance");
		assertThat(viewed.status()).isEqualTo(200);
		assertThat(nets(viewed.json())).containsEntry(a.userId(), "25.00")
			.containsEntry(b.userId(), "-25.00")
			.containsEntry(viewer.userId(), "0.00");
		ApiResponse settled = b.json("POST", "/api/v1/settlements", settle);
		int id = settled.json().get("id").asInt();
		assertThat(viewer.delete("/api/v1/settlements/" + id).status()).isEqualTo(403);

		assertThat(other.delete("/api/v1/settlements/" + id).status()).isEqualTo(404);
		assertThat(other.delete("/api/v1/settlements/nope").status()).isEqualTo(404);
		assertThat(other.get("/api/v1/settlements").json()).isEmpty();
		JsonNode otherBalance = other.get("/api/v1/balance").json();
		assertThat(nets(otherBalance)).isEqualTo(Map.of(other.userId(), "0.00"));
		ApiResponse foreign = other.json("POST", "/api/v1/settlements", settle);
		assertThat(foreign.status()).isEqualTo(422);
		assertThat(b.get("/api/v1/settlements").json()).hasSize(1);

		// shapes
		assertThat(b.json("POST", "/api/v1/settlements", "[]").status()).isEqualTo(422);
		assertThat(b
			.json("POST", "/api/v1/settlements",
					"{\"from_user\":" + b.userId() + ",\"to_user\":" + b.userId() + ",\"amount\":1}")
			.status()).isEqualTo(422);
		ApiResponse bad = b.json("POST", "/api/v1/settlements",
				"{\"from_user\":\"x\",\"amount\":-1,\"date\":\"2025-13-01\",\"notes\":5}");
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.json().get("detail")).hasSize(5);
		assertThat(b.json("POST", "/api/v1/settlements", "{\"from_user\":1,\"to_user\":2,\"date\":7}").status())
			.isEqualTo(422);
	}

}
