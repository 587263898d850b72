package dev.homebudget.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import dev.homebudget.support.ApiTestSupport;
import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sign-in mode over real HTTP on its own database: every API route refuses anonymous
 * callers, browser sessions need the CSRF token, sign-out and password changes take
 * effect, API tokens are the owner's alone and die at once when revoked, and repeated
 * wrong passwords lock the account for the window.
 */
@TestPropertySource(properties = { "budget.auth.mode=sign-in", "budget.auth.login-throttle.max-failures-per-account=5",
		"budget.auth.login-throttle.max-failures-per-address=100000", "budget.auth.api-rate-limit.burst=100000",
		"budget.auth.api-rate-limit.per-second=100000", "budget.http.cors-allowed-origins=https://budget.example" })
class SignInApiIntegrationTests extends ApiTestSupport {

	static final String PASSWORD = "correct horse battery";

	/**
	 * Public in sign-in mode too: health as before it existed, and the CSRF token the
	 * sign-in form needs.
	 */
	private static final Set<String> PUBLIC_ROUTES = Set.of("/api/v1/health", "/api/v1/health/live",
			"/api/v1/health/ready", "/api/v1/csrf");

	/**
	 * Routes whose secret URL is the credential (a calendar app sends no session or
	 * token): an unknown secret is 404, never data.
	 */
	private static final Set<String> SECRET_URL_ROUTES = Set.of("/api/v1/calendar/{secret}.ics");

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		registry.add(DATABASE_URL_PROPERTY, () -> TestDatabase.jdbcUrl("auth"));
	}

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlerMapping;

	@Autowired
	UserAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	private String newUser() {
		String name = "user-" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.add(name, PASSWORD);
		return name;
	}

	private SessionClient signedIn(String username) {
		SessionClient browser = new SessionClient(this.port);
		SessionClient.Response response = browser.signIn(username, PASSWORD);
		assertThat(response.status()).as(response.toString()).isEqualTo(302);
		assertThat(response.header("Location")).as(response.toString()).doesNotContain("error");
		return browser;
	}

	private static void assertNotAuthenticated(String what, SessionClient.Response response) {
		assertThat(response.status()).as(what + ": " + response).isEqualTo(401);
		if (!what.startsWith("HEAD ")) {
			assertThat(response.body()).as(what).isEqualTo("{\"detail\":\"Not authenticated\"}");
		}
		assertThat(response.header("WWW-Authenticate")).as(what).isEqualTo("Bearer");
	}

	@Test
	void everyApiRouteAnswers401WithTheV1BodyWithoutCredentials() {
		Set<String> calls = new TreeSet<>();
		for (RequestMappingInfo info : this.handlerMapping.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				if (!pattern.startsWith("/api/") || PUBLIC_ROUTES.contains(pattern)
						|| SECRET_URL_ROUTES.contains(pattern)) {
					continue;
				}
				String path = pattern.replaceAll("\\{[^}]+}", "1");
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					calls.add(method.name() + " " + path);
				}
			}
		}
		// the enumeration found the routes (a new controller joins this list by itself)
		assertThat(calls).contains("GET /api/v1/expense", "POST /api/v1/expense", "DELETE /api/v1/expense/1",
				"PATCH /api/v1/income/1", "GET /api/v1/tokens", "POST /api/v1/tokens", "DELETE /api/v1/tokens/1",
				"POST /api/v1/account/password", "GET /api/v1/reports/monthly", "GET /api/v1/config/show");
		SessionClient anonymous = new SessionClient(this.port);
		for (String call : calls) {
			String[] parts = call.split(" ", 2);
			assertNotAuthenticated(call, anonymous.send(parts[0], parts[1], null, null, Map.of()));
			assertNotAuthenticated(call + " with a body",
					anonymous.send(parts[0], parts[1], "{}", "application/json", Map.of()));
		}
		assertThat(anonymous.cookies).as("no session for API calls").doesNotContainKey("JSESSIONID");
		for (String pattern : SECRET_URL_ROUTES) {
			String path = pattern.replaceAll("\\{[^}]+}", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
			assertThat(anonymous.send("GET", path, null, null, Map.of()).status()).as(path).isEqualTo(404);
		}
	}

	@Test
	void healthAndMetricsStayPublicAndPagesRedirectToTheSignInPage() {
		SessionClient anonymous = new SessionClient(this.port);
		for (String path : PUBLIC_ROUTES) {
			assertThat(anonymous.get(path).status()).as(path).isEqualTo(200);
		}
		assertThat(anonymous.get("/metrics").status()).isEqualTo(200);
		SessionClient.Response home = anonymous.send("GET", "/", null, null, Map.of("Accept", "text/html"));
		assertThat(home.status()).isEqualTo(302);
		assertThat(home.header("Location")).endsWith("/login");
		SessionClient.Response page = new SessionClient(this.port).get("/login");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Content-Type")).startsWith("text/html");
		assertThat(page.body()).contains("<form method=\"post\" action=\"/login\"", "name=\"_csrf\"");
		assertThat(page.setCookies()).as("the CSRF token is in the session, not in a cookie")
			.noneSatisfy((cookie) -> assertThat(cookie).startsWith("XSRF-TOKEN="));
	}

	@Test
	void corsPreflightsAreAnsweredByTheAllowListAndTokensWorkCrossOrigin() {
		SessionClient anonymous = new SessionClient(this.port);
		Map<String, String> preflight = Map.of("Origin", "https://budget.example", "Access-Control-Request-Method",
				"POST", "Access-Control-Request-Headers", "authorization,content-type");
		SessionClient.Response allowed = anonymous.send("OPTIONS", "/api/v1/expense", null, null, preflight);
		assertThat(allowed.status()).as(allowed.toString()).isEqualTo(200);
		assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://budget.example");
		assertThat(allowed.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");
		assertThat(allowed.header("Access-Control-Allow-Credentials")).isNull();
		SessionClient.Response refused = anonymous.send("OPTIONS", "/api/v1/expense", null, null,
				Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "POST"));
		assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
		assertNotAuthenticated("OPTIONS that is not a preflight",
				anonymous.send("OPTIONS", "/api/v1/expense", null, null, Map.of()));
	}

	@Test
	void formSignInGivesAnHttpOnlySessionAndChangesNeedTheCsrfToken() {
		String name = newUser();
		SessionClient browser = new SessionClient(this.port);
		SessionClient.Response signIn = browser.signIn(name, PASSWORD);
		assertThat(signIn.status()).isEqualTo(302);
		assertThat(signIn.header("Location")).endsWith("/");
		assertThat(signIn.setCookies()).anySatisfy(
				(cookie) -> assertThat(cookie).startsWith("JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax"));

		SessionClient.Response account = browser.get("/api/v1/account");
		assertThat(account.status()).isEqualTo(200);
		assertThat(account.json().get("username").asString()).isEqualTo(name);
		assertThat(account.json().get("auth_mode").asString()).isEqualTo("sign-in");

		String expense = "{\"date\":\"2025-11-10\",\"category\":\"Food\",\"amount\":12.5,\"account\":\"Cash\"}";
		SessionClient.Response forged = browser.send("POST", "/api/v1/expense", expense, "application/json", Map.of());
		assertThat(forged.status()).as(forged.toString()).isEqualTo(403);
		assertThat(forged.json().get("detail").asString()).isEqualTo("CSRF token missing or invalid");
		SessionClient.Response wrongToken = browser.send("POST", "/api/v1/expense", expense, "application/json",
				Map.of("X-XSRF-TOKEN", "not-the-token"));
		assertThat(wrongToken.status()).isEqualTo(403);
		SessionClient.Response created = browser.json("POST", "/api/v1/expense", expense);
		assertThat(created.status()).as(created.toString()).isEqualTo(200);
		assertThat(created.json().get("expense").get("amount").decimalValue()).isEqualByComparingTo("12.50");
	}

	@Test
	void aWrongPasswordSendsBackToTheSignInPageWithoutASession() {
		String name = newUser();
		SessionClient browser = new SessionClient(this.port);
		SessionClient.Response response = browser.signIn(name, "not the password");
		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("Location")).endsWith("/login?error");
		assertNotAuthenticated("after a failed sign-in", browser.get("/api/v1/account"));
		SessionClient.Response withoutCsrf = new SessionClient(this.port).form("/login",
				Map.of("username", name, "password", PASSWORD));
		assertThat(withoutCsrf.status()).as("sign-in form without the CSRF token").isEqualTo(403);
	}

	@Test
	void signOutEndsTheSession() {
		SessionClient browser = signedIn(newUser());
		String session = browser.cookies.get("JSESSIONID");
		assertThat(browser.get("/api/v1/account").status()).isEqualTo(200);
		SessionClient.Response out = browser.form("/logout", Map.of("_csrf", browser.csrf()));
		assertThat(out.status()).isEqualTo(302);
		assertThat(out.header("Location")).endsWith("/login?signed-out");
		SessionClient replay = new SessionClient(this.port);
		replay.cookies.put("JSESSIONID", session);
		assertNotAuthenticated("the old session cookie", replay.get("/api/v1/account"));
		assertNotAuthenticated("after sign-out", browser.get("/api/v1/account"));
	}

	@Test
	void passwordChangeChecksTheCurrentPasswordAndTheNewOnesLength() {
		String name = newUser();
		SessionClient browser = signedIn(name);
		SessionClient.Response wrong = browser.json("POST", "/api/v1/account/password",
				"{\"current_password\":\"wrong password\",\"new_password\":\"a brand new secret\"}");
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.json().get("detail").asString()).isEqualTo("The current password is wrong");
		SessionClient.Response shortOne = browser.json("POST", "/api/v1/account/password",
				"{\"current_password\":\"" + PASSWORD + "\",\"new_password\":\"short\"}");
		assertThat(shortOne.status()).isEqualTo(422);
		assertThat(shortOne.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"body\",\"new_password\"]");
		SessionClient.Response missing = browser.json("POST", "/api/v1/account/password", "{}");
		assertThat(missing.status()).isEqualTo(422);
		assertThat(missing.json().get("detail")).hasSize(2);
		// long enough, but among the most common passwords (any case), or the same again
		for (String common : List.of("aaaaaaaaaa", "Password123", "QWERTYUIOP", "1q2w3e4r5t6y")) {
			SessionClient.Response refused = browser.json("POST", "/api/v1/account/password",
					"{\"current_password\":\"" + PASSWORD + "\",\"new_password\":\"" + common + "\"}");
			assertThat(refused.status()).as(common).isEqualTo(422);
			assertThat(refused.json().get("detail").get(0).get("msg").asString()).contains("most common");
		}
		SessionClient.Response same = browser.json("POST", "/api/v1/account/password",
				"{\"current_password\":\"" + PASSWORD + "\",\"new_password\":\"" + PASSWORD + "\"}");
		assertThat(same.status()).isEqualTo(422);
		assertThat(same.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"body\",\"new_password\"]");
		assertThat(same.json().get("detail").get(0).get("msg").asString()).contains("is the current one");
		assertThatThrownBy(() -> this.accounts.add(newUserName(), "aaaaaaaaaa")).isInstanceOf(AccountException.class)
			.hasMessageContaining("most common");
		assertThatThrownBy(() -> this.accounts.setPassword(name, PASSWORD, true)).isInstanceOf(AccountException.class)
			.hasMessageContaining("is the current one");
		SessionClient elsewhere = signedIn(name);
		SessionClient.Response changed = browser.json("POST", "/api/v1/account/password",
				"{\"current_password\":\"" + PASSWORD + "\",\"new_password\":\"a brand new secret\"}");
		assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
		assertThat(browser.get("/api/v1/account").status()).as("the session that changed it").isEqualTo(200);
		assertNotAuthenticated("the user's other session", elsewhere.get("/api/v1/account"));
		SessionClient.Response page = elsewhere.send("GET", "/", null, null, Map.of("Accept", "text/html"));
		assertThat(page.status()).isEqualTo(302);
		assertThat(page.header("Location")).endsWith("/login");

		assertThat(new SessionClient(this.port).signIn(name, PASSWORD).header("Location")).endsWith("?error");
		SessionClient again = new SessionClient(this.port);
		assertThat(again.signIn(name, "a brand new secret").header("Location")).doesNotContain("error");
		assertThat(again.get("/api/v1/account").status()).isEqualTo(200);
	}

	@Test
	void passwordsAreStoredAsBcryptHashes() {
		String name = newUser();
		String hash = this.jdbc.sql("SELECT password_hash FROM users WHERE username = :name")
			.param("name", name)
			.query(String.class)
			.single();
		assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(PASSWORD);
	}

	@Test
	void tokensAreShownOnceStoredHashedOwnedAndRevokedAtOnce() {
		SessionClient owner = signedIn(newUser());
		SessionClient other = signedIn(newUser());

		SessionClient.Response created = owner.json("POST", "/api/v1/tokens",
				"{\"name\":\"backup script\",\"password\":\"" + PASSWORD + "\"}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().get("expires_at").isNull()).as("no expiry asked").isTrue();
		String secret = created.json().get("token").asString();
		int id = created.json().get("id").asInt();
		assertThat(secret).startsWith("hbw_").hasSizeGreaterThanOrEqualTo(4 + 43);
		assertThat(created.json().get("name").asString()).isEqualTo("backup script");

		String stored = this.jdbc.sql("SELECT token_sha256 FROM api_tokens WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		assertThat(stored).isEqualTo(ApiTokens.sha256(secret)).doesNotContain(secret.substring(4));
		List<String> rows = new ArrayList<>(
				this.jdbc.sql("SELECT api_tokens::text FROM api_tokens").query(String.class).list());
		assertThat(rows).noneMatch((row) -> row.contains(secret.substring(4, 20)));

		SessionClient.Response anonymousList = new SessionClient(this.port).send("GET", "/api/v1/expense", null, null,
				Map.of("Authorization", "Bearer " + secret));
		assertThat(anonymousList.status()).as(anonymousList.toString()).isEqualTo(200);
		SessionClient.Response viaToken = new SessionClient(this.port).send("POST", "/api/v1/expense",
				"{\"date\":\"2025-11-10\",\"category\":\"Script\",\"amount\":1,\"account\":\"Cash\"}",
				"application/json", Map.of("Authorization", "Bearer " + secret));
		assertThat(viaToken.status()).as("bearer requests need no CSRF token: " + viaToken).isEqualTo(200);

		SessionClient.Response list = owner.get("/api/v1/tokens");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).doesNotContain(secret).doesNotContain(secret.substring(4, 20));
		JsonNode listed = list.json().get(0);
		assertThat(listed.propertyNames()).containsExactlyInAnyOrder("id", "name", "created_at", "last_used_at",
				"expires_at");
		assertThat(listed.get("id").asInt()).isEqualTo(id);
		assertThat(listed.get("last_used_at").isNull()).as("used above").isFalse();

		assertThat(other.get("/api/v1/tokens").json()).isEmpty();
		SessionClient.Response stolen = other.json("DELETE", "/api/v1/tokens/" + id, null);
		assertThat(stolen.status()).isEqualTo(404);
		assertThat(stolen.json().get("detail").asString()).isEqualTo("Token not found");
		assertThat(owner.json("DELETE", "/api/v1/tokens/999999999", null).status()).isEqualTo(404);
		assertThat(owner.json("DELETE", "/api/v1/tokens/abc", null).status()).isEqualTo(404);

		SessionClient.Response revoked = owner.json("DELETE", "/api/v1/tokens/" + id, null);
		assertThat(revoked.status()).isEqualTo(200);
		assertThat(revoked.json().get("status").asString()).isEqualTo("deleted");
		assertNotAuthenticated("the very next request with the revoked token", new SessionClient(this.port).send("GET",
				"/api/v1/expense", null, null, Map.of("Authorization", "Bearer " + secret)));
		assertNotAuthenticated("a made-up token", new SessionClient(this.port).send("GET", "/api/v1/expense", null,
				null, Map.of("Authorization", "Bearer hbw_madeup")));
	}

	@Test
	void tokenNamesAreValidated() {
		SessionClient owner = signedIn(newUser());
		String password = ",\"password\":\"" + PASSWORD + "\"";
		assertThat(owner.json("POST", "/api/v1/tokens", "{}").status()).isEqualTo(422);
		assertThat(owner.json("POST", "/api/v1/tokens", "{\"name\":\"  \"" + password + "}").status()).isEqualTo(422);
		assertThat(
				owner.json("POST", "/api/v1/tokens", "{\"name\":\"" + "x".repeat(101) + "\"" + password + "}").status())
			.isEqualTo(422);
		assertThat(owner.json("POST", "/api/v1/tokens", "{\"name\":7" + password + "}").status()).isEqualTo(422);
		assertThat(owner.json("POST", "/api/v1/tokens", "[]").status()).isEqualTo(422);
		for (String days : List.of("0", "3651", "1.5", "\"30\"")) {
			SessionClient.Response refused = owner.json("POST", "/api/v1/tokens",
					"{\"name\":\"x\",\"expires_in_days\":" + days + password + "}");
			assertThat(refused.status()).as(days).isEqualTo(422);
			assertThat(refused.json().get("detail").get(0).get("loc").toString())
				.isEqualTo("[\"body\",\"expires_in_days\"]");
		}
	}

	/**
	 * A compromised account can be cleaned up: a new token needs the password (a session
	 * or a token alone cannot make one), tokens can expire, and a password change revokes
	 * every token unless told not to.
	 */
	@Test
	void aTokenNeedsThePasswordMayExpireAndDiesWithAPasswordChange() {
		String name = newUser();
		SessionClient browser = signedIn(name);
		SessionClient.Response missing = browser.json("POST", "/api/v1/tokens", "{\"name\":\"script\"}");
		assertThat(missing.status()).isEqualTo(422);
		assertThat(missing.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"body\",\"password\"]");
		SessionClient.Response wrong = browser.json("POST", "/api/v1/tokens",
				"{\"name\":\"script\",\"password\":\"a guess\"}");
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.json().get("detail").asString()).isEqualTo("The password is wrong");
		String expiring = token(browser,
				"{\"name\":\"for a week\",\"expires_in_days\":7,\"password\":\"" + PASSWORD + "\"}");
		JsonNode listed = browser.get("/api/v1/tokens").json().get(0);
		assertThat(java.time.OffsetDateTime.parse(listed.get("expires_at").asString()))
			.isBetween(java.time.OffsetDateTime.now().plusDays(6), java.time.OffsetDateTime.now().plusDays(8));
		assertThat(bearer(expiring, "GET", "/api/v1/account", null).status()).isEqualTo(200);
		SessionClient.Response byToken = bearer(expiring, "POST", "/api/v1/tokens", "{\"name\":\"another\"}");
		assertThat(byToken.status()).as("a token alone cannot make a token").isEqualTo(422);
		this.jdbc
			.sql("UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE name = 'for a week' "
					+ "AND user_id = (SELECT id FROM users WHERE username = :name)")
			.param("name", name)
			.update();
		assertNotAuthenticated("an expired token", bearer(expiring, "GET", "/api/v1/account", null));

		String kept = token(browser, "{\"name\":\"kept\",\"password\":\"" + PASSWORD + "\"}");
		SessionClient.Response keeping = browser.json("POST", "/api/v1/account/password", "{\"current_password\":\""
				+ PASSWORD + "\",\"new_password\":\"a brand new secret\",\"revoke_tokens\":false}");
		assertThat(keeping.status()).as(keeping.toString()).isEqualTo(204);
		assertThat(bearer(kept, "GET", "/api/v1/account", null).status()).isEqualTo(200);
		String second = token(browser, "{\"name\":\"second\",\"password\":\"a brand new secret\"}");
		assertThat(browser
			.json("POST", "/api/v1/account/password",
					"{\"current_password\":\"a brand new secret\",\"new_password\":\"another new secret\","
							+ "\"revoke_tokens\":\"yes\"}")
			.status()).isEqualTo(422);
		SessionClient.Response changed = bearer(kept, "POST", "/api/v1/account/password",
				"{\"current_password\":\"a brand new secret\",\"new_password\":\"another new secret\"}");
		assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
		assertNotAuthenticated("a token after a password change", bearer(kept, "GET", "/api/v1/account", null));
		assertNotAuthenticated("every token", bearer(second, "GET", "/api/v1/account", null));
		assertNotAuthenticated("every other session", browser.get("/api/v1/tokens"));
		SessionClient again = new SessionClient(this.port);
		again.signIn(name, "another new secret");
		assertThat(again.get("/api/v1/tokens").json()).isEmpty();
	}

	private static String token(SessionClient browser, String body) {
		SessionClient.Response created = browser.json("POST", "/api/v1/tokens", body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("token").asString();
	}

	private SessionClient.Response bearer(String token, String method, String path, String body) {
		return new SessionClient(this.port).send(method, path, body, (body == null) ? null : "application/json",
				Map.of("Authorization", "Bearer " + token));
	}

	@Test
	void tenFailedSignInsLockTheAccountForTheWindowEvenForTheRightPassword() {
		String name = newUser();
		String bystander = newUser();
		List<Integer> statuses = new ArrayList<>();
		String retryAfter = null;
		for (int i = 0; i < 10; i++) {
			SessionClient.Response response = new SessionClient(this.port).signIn(name, "guess number " + i);
			statuses.add(response.status());
			if (response.status() == 429) {
				retryAfter = response.header("Retry-After");
				assertThat(response.json().get("detail").asString()).startsWith("Too many failed sign-ins");
			}
		}
		assertThat(statuses).containsExactly(302, 302, 302, 302, 302, 429, 429, 429, 429, 429);
		assertThat(Integer.parseInt(retryAfter)).isBetween(1, 60);
		SessionClient.Response right = new SessionClient(this.port).signIn(name, PASSWORD);
		assertThat(right.status()).as("the right password during the window").isEqualTo(429);
		assertThat(right.header("Retry-After")).isNotNull();
		assertThat(new SessionClient(this.port).signIn(name.toUpperCase(), PASSWORD).status())
			.as("the same account in other case")
			.isEqualTo(429);
		SessionClient browserPage = new SessionClient(this.port);
		browserPage.get("/login");
		SessionClient.Response page = browserPage.send("POST", "/login",
				"username=" + name + "&password=x&_csrf=" + browserPage.csrf(), "application/x-www-form-urlencoded",
				Map.of("Accept", "text/html"));
		assertThat(page.status()).isEqualTo(429);
		assertThat(page.body()).contains("Too many failed sign-ins");
		assertThat(signedIn(bystander).get("/api/v1/account").status()).as("other accounts are not locked")
			.isEqualTo(200);
	}

	/**
	 * The throttle counts the account a name resolves to: once it is locked, no spelling
	 * of its name (case, a blank, tab or line break around it) signs in, and a padded
	 * name is refused as sent (never trimmed into the account's) and counts as a failure.
	 */
	@Test
	void paddingTheNameNeitherGetsAroundTheThrottleNorSignsIn() {
		String name = newUser();
		for (String padded : List.of(name + " ", "\t" + name, name + "\n", " " + name.toUpperCase())) {
			SessionClient.Response refused = new SessionClient(this.port).signIn(padded, PASSWORD);
			assertThat(refused.status()).as(padded).isEqualTo(302);
			assertThat(refused.header("Location")).as(padded).contains("/login?error");
		}
		SessionClient.Response lastTry = new SessionClient(this.port).signIn(name, "guess");
		assertThat(lastTry.header("Location")).contains("/login?error");
		for (String spelling : List.of(name, name + " ", " " + name, "\t" + name, name + "\n", name.toUpperCase(),
				name + "\r\n", "\u00a0" + name, name + "\u0000")) {
			assertThat(new SessionClient(this.port).signIn(spelling, PASSWORD).status())
				.as("the right password for %s", spelling.replace("\n", "\\n"))
				.isEqualTo(429);
		}
		assertThatThrownBy(() -> this.accounts.add(" " + newUserName(), PASSWORD)).isInstanceOf(AccountException.class)
			.hasMessageContaining("spaces");
		assertThatThrownBy(() -> this.accounts.add(newUserName() + "\t", PASSWORD))
			.isInstanceOf(AccountException.class);
	}

	private static String newUserName() {
		return "user-" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void wrongCurrentPasswordsCountAsFailedSignIns() {
		String name = newUser();
		SessionClient browser = signedIn(name);
		int last = 0;
		for (int i = 0; i < 6; i++) {
			last = browser
				.json("POST", "/api/v1/account/password",
						"{\"current_password\":\"guess " + i + "\",\"new_password\":\"a brand new secret\"}")
				.status();
		}
		assertThat(last).isEqualTo(429);
	}

}
