package dev.homebudget.household;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.homebudget.support.RawHttp;
import dev.homebudget.support.SignedInHouseholdsSupport;
import dev.homebudget.support.TokenCaller;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An invitation's {@code accept_url} follows the {@code Host} header only when that host
 * is trusted (here: the loopback names); any other host gets a link relative to the app,
 * so an owner is never handed a link to somebody else's site.
 */
class InvitationLinkApiTests extends SignedInHouseholdsSupport {

	static RawHttp.Response invite(int port, TokenCaller owner, int household, Map<String, String> extra) {
		Map<String, String> headers = new LinkedHashMap<>(extra);
		headers.put("Authorization", "Bearer " + owner.token());
		headers.put("Content-Type", "application/json");
		RawHttp.Response response = RawHttp.send(port, "POST", "/api/v1/households/" + household + "/invitations",
				headers, "{\"role\":\"member\"}");
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response;
	}

	static String acceptUrl(RawHttp.Response invitation) {
		return invitation.json().get("accept_url").asString();
	}

	static String code(RawHttp.Response invitation) {
		return invitation.json().get("code").asString();
	}

	@Test
	void aLoopbackHostGivesAnAbsoluteLink() {
		TokenCaller owner = newUser("links");
		RawHttp.Response invitation = invite(this.port, owner, currentHousehold(owner),
				Map.of("Host", "localhost:" + this.port));
		assertThat(acceptUrl(invitation))
			.isEqualTo("http://localhost:" + this.port + "/#invitation=" + code(invitation));
	}

	@Test
	void anyOtherHostGivesALinkRelativeToTheApp() {
		TokenCaller owner = newUser("links");
		RawHttp.Response invitation = invite(this.port, owner, currentHousehold(owner), Map.of("Host", "evil.example"));
		assertThat(acceptUrl(invitation)).isEqualTo("/#invitation=" + code(invitation));
		RawHttp.Response forwarded = invite(this.port, owner, currentHousehold(owner), Map.of("Host",
				"127.0.0.1:" + this.port, "X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https"));
		assertThat(acceptUrl(forwarded)).as("forwarded headers from an untrusted address")
			.isEqualTo("http://127.0.0.1:" + this.port + "/#invitation=" + code(forwarded));
	}

}
