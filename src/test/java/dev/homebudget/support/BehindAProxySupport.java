package dev.homebudget.support;

import java.util.UUID;

import dev.homebudget.auth.ApiTokens;
import dev.homebudget.auth.UserAccount;
import dev.homebudget.auth.UserAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The app in sign-in mode as deployed behind a reverse proxy on the same machine, on
 * database "proxied": the tests' address (127.0.0.1) is the trusted proxy, the public
 * name {@value #PUBLIC_HOST} is an allowed host. Every subclass shares one application
 * context.
 */
@TestPropertySource(properties = { "budget.auth.mode=sign-in", "budget.auth.api-rate-limit.burst=100000",
		"budget.auth.api-rate-limit.per-second=100000", "budget.http.trusted-proxies=127.0.0.1",
		"budget.http.allowed-hosts=" + BehindAProxySupport.PUBLIC_HOST,
		"budget.metrics.token=" + BehindAProxySupport.METRICS_TOKEN })
public abstract class BehindAProxySupport extends ApiTestSupport {

	public static final String PASSWORD = "correct horse battery";

	public static final String PUBLIC_HOST = "budget.example";

	public static final String METRICS_TOKEN = "metrics-secret-of-the-tests";

	@DynamicPropertySource
	protected static void ownDatabase(DynamicPropertyRegistry registry) {
		registry.add(DATABASE_URL_PROPERTY, () -> TestDatabase.jdbcUrl("proxied"));
	}

	@Autowired
	protected UserAccounts accounts;

	@Autowired
	protected ApiTokens tokens;

	protected String newUsername(String prefix) {
		String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.add(name, PASSWORD);
		return name;
	}

	protected TokenCaller newUser(String prefix) {
		UserAccount account = this.accounts.add(prefix + "-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD);
		return new TokenCaller(this.port, account.id(), account.username(),
				this.tokens.create(account.id(), "tests").secret());
	}

}
