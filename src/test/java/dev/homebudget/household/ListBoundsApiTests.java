package dev.homebudget.household;

import java.util.ArrayList;
import java.util.List;

import dev.homebudget.support.ApiTestSupport.ApiResponse;
import dev.homebudget.support.SignedInHouseholdsSupport;
import dev.homebudget.support.TokenCaller;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No list in a response grows without bound: API tokens, households and members are
 * capped per account and household (409 beyond), open invitations are capped, and the
 * lists that grow with time (invitations, settlements) come a page at a time with a
 * signed cursor to the next one.
 */
class ListBoundsApiTests extends SignedInHouseholdsSupport {

	@Test
	void anAccountHoldsAtMostAHundredTokens() {
		TokenCaller user = newUser("tokens");
		for (int i = 1; i < 100; i++) {
			this.tokens.create(user.userId(), "script " + i);
		}
		assertThat(user.get("/api/v1/tokens").json()).hasSize(100);
		ApiResponse refused = user.json("POST", "/api/v1/tokens",
				"{\"name\":\"one too many\",\"password\":\"" + PASSWORD + "\"}");
		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		assertThat(refused.json().get("detail").asString()).contains("100 API tokens");
	}

	@Test
	void anAccountBelongsToAtMostAHundredHouseholds() {
		TokenCaller user = newUser("many");
		for (int i = 1; i < 100; i++) {
			assertThat(user.json("POST", "/api/v1/households", "{\"name\":\"h" + i + "\"}").status()).isEqualTo(201);
		}
		ApiResponse refused = user.json("POST", "/api/v1/households", "{\"name\":\"h100\"}");
		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		assertThat(user.get("/api/v1/households").json()).hasSize(100);
		TokenCaller owner = newUser("inviter");
		ApiResponse invitation = owner.json("POST", "/api/v1/households/" + currentHousehold(owner) + "/invitations",
				"{}");
		ApiResponse accepted = user.json("POST", "/api/v1/invitations/accept",
				"{\"code\":\"" + invitation.json().get("code").asString() + "\"}");
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(409);
		assertThat(owner.get("/api/v1/households/" + currentHousehold(owner) + "/invitations")
			.json()
			.get(0)
			.get("used_at")
			.isNull()).as("the refused accept used nothing up").isTrue();
	}

	@Test
	void aHouseholdHasAtMostAHundredMembers() {
		TokenCaller owner = newUser("crowd");
		int household = currentHousehold(owner);
		String hash = this.jdbc.sql("SELECT password_hash FROM users WHERE id = :id")
			.param("id", owner.userId())
			.query(String.class)
			.single();
		for (int i = 1; i < 100; i++) {
			int id = this.jdbc.sql("INSERT INTO users (username, password_hash) VALUES (:name, :hash) RETURNING id")
				.param("name", "crowd-" + household + "-" + i)
				.param("hash", hash)
				.query(Integer.class)
				.single();
			this.jdbc.sql("INSERT INTO household_members (household_id, user_id, role) VALUES (:h, :u, 'viewer')")
				.param("h", household)
				.param("u", id)
				.update();
		}
		assertThat(owner.get("/api/v1/households/" + household + "/members").json()).hasSize(100);
		ApiResponse invitation = owner.json("POST", "/api/v1/households/" + household + "/invitations", "{}");
		ApiResponse refused = newUser("late").json("POST", "/api/v1/invitations/accept",
				"{\"code\":\"" + invitation.json().get("code").asString() + "\"}");
		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		assertThat(refused.json().get("detail").asString()).contains("100 members");
	}

	@Test
	void openInvitationsAreCappedAndListedAPageAtATime() {
		TokenCaller owner = newUser("inviting");
		String path = "/api/v1/households/" + currentHousehold(owner) + "/invitations";
		for (int i = 0; i < 100; i++) {
			assertThat(owner.json("POST", path, "{}").status()).isEqualTo(201);
		}
		ApiResponse refused = owner.json("POST", path, "{}");
		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		List<Integer> ids = walk(owner, path + "?limit=30", 30);
		assertThat(ids).hasSize(100).doesNotHaveDuplicates().isSorted();
		ApiResponse first = owner.get(path);
		assertThat(first.json()).hasSize(100);
		assertThat(first.header("Link")).isNull();
		assertThat(owner.get(path + "?limit=0").status()).isEqualTo(422);
		assertThat(owner.get(path + "?limit=1001").status()).isEqualTo(422);
		assertThat(owner.get(path + "?cursor=forged").status()).isEqualTo(422);
		ApiResponse settlementsCursor = owner.get("/api/v1/settlements?limit=1");
		assertThat(settlementsCursor.status()).isEqualTo(200);
		String invitationsCursor = owner.get(path + "?limit=1").header("X-Next-Cursor");
		ApiResponse wrongList = owner.get("/api/v1/settlements?cursor=" + invitationsCursor);
		assertThat(wrongList.status()).as(wrongList.toString()).isEqualTo(422);
		assertThat(wrongList.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"query\",\"cursor\"]");
	}

	@Test
	void settlementsAreListedAPageAtATimeNewestFirst() {
		TokenCaller a = newUser("pages-a");
		TokenCaller b = newUser("pages-b");
		int household = currentHousehold(a);
		join(a, household, "member", b);
		List<Integer> created = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			ApiResponse settled = a.json("POST", "/api/v1/settlements", "{\"from_user\":" + a.userId() + ",\"to_user\":"
					+ b.userId() + ",\"amount\":\"1.00\",\"date\":\"2025-11-0" + (1 + i % 3) + "\"}");
			assertThat(settled.status()).as(settled.toString()).isEqualTo(201);
			created.add(settled.json().get("id").asInt());
		}
		List<Integer> walked = walk(a, "/api/v1/settlements?limit=2", 2);
		assertThat(walked).containsExactlyInAnyOrderElementsOf(created).doesNotHaveDuplicates();
		List<JsonNode> all = new ArrayList<>();
		a.get("/api/v1/settlements").json().forEach(all::add);
		assertThat(all.stream().map((s) -> s.get("id").asInt()).toList()).isEqualTo(walked);
		for (int i = 1; i < all.size(); i++) {
			String before = all.get(i - 1).get("date").asString();
			String after = all.get(i).get("date").asString();
			assertThat(before.compareTo(after) > 0
					|| (before.equals(after) && all.get(i - 1).get("id").asInt() > all.get(i).get("id").asInt()))
				.isTrue();
		}
	}

	/** Follows Link rel="next" from {@code path}; every page holds at most its limit. */
	private static List<Integer> walk(TokenCaller user, String path, int limit) {
		List<Integer> ids = new ArrayList<>();
		String next = path;
		for (int pages = 0; next != null; pages++) {
			assertThat(pages).isLessThan(200);
			ApiResponse page = user.get(next);
			assertThat(page.status()).as(page.toString()).isEqualTo(200);
			assertThat(page.json().size()).isLessThanOrEqualTo(limit);
			page.json().forEach((item) -> ids.add(item.get("id").asInt()));
			String link = page.header("Link");
			next = (link == null) ? null
					: link.substring(link.indexOf('<') + 1, link.indexOf('>')).replaceFirst("^https?://[^/]+", "");
		}
		return ids;
	}

}
