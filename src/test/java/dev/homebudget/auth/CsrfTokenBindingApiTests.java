package dev.homebudget.auth;

import java.util.Map;
import java.util.UUID;

import dev.homebudget.support.SignedInHouseholdsSupport;
import dev.homebudget.support.TokenCaller;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forged invitation accept of the security review, end to end: a page on another port
 * of the same host (or a sibling subdomain) can plant cookies for the app's host, since
 * cookies ignore ports. With the CSRF token in a cookie, accepted from a query parameter,
 * it could plant {@code XSRF-TOKEN=x} and post {@code ?_csrf=x}, moving a signed-in user
 * into the attacker's household. The token now lives in the session, is read from the
 * header only on the API, and the request's Origin is checked.
 */
class CsrfTokenBindingApiTests extends SignedInHouseholdsSupport {

	private static final String PLANTED = "planted-by-the-other-port";

	private int memberships(int user, int household) {
		return this.jdbc
			.sql("SELECT count(*) FROM household_members WHERE user_id = :user AND household_id = :household")
			.param("user", user)
			.param("household", household)
			.query(Integer.class)
			.single();
	}

	private static void assertCsrfRefused(String what, SessionClient.Response response) {
		assertThat(response.status()).as(what + ": " + response).isEqualTo(403);
		assertThat(response.json().get("detail").asString()).as(what).isEqualTo("CSRF token missing or invalid");
	}

	@Test
	void aPlantedTokenOrOneInTheQueryCannotMoveASignedInUserIntoAnotherHousehold() {
		TokenCaller attacker = newUser("attacker");
		int trap = currentHousehold(attacker);
		String code = attacker.json("POST", "/api/v1/households/" + trap + "/invitations", "{\"role\":\"member\"}")
			.json()
			.get("code")
			.asString();
		String name = "victim-" + UUID.randomUUID().toString().substring(0, 8);
		int victim = this.accounts.add(name, PASSWORD).id();
		SessionClient browser = new SessionClient(this.port);
		assertThat(browser.signIn(name, PASSWORD).header("Location")).doesNotContain("error");
		String accept = "{\"code\":\"" + code + "\"}";

		browser.cookies.put("XSRF-TOKEN", PLANTED);
		SessionClient.Response fromOtherPort = browser.send("POST", "/api/v1/invitations/accept?_csrf=" + PLANTED,
				accept, null, Map.of("Origin", "http://127.0.0.1:1", "Sec-Fetch-Site", "same-site", "Sec-Fetch-Mode",
						"no-cors", "Sec-Fetch-Dest", "empty"));
		assertThat(fromOtherPort.status()).as("the page on another port: " + fromOtherPort).isEqualTo(403);

		// the same requests without the browser's Origin and Fetch Metadata: refused by
		// the CSRF check alone
		assertCsrfRefused("planted cookie, token in the query", browser.send("POST",
				"/api/v1/invitations/accept?_csrf=" + PLANTED, accept, "application/json", Map.of()));
		assertCsrfRefused("planted cookie, token in the header", browser.send("POST", "/api/v1/invitations/accept",
				accept, "application/json", Map.of("X-XSRF-TOKEN", PLANTED)));
		assertCsrfRefused("the session's own token, but in the query", browser.send("POST",
				"/api/v1/invitations/accept?_csrf=" + browser.csrf(), accept, "application/json", Map.of()));
		String othersToken = new SessionClient(this.port).csrf();
		assertCsrfRefused("another session's token", browser.send("POST", "/api/v1/invitations/accept", accept,
				"application/json", Map.of("X-XSRF-TOKEN", othersToken)));
		assertThat(memberships(victim, trap)).isZero();
		assertThat(browser.get("/api/v1/account").status()).as("still signed in").isEqualTo(200);

		SessionClient.Response chosen = browser.json("POST", "/api/v1/invitations/accept", accept);
		assertThat(chosen.status()).as("the user accepting it in the UI: " + chosen).isEqualTo(200);
		assertThat(memberships(victim, trap)).isOne();
	}

	@Test
	void theTokenComesFromTheSessionAndTheSignInFormStillTakesItAsAField() {
		SessionClient anonymous = new SessionClient(this.port);
		SessionClient.Response token = anonymous.get("/api/v1/csrf");
		assertThat(token.status()).isEqualTo(200);
		assertThat(token.json().get("header_name").asString()).isEqualTo("X-XSRF-TOKEN");
		assertThat(token.json().get("parameter_name").asString()).isEqualTo("_csrf");
		assertThat(token.json().get("token").asString()).isNotBlank();
		assertThat(token.setCookies()).noneSatisfy((cookie) -> assertThat(cookie).startsWith("XSRF-TOKEN"));
		assertThat(anonymous.get("/api/v1/csrf").json().get("token")).as("the same session, the same token")
			.isEqualTo(token.json().get("token"));

		String name = "form-" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.add(name, PASSWORD);
		SessionClient.Response signedIn = anonymous.form("/login",
				Map.of("username", name, "password", PASSWORD, "_csrf", token.json().get("token").asString()));
		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.header("Location")).doesNotContain("error");
		String after = anonymous.get("/api/v1/csrf").json().get("token").asString();
		assertThat(after).as("signing in replaces the token").isNotEqualTo(token.json().get("token").asString());
		assertThat(anonymous
			.json("POST", "/api/v1/tokens", "{\"name\":\"from the session\",\"password\":\"" + PASSWORD + "\"}")
			.status()).isEqualTo(201);
		assertThat(anonymous.form("/logout", Map.of("_csrf", after)).header("Location")).endsWith("/login?signed-out");
	}

	@Test
	void bearerRequestsGetNoToken() {
		TokenCaller user = newUser("bearer");
		ApiResponse token = user.get("/api/v1/csrf");
		assertThat(token.status()).isEqualTo(200);
		assertThat(token.json().get("token").isNull()).isTrue();
	}

}
