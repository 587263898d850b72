package dev.homebudget.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.homebudget.support.ApiTestSupport;
import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * T30's limits with small settings: failed sign-ins from one address lock that address
 * whatever the usernames, and one user's burst of API calls is cut off with 429 while
 * another user is served.
 */
@TestPropertySource(
		properties = { "budget.auth.mode=sign-in", "budget.auth.login-throttle.max-failures-per-account=1000",
				"budget.auth.login-throttle.max-failures-per-address=6", "budget.auth.login-throttle.window=10m",
				"budget.auth.api-rate-limit.burst=10", "budget.auth.api-rate-limit.per-second=1" })
class SignInLimitsIntegrationTests extends ApiTestSupport {

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		registry.add(DATABASE_URL_PROPERTY, () -> TestDatabase.jdbcUrl("auth_limits"));
	}

	@Autowired
	UserAccounts accounts;

	@Autowired
	ApiTokens tokens;

	private UserAccount newUser() {
		return this.accounts.add("user-" + UUID.randomUUID().toString().substring(0, 8),
				SignInApiIntegrationTests.PASSWORD);
	}

	@Test
	void failedSignInsFromOneAddressLockItForEveryAccount() {
		UserAccount existing = newUser();
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			statuses.add(new SessionClient(this.port).signIn("nobody-" + i, "guess").status());
		}
		assertThat(statuses).containsExactly(302, 302, 302, 302, 302, 302, 429, 429, 429, 429);
		SessionClient.Response right = new SessionClient(this.port).signIn(existing.username(),
				SignInApiIntegrationTests.PASSWORD);
		assertThat(right.status()).isEqualTo(429);
		assertThat(Long.parseLong(right.header("Retry-After"))).isBetween(1L, 600L);
	}

	@Test
	void oneUsersBurstGets429WhileAnotherUserIsStillServed() {
		String tokenA = this.tokens.create(newUser().id(), "burst").secret();
		String tokenB = this.tokens.create(newUser().id(), "calm").secret();
		List<Integer> statuses = new ArrayList<>();
		String retryAfter = null;
		for (int i = 0; i < 200; i++) {
			SessionClient.Response response = call(tokenA);
			statuses.add(response.status());
			if (response.status() == 429) {
				retryAfter = response.header("Retry-After");
				assertThat(response.body()).isEqualTo("{\"detail\":\"Too many requests\"}");
			}
		}
		assertThat(statuses.subList(0, 10)).as("the burst allowance").containsOnly(200);
		assertThat(statuses).contains(429).containsOnly(200, 429);
		assertThat(Integer.parseInt(retryAfter)).isPositive();
		assertThat(call(tokenB).status()).as("another user's request").isEqualTo(200);
	}

	private SessionClient.Response call(String token) {
		return new SessionClient(this.port).send("GET", "/api/v1/account", null, null,
				Map.of("Authorization", "Bearer " + token));
	}

}
