package dev.homebudget.household;

import java.util.Map;

import dev.homebudget.support.BehindAProxySupport;
import dev.homebudget.support.RawHttp;
import dev.homebudget.support.TokenCaller;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a trusted proxy, with the public name in {@code budget.http.allowed-hosts}: the
 * link uses the public scheme, name and port the proxy reports, and a host that is not
 * listed still gets a relative link.
 */
class TrustedHostInvitationLinkApiTests extends BehindAProxySupport {

	private int household(TokenCaller owner) {
		return owner.get("/api/v1/households").json().get(0).get("id").asInt();
	}

	@Test
	void anAllowedHostGivesAnAbsoluteLinkAndAnyOtherARelativeOne() {
		TokenCaller owner = newUser("links");
		int household = household(owner);
		RawHttp.Response direct = InvitationLinkApiTests.invite(this.port, owner, household,
				Map.of("Host", PUBLIC_HOST + ":" + this.port));
		assertThat(InvitationLinkApiTests.acceptUrl(direct)).isEqualTo(
				"http://" + PUBLIC_HOST + ":" + this.port + "/#invitation=" + InvitationLinkApiTests.code(direct));
		RawHttp.Response proxied = InvitationLinkApiTests.invite(this.port, owner, household, Map.of("Host",
				"127.0.0.1:" + this.port, "X-Forwarded-Host", PUBLIC_HOST, "X-Forwarded-Proto", "https"));
		assertThat(InvitationLinkApiTests.acceptUrl(proxied))
			.isEqualTo("https://" + PUBLIC_HOST + "/#invitation=" + InvitationLinkApiTests.code(proxied));
		RawHttp.Response spoofed = InvitationLinkApiTests.invite(this.port, owner, household,
				Map.of("Host", PUBLIC_HOST, "X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https"));
		assertThat(InvitationLinkApiTests.acceptUrl(spoofed))
			.isEqualTo("/#invitation=" + InvitationLinkApiTests.code(spoofed));
	}

}
