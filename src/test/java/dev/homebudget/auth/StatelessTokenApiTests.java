package dev.homebudget.auth;

import java.util.Map;

import dev.homebudget.support.SignedInHouseholdsSupport;
import dev.homebudget.support.TokenCaller;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.session.SessionRegistry;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request with an API token is that request only: no session is created or saved, no
 * cookie is set, so nothing outlives the token once it is revoked.
 */
class StatelessTokenApiTests extends SignedInHouseholdsSupport {

	@Autowired
	SessionRegistry sessions;

	private int registeredSessions() {
		return this.sessions.getAllPrincipals()
			.stream()
			.mapToInt((principal) -> this.sessions.getAllSessions(principal, true).size())
			.sum();
	}

	private boolean hasSessions(TokenCaller user) {
		return this.sessions.getAllPrincipals()
			.stream()
			.anyMatch((principal) -> principal instanceof SignedInUser signedIn && signedIn.id() == user.userId());
	}

	@Test
	void tokenRequestsSetNoCookieAndLeaveNoSessionBehind() {
		TokenCaller user = newUser("stateless");
		int before = registeredSessions();
		for (int i = 0; i < 25; i++) {
			for (ApiResponse response : new ApiResponse[] { user.get("/api/v1/expense"), user.get("/api/v1/account"),
					user.json("POST", "/api/v1/expense", expense("Stateless", "1.00")),
					user.get("/api/v1/expense/export"),
					user.send("GET", "/", null, null, Map.of("Accept", "text/html")),
					user.send("POST", "/api/v1/expense", "{\"amount\":\"x\"}", "application/json") }) {
				assertThat(response.status()).as(response.toString()).isLessThan(500);
				assertThat(response.headers().allValues("Set-Cookie")).as(response.toString()).isEmpty();
			}
		}
		assertThat(registeredSessions()).isEqualTo(before);
		assertThat(hasSessions(user)).isFalse();
	}

	@Test
	void nothingATokenRequestLeavesBehindWorksOnceTheTokenIsRevoked() {
		TokenCaller user = newUser("revoked");
		SessionClient client = new SessionClient(this.port);
		Map<String, String> bearer = Map.of("Authorization", "Bearer " + user.token());
		assertThat(client.send("GET", "/api/v1/account", null, null, bearer).status()).isEqualTo(200);
		SessionClient.Response minted = client.send("POST", "/api/v1/tokens",
				"{\"name\":\"second\",\"password\":\"" + PASSWORD + "\"}", "application/json", bearer);
		assertThat(minted.status()).as(minted.toString()).isEqualTo(201);
		JsonNode listed = client.send("GET", "/api/v1/tokens", null, null, bearer).json();
		int own = -1;
		for (JsonNode token : listed) {
			if (token.get("name").asString().equals("tests")) {
				own = token.get("id").asInt();
			}
		}
		SessionClient.Response revoked = client.send("DELETE", "/api/v1/tokens/" + own, null, null, bearer);
		assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
		Map<String, String> left = Map.copyOf(client.cookies);

		SessionClient.Response account = client.send("GET", "/api/v1/account", null, null, Map.of());
		assertThat(account.status()).as("with whatever cookies are left: " + account).isEqualTo(401);
		SessionClient.Response mint = client.send("POST", "/api/v1/tokens",
				"{\"name\":\"after revocation\",\"password\":\"" + PASSWORD + "\"}", "application/json", Map.of());
		assertThat(mint.status()).as(mint.toString()).isEqualTo(401);
		assertThat(client.send("GET", "/api/v1/account", null, null, bearer).status()).as("the revoked token itself")
			.isEqualTo(401);
		assertThat(left).as("cookies the token requests left").isEmpty();
		assertThat(hasSessions(user)).isFalse();
	}

}
