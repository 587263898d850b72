package dev.homebudget.household;

import java.util.Map;

import dev.homebudget.auth.ApiTokens;
import dev.homebudget.auth.UserAccount;
import dev.homebudget.auth.UserAccounts;
import dev.homebudget.support.ApiTestSupport;
import dev.homebudget.support.RawHttp;
import dev.homebudget.support.TestDatabase;
import dev.homebudget.support.TokenCaller;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code budget.http.public-url} set, invitation links always point there, whatever
 * the request's host, and the public origin counts as the app's own for changes.
 */
@TestPropertySource(properties = { "budget.auth.mode=sign-in", "budget.http.public-url=https://Budget.example/home/" })
class PublicUrlApiTests extends ApiTestSupport {

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		registry.add(DATABASE_URL_PROPERTY, () -> TestDatabase.jdbcUrl("public_url"));
	}

	@Autowired
	UserAccounts accounts;

	@Autowired
	ApiTokens tokens;

	private TokenCaller owner() {
		UserAccount account = this.accounts.add("public-" + java.util.UUID.randomUUID().toString().substring(0, 8),
				"correct horse battery");
		return new TokenCaller(this.port, account.id(), account.username(),
				this.tokens.create(account.id(), "tests").secret());
	}

	@Test
	void invitationLinksUseThePublicUrlWhateverTheHost() {
		TokenCaller owner = owner();
		int household = owner.get("/api/v1/households").json().get(0).get("id").asInt();
		for (String host : new String[] { "127.0.0.1:" + this.port, "evil.example" }) {
			RawHttp.Response invitation = InvitationLinkApiTests.invite(this.port, owner, household,
					Map.of("Host", host));
			assertThat(InvitationLinkApiTests.acceptUrl(invitation)).as(host)
				.isEqualTo("https://Budget.example/home/#invitation=" + InvitationLinkApiTests.code(invitation));
		}
	}

	@Test
	void thePublicOriginMayChangeDataAndOthersMayNot() {
		TokenCaller owner = owner();
		String body = "{\"name\":\"from the public origin\",\"password\":\"correct horse battery\"}";
		assertThat(owner
			.send("POST", "/api/v1/tokens", body, "application/json", Map.of("Origin", "https://budget.example"))
			.status()).isEqualTo(201);
		assertThat(owner
			.send("POST", "/api/v1/tokens", body, "application/json",
					Map.of("Origin", "https://budget.example.evil.example"))
			.status()).isEqualTo(403);
	}

}
