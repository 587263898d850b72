package dev.homebudget.expense;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;

import dev.homebudget.auth.ApiTokens;
import dev.homebudget.auth.UserAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole expense API suite again, in sign-in mode, every request with a personal API
 * token ({@code Authorization: Bearer}): a script's view of the v1 API does not change
 * when sign-in is on, apart from the token. The rate limit is raised out of the way.
 */
@TestPropertySource(properties = { "budget.auth.mode=sign-in", "budget.auth.api-rate-limit.burst=1000000",
		"budget.auth.api-rate-limit.per-second=1000000" })
class ExpenseApiSignInTests extends ExpenseApiIntegrationTests {

	private static String token;

	@Autowired
	private UserAccounts accounts;

	@Autowired
	private ApiTokens tokens;

	@BeforeEach
	void signInOnce() {
		if (token == null) {
			var account = this.accounts.add("script-" + UUID.randomUUID().toString().substring(0, 8),
					"correct horse battery");
			token = this.tokens.create(account.id(), "contract suite").secret();
		}
	}

	/**
	 * Sign-in mode on PostgreSQL adds who entered, who paid and for whom after the v1
	 * keys.
	 */
	@Override
	protected List<String> addedKeys() {
		return List.of("entered_by", "paid_by", "for_whom", "shares");
	}

	@Override
	protected void authorize(HttpRequest.Builder request) {
		request.header("Authorization", "Bearer " + token);
	}

	@Test
	void shouldRefuseTheSameCallWithoutTheToken() {
		ApiResponse response = send(
				HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + "/api/v1/expense"))
					.GET()
					.build());
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.body()).isEqualTo("{\"detail\":\"Not authenticated\"}");
		assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
	}

}
