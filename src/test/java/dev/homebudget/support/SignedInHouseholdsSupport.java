package dev.homebudget.support;

import java.util.UUID;

import dev.homebudget.auth.ApiTokens;
import dev.homebudget.auth.UserAccount;
import dev.homebudget.auth.UserAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app in sign-in mode (P3) on database "households", with users that call it with
 * their own API tokens. Every user added here is a later user, with a household of their
 * own.
 */
@TestPropertySource(properties = { "budget.auth.mode=sign-in", "budget.auth.api-rate-limit.burst=100000",
		"budget.auth.api-rate-limit.per-second=100000" })
public abstract class SignedInHouseholdsSupport extends ApiTestSupport {

	protected static final String PASSWORD = "correct horse battery";

	@DynamicPropertySource
	protected static void ownDatabase(DynamicPropertyRegistry registry) {
		registry.add(DATABASE_URL_PROPERTY, () -> TestDatabase.jdbcUrl("households"));
	}

	@Autowired
	protected UserAccounts accounts;

	@Autowired
	public ApiTokens tokens;

	@Autowired
	public JdbcClient jdbc;

	protected TokenCaller newUser(String prefix) {
		UserAccount account = this.accounts.add(prefix + "-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD);
		return new TokenCaller(this.port, account.id(), account.username(),
				this.tokens.create(account.id(), "tests").secret());
	}

	protected int currentHousehold(TokenCaller user) {
		return this.jdbc.sql("SELECT current_household_id FROM users WHERE id = :id")
			.param("id", user.userId())
			.query(Integer.class)
			.single();
	}

	/**
	 * Brings {@code others} into {@code household} with {@code role} the way people do:
	 * an invitation by its owner, accepted by each.
	 */
	protected void join(TokenCaller owner, int household, String role, TokenCaller... others) {
		for (TokenCaller other : others) {
			ApiResponse invitation = owner.json("POST", "/api/v1/households/" + household + "/invitations",
					"{\"role\":\"" + role + "\"}");
			assertThat(invitation.status()).as(invitation.toString()).isEqualTo(201);
			ApiResponse accepted = other.json("POST", "/api/v1/invitations/accept",
					"{\"code\":\"" + invitation.json().get("code").asString() + "\"}");
			assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
		}
	}

	public static String expense(String category, String amount) {
		return "{\"date\":\"2025-11-10\",\"business\":\"Shop\",\"category\":\"" + category + "\",\"amount\":" + amount
				+ ",\"account\":\"Cash\",\"notes\":\"" + category + "\"}";
	}

	protected static String income(String category, String amount) {
		return "{\"date\":\"2025-11-10\",\"category\":\"" + category + "\",\"amount\":" + amount
				+ ",\"account\":\"Bank\",\"notes\":\"" + category + "\"}";
	}

}
