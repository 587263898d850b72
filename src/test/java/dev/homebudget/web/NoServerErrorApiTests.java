package dev.homebudget.web;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.homebudget.support.ApiTestSupport.ApiResponse;
import dev.homebudget.support.SignedInHouseholdsSupport;
import dev.homebudget.support.TokenCaller;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paths that once answered 500: text PostgreSQL cannot store in any hand-read field, one
 * user accepting two invitations to one household at the same moment, and a direct
 * request for the error page. Each is now a clear 4xx (or the one success) in the v1
 * error shape.
 */
class NoServerErrorApiTests extends SignedInHouseholdsSupport {

	private static final String[] UNSTORABLE = { "a\\u0000b", "\\u0000", "a\\ud800b", "\\udc00" };

	@Test
	void textThatCannotBeStoredIsRefusedInEveryField() {
		TokenCaller owner = newUser("nul");
		TokenCaller other = newUser("nul-other");
		int household = currentHousehold(owner);
		join(owner, household, "member", other);
		for (String text : UNSTORABLE) {
			assertRefused(owner.json("POST", "/api/v1/tokens",
					"{\"name\":\"" + text + "\",\"password\":\"" + PASSWORD + "\"}"), "name");
			assertRefused(owner.json("POST", "/api/v1/households", "{\"name\":\"" + text + "\"}"), "name");
			assertRefused(owner.json("POST", "/api/v1/invitations/accept", "{\"code\":\"" + text + "\"}"), "code");
			assertRefused(owner.json("POST", "/api/v1/settlements", "{\"from_user\":" + owner.userId() + ",\"to_user\":"
					+ other.userId() + ",\"amount\":\"1.00\",\"notes\":\"" + text + "\"}"), "notes");
			assertRefused(
					owner.json("POST", "/api/v1/account/password",
							"{\"current_password\":\"" + text + "\",\"new_password\":\"a brand new secret\"}"),
					"current_password");
		}
		assertThat(owner.get("/api/v1/tokens").json()).hasSize(1);
		assertThat(owner.get("/api/v1/households").json()).hasSize(1);
		assertThat(owner.get("/api/v1/settlements").json()).isEmpty();
	}

	@Test
	void oneUserAcceptingTwoInvitationsToOneHouseholdAtOnceJoinsOnce() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 12; round++) {
				TokenCaller owner = newUser("twice");
				TokenCaller invited = newUser("twice-in");
				int household = currentHousehold(owner);
				List<String> codes = new ArrayList<>();
				for (int i = 0; i < 2; i++) {
					codes.add(owner.json("POST", "/api/v1/households/" + household + "/invitations", "{}")
						.json()
						.get("code")
						.asString());
				}
				CountDownLatch start = new CountDownLatch(1);
				List<CompletableFuture<ApiResponse>> accepts = new ArrayList<>();
				for (String code : codes) {
					accepts.add(CompletableFuture.supplyAsync(() -> {
						awaitQuietly(start);
						return invited.json("POST", "/api/v1/invitations/accept", "{\"code\":\"" + code + "\"}");
					}, pool));
				}
				start.countDown();
				List<Integer> statuses = new ArrayList<>();
				for (CompletableFuture<ApiResponse> accept : accepts) {
					ApiResponse response = accept.get(60, TimeUnit.SECONDS);
					statuses.add(response.status());
					if (response.status() == 409) {
						assertThat(response.json().get("detail").asString())
							.isEqualTo("You are already a member of this household");
					}
				}
				assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(200, 409);
				assertThat(
						this.jdbc.sql("SELECT count(*) FROM household_members WHERE household_id = :h AND user_id = :u")
							.param("h", household)
							.param("u", invited.userId())
							.query(Long.class)
							.single())
					.isEqualTo(1);
				assertThat(this.jdbc
					.sql("SELECT count(*) FROM household_invitations WHERE household_id = :h AND used_at IS NULL")
					.param("h", household)
					.query(Long.class)
					.single()).as("the losing invitation is still unused").isEqualTo(1);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void theErrorPageAskedForDirectlyIsNotFound() {
		TokenCaller user = newUser("error-page");
		for (String method : List.of("GET", "POST", "DELETE")) {
			ApiResponse direct = user.send(method, "/error", null, null);
			assertThat(direct.status()).as(method).isEqualTo(404);
			assertThat(direct.body()).isEqualTo("{\"detail\":\"Not Found\"}");
		}
		assertThat(get("/error").status()).as("signed out").isEqualTo(404);
	}

	private static void assertRefused(ApiResponse response, String field) {
		assertThat(response.status()).as(response.toString()).isEqualTo(422);
		assertThat(response.json().get("detail").get(0).get("loc").toString())
			.isEqualTo("[\"body\",\"" + field + "\"]");
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
