package dev.homebudget.auth;

import dev.homebudget.support.ApiTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default mode changes nothing for callers: no credentials, no cookies, no CSRF
 * token; the account routes say that accounts are not used, and there is no sign-in page.
 */
class SingleUserModeApiTests extends ApiTestSupport {

	@Test
	void callersNeedNoCredentialsAndGetNoCookies() {
		ApiResponse created = post("/api/v1/expense",
				"{\"date\":\"2025-11-10\",\"category\":\"Food\",\"amount\":3,\"account\":\"Cash\"}");
		assertThat(created.status()).as(created.toString()).isEqualTo(200);
		assertThat(created.headers().allValues("Set-Cookie")).isEmpty();
		ApiResponse account = get("/api/v1/account");
		assertThat(account.status()).isEqualTo(200);
		assertThat(account.body()).isEqualTo("{\"auth_mode\":\"single-user\",\"username\":null}");
		assertThat(account.headers().allValues("Set-Cookie")).isEmpty();
	}

	@Test
	void accountRoutesSayAccountsAreNotUsed() {
		for (ApiResponse response : new ApiResponse[] { get("/api/v1/tokens"),
				post("/api/v1/tokens", "{\"name\":\"x\"}"), delete("/api/v1/tokens/1"),
				post("/api/v1/account/password", "{\"current_password\":\"a\",\"new_password\":\"b\"}") }) {
			assertThat(response.status()).as(response.toString()).isEqualTo(404);
			assertThat(response.body()).isEqualTo("{\"detail\":\"Accounts are not used in single-user mode\"}");
		}
	}

	@Test
	void thereIsNothingToSignInOrOutOf() {
		ApiResponse page = get("/login");
		assertThat(page.status()).isEqualTo(302);
		assertThat(page.header("Location")).isEqualTo("/");
		assertThat(post("/logout", null).status()).isIn(404, 405);
	}

}
