package dev.homebudget.currency;

import dev.homebudget.support.ApiTestSupport.ApiResponse;
import dev.homebudget.support.SignedInHouseholdsSupport;
import dev.homebudget.support.TokenCaller;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who owes whom, per currency: a debt in dollars is settled in dollars, the balance in
 * shekels stays as it was, and a converted balance appears only when every currency has a
 * rate. Only owners change the base currency.
 */
class CurrencyBalanceApiTests extends SignedInHouseholdsSupport {

	private static void expense(TokenCaller payer, String amount, String currency) {
		ApiResponse created = payer.json("POST", "/api/v1/expense", "{\"date\":\"2025-11-10\",\"category\":\"Trip\","
				+ "\"amount\":\"" + amount + "\",\"account\":\"Cash\",\"currency\":\"" + currency + "\"}");
		assertThat(created.status()).as(created.toString()).isEqualTo(200);
	}

	private static JsonNode byCurrency(JsonNode balance, String currency) {
		for (JsonNode one : balance.get("by_currency")) {
			if (one.get("currency").asString().equals(currency)) {
				return one;
			}
		}
		throw new AssertionError("no " + currency + " in " + balance);
	}

	private static String net(JsonNode members, int user) {
		for (JsonNode member : members) {
			if (member.get("user_id").asInt() == user) {
				return member.get("net").decimalValue().setScale(2).toPlainString();
			}
		}
		throw new AssertionError("no member " + user);
	}

	@Test
	void eachCurrencyHasItsOwnBalanceAndSettlesInItsOwnMoney() {
		TokenCaller a = newUser("fa");
		TokenCaller b = newUser("fb");
		int household = currentHousehold(a);
		join(a, household, "member", b);
		expense(a, "100.00", "\u20aa");
		JsonNode single = a.get("/api/v1/balance").json();
		assertThat(single.has("by_currency")).isFalse();
		assertThat(net(single.get("members"), b.userId())).isEqualTo("-50.00");

		expense(a, "20.00", "$");
		JsonNode several = a.get("/api/v1/balance").json();
		assertThat(net(byCurrency(several, "ILS").get("members"), b.userId())).isEqualTo("-50.00");
		assertThat(net(byCurrency(several, "USD").get("members"), b.userId())).isEqualTo("-10.00");
		assertThat(byCurrency(several, "USD").get("transfers").get(0).get("amount").decimalValue())
			.isEqualByComparingTo("10.00");
		// no rate for dollars yet: no converted balance, never 60 of anything
		assertThat(several.get("complete").asBoolean()).isFalse();
		assertThat(several.has("members")).isFalse();

		ApiResponse rate = a.json("POST", "/api/v1/exchange-rates",
				"{\"date\":\"2020-01-01\",\"currency\":\"USD\",\"rate\":\"3.5\"}");
		assertThat(rate.status()).as(rate.toString()).isEqualTo(201);
		JsonNode converted = a.get("/api/v1/balance").json();
		assertThat(converted.get("complete").asBoolean()).isTrue();
		assertThat(converted.get("rates").get("USD").decimalValue()).isEqualByComparingTo("3.5");
		assertThat(net(converted.get("members"), b.userId())).isEqualTo("-85.00");

		ApiResponse settled = b.json("POST", "/api/v1/settlements", "{\"from_user\":" + b.userId() + ",\"to_user\":"
				+ a.userId() + ",\"amount\":\"10.00\",\"currency\":\"USD\"}");
		assertThat(settled.status()).as(settled.toString()).isEqualTo(201);
		assertThat(settled.json().get("currency").asString()).isEqualTo("USD");
		JsonNode after = a.get("/api/v1/balance").json();
		assertThat(net(byCurrency(after, "USD").get("members"), b.userId())).isEqualTo("0.00");
		assertThat(net(byCurrency(after, "ILS").get("members"), b.userId())).isEqualTo("-50.00");
		assertThat(b
			.json("POST", "/api/v1/settlements",
					"{\"from_user\":" + b.userId() + ",\"to_user\":" + a.userId()
							+ ",\"amount\":\"1.00\",\"currency\":\"dollars\"}")
			.status()).isEqualTo(422);
	}

	@Test
	void onlyOwnersChangeTheBaseCurrency() {
		TokenCaller owner = newUser("fo");
		TokenCaller member = newUser("fm");
		join(owner, currentHousehold(owner), "member", member);
		assertThat(member.json("PATCH", "/api/v1/settings", "{\"base_currency\":\"USD\"}").status()).isEqualTo(403);
		assertThat(member.get("/api/v1/settings").json().get("base_currency").asString()).isEqualTo("ILS");
		assertThat(owner.json("PATCH", "/api/v1/settings", "{\"base_currency\":\"USD\"}").status()).isEqualTo(200);
		assertThat(member.get("/api/v1/settings").json().get("base_currency").asString()).isEqualTo("USD");
	}

}
