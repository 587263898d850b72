package dev.homebudget.auth;

import java.util.Map;

import dev.homebudget.support.BehindAProxySupport;
import dev.homebudget.support.RawHttp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a reverse proxy the app is told about HTTPS and its public name by the proxy's
 * forwarded headers, believed here because the proxy's address is listed in
 * {@code budget.http.trusted-proxies}: the session cookie is {@code Secure}, HTTPS
 * responses carry HSTS, the public origin is the app's own, and the client address is the
 * one the proxy saw.
 */
class TrustedProxyApiTests extends BehindAProxySupport {

	private static final String TOKEN_BODY = "{\"name\":\"through the proxy\",\"password\":\"" + PASSWORD + "\"}";

	private SessionClient throughTheProxy(String proto) {
		SessionClient browser = new SessionClient(this.port);
		browser.headers.put("X-Forwarded-Proto", proto);
		browser.headers.put("X-Forwarded-Host", PUBLIC_HOST);
		browser.headers.put("X-Forwarded-For", "203.0.113.7");
		return browser;
	}

	@Test
	void overHttpsTheSessionCookieIsSecureAndResponsesCarryHsts() {
		SessionClient browser = throughTheProxy("https");
		SessionClient.Response signIn = browser.signIn(newUsername("https"), PASSWORD);
		assertThat(signIn.status()).isEqualTo(302);
		assertThat(signIn.setCookies()).anySatisfy((cookie) -> assertThat(cookie).startsWith("JSESSIONID=")
			.contains("Secure")
			.contains("HttpOnly")
			.contains("SameSite=Lax"));
		assertThat(signIn.header("Strict-Transport-Security")).isEqualTo("max-age=31536000");
		SessionClient.Response account = browser.get("/api/v1/account");
		assertThat(account.status()).isEqualTo(200);
		assertThat(account.header("Strict-Transport-Security")).isEqualTo("max-age=31536000");
		assertThat(browser.get("/login").header("Strict-Transport-Security")).isEqualTo("max-age=31536000");
	}

	@Test
	void overPlainHttpNeitherSecureNorHsts() {
		SessionClient browser = throughTheProxy("http");
		SessionClient.Response signIn = browser.signIn(newUsername("http"), PASSWORD);
		assertThat(signIn.status()).isEqualTo(302);
		assertThat(signIn.setCookies())
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("JSESSIONID=").doesNotContain("Secure"));
		assertThat(signIn.header("Strict-Transport-Security")).isNull();
		assertThat(new SessionClient(this.port).get("/api/v1/health").header("Strict-Transport-Security")).isNull();
	}

	@Test
	void thePublicOriginTheProxyReportsIsTheAppsOwn() {
		SessionClient browser = throughTheProxy("https");
		browser.signIn(newUsername("origin"), PASSWORD);
		SessionClient.Response created = browser.send("POST", "/api/v1/tokens", TOKEN_BODY, "application/json",
				Map.of("X-XSRF-TOKEN", browser.csrf(), "Origin", "https://" + PUBLIC_HOST));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		SessionClient.Response otherPort = browser.send("POST", "/api/v1/tokens", TOKEN_BODY, "application/json",
				Map.of("X-XSRF-TOKEN", browser.csrf(), "Origin", "https://" + PUBLIC_HOST + ":8443"));
		assertThat(otherPort.status()).as(otherPort.toString()).isEqualTo(403);
		browser.headers.clear();
		SessionClient.Response direct = browser.send("POST", "/api/v1/tokens", TOKEN_BODY, "application/json",
				Map.of("X-XSRF-TOKEN", browser.csrf(), "Origin", "https://" + PUBLIC_HOST));
		assertThat(direct.status()).as("the same Origin without the proxy's headers: " + direct).isEqualTo(403);
	}

	@Test
	void theClientAddressIsTheOneTheProxySaw() {
		SessionClient local = new SessionClient(this.port);
		assertThat(local.get("/api/v1/health/ready").json().get("checks").get("database").has("duration_ms"))
			.as("details for a loopback caller")
			.isTrue();
		SessionClient remote = throughTheProxy("https");
		assertThat(remote.get("/api/v1/health/ready").json().get("checks").get("database").has("duration_ms"))
			.as("no details for a client the proxy saw at 203.0.113.7")
			.isFalse();
	}

	@Test
	void signInModeServesOnlyTheListedHostNamesOnceAListIsSet() {
		RawHttp.Response listed = RawHttp.send(this.port, "GET", "/api/v1/health",
				Map.of("Host", PUBLIC_HOST + ":" + this.port), null);
		assertThat(listed.status()).isEqualTo(200);
		RawHttp.Response loopback = RawHttp.send(this.port, "GET", "/api/v1/health",
				Map.of("Host", "localhost:" + this.port), null);
		assertThat(loopback.status()).isEqualTo(200);
		RawHttp.Response other = RawHttp.send(this.port, "GET", "/api/v1/health",
				Map.of("Host", "rebind.attacker.example"), null);
		assertThat(other.status()).isEqualTo(421);
		assertThat(other.json().get("detail").asString()).contains("budget.http.allowed-hosts");
	}

}
