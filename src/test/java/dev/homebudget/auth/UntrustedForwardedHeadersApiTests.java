package dev.homebudget.auth;

import java.util.Map;

import dev.homebudget.support.RawHttp;
import dev.homebudget.support.SignedInHouseholdsSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without {@code budget.http.trusted-proxies} nobody's forwarded headers are believed: a
 * client claiming HTTPS or another host changes neither cookies, HSTS nor the app's own
 * origin. Sign-in mode without {@code budget.http.allowed-hosts} serves any Host name.
 */
class UntrustedForwardedHeadersApiTests extends SignedInHouseholdsSupport {

	@Test
	void forwardedHeadersFromAnUnlistedAddressAreIgnored() {
		String name = newUser("untrusted").username();
		SessionClient browser = new SessionClient(this.port);
		browser.headers.put("X-Forwarded-Proto", "https");
		browser.headers.put("X-Forwarded-Host", "budget.example");
		SessionClient.Response signIn = browser.signIn(name, PASSWORD);
		assertThat(signIn.status()).isEqualTo(302);
		assertThat(signIn.setCookies())
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("JSESSIONID=").doesNotContain("Secure"));
		assertThat(signIn.header("Strict-Transport-Security")).isNull();
		SessionClient.Response forged = browser.send("POST", "/api/v1/tokens", "{\"name\":\"x\"}", "application/json",
				Map.of("X-XSRF-TOKEN", browser.csrf(), "Origin", "https://budget.example"));
		assertThat(forged.status()).as(forged.toString()).isEqualTo(403);
	}

	@Test
	void signInModeWithoutAListServesAnyHostName() {
		RawHttp.Response response = RawHttp.send(this.port, "GET", "/api/v1/health", Map.of("Host", "budget.example"),
				null);
		assertThat(response.status()).isEqualTo(200);
	}

}
