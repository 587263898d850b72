package dev.homebudget.household;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import dev.homebudget.support.ApiTestSupport.ApiResponse;
import dev.homebudget.support.SignedInHouseholdsSupport;
import dev.homebudget.support.TokenCaller;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Households over real HTTP in sign-in mode: a later user starts alone, invitations are
 * single use (also when two accept at once), expire and can be revoked; roles limit what
 * members may do (a viewer's writes are 403 on every write route); the last owner stays;
 * switching moves the caller between their households' data.
 */
class HouseholdApiTests extends SignedInHouseholdsSupport {

	private String invite(TokenCaller owner, int household, String role) {
		ApiResponse invitation = owner.json("POST", "/api/v1/households/" + household + "/invitations",
				"{\"role\":\"" + role + "\",\"expires_in_hours\":72}");
		assertThat(invitation.status()).as(invitation.toString()).isEqualTo(201);
		assertThat(invitation.json().get("accept_url").asString())
			.isEqualTo("http://127.0.0.1:" + this.port + "/#invitation=" + invitation.json().get("code").asString());
		assertThat(invitation.json().get("role").asString()).isEqualTo(role);
		return invitation.json().get("code").asString();
	}

	private static ApiResponse accept(TokenCaller user, String code) {
		return user.json("POST", "/api/v1/invitations/accept", "{\"code\":\"" + code + "\"}");
	}

	@Test
	void aLaterUserStartsInAHouseholdOfTheirOwnAndJoinsAnotherByInvitation() {
		TokenCaller owner = newUser("owner");
		TokenCaller guest = newUser("guest");
		int home = currentHousehold(owner);
		assertThat(currentHousehold(guest)).isNotEqualTo(home);
		JsonNode mine = guest.get("/api/v1/households").json();
		assertThat(mine).hasSize(1);
		assertThat(mine.get(0).get("name").asString()).isEqualTo(guest.username() + "'s household");
		assertThat(mine.get(0).get("role").asString()).isEqualTo("owner");
		assertThat(mine.get(0).get("current").asBoolean()).isTrue();

		assertThat(owner.json("POST", "/api/v1/expense", expense("shared", "42.00")).status()).isEqualTo(200);
		assertThat(guest.get("/api/v1/expense").body()).doesNotContain("shared");

		String code = invite(owner, home, "member");
		assertThat(this.jdbc.sql("SELECT count(*) FROM household_invitations WHERE code_sha256 = :code")
			.param("code", code)
			.query(Integer.class)
			.single()).as("only the code's hash is stored").isZero();
		ApiResponse joined = accept(guest, code);
		assertThat(joined.status()).as(joined.toString()).isEqualTo(200);
		assertThat(joined.json().get("id").asInt()).isEqualTo(home);
		assertThat(joined.json().get("role").asString()).isEqualTo("member");
		assertThat(guest.get("/api/v1/expense").body()).contains("shared");
		assertThat(guest.json("POST", "/api/v1/expense", expense("by-guest", "1.00")).status()).isEqualTo(200);
		assertThat(owner.get("/api/v1/expense").body()).contains("by-guest");

		ApiResponse again = accept(newUser("late"), code);
		assertThat(again.status()).as("single use").isEqualTo(410);
		assertThat(again.json().get("detail").asString()).contains("already been used");
		assertThat(accept(guest, "no-such-code").status()).isEqualTo(404);

		// switching back to their own household shows its (empty) data again
		int own = guest.get("/api/v1/households").json().get(1).get("id").asInt();
		assertThat(own).as("households are listed oldest first").isGreaterThan(home);
		ApiResponse switched = guest.json("PUT", "/api/v1/account/household", "{\"household_id\":" + own + "}");
		assertThat(switched.status()).as(switched.toString()).isEqualTo(200);
		assertThat(switched.json().get("current").asBoolean()).isTrue();
		assertThat(guest.get("/api/v1/expense").body()).doesNotContain("shared");
		assertThat(guest.json("PUT", "/api/v1/account/household", "{\"household_id\":" + home + "}").status())
			.isEqualTo(200);
		assertThat(guest.get("/api/v1/expense").body()).contains("shared");
		ApiResponse notMine = newUser("other").json("PUT", "/api/v1/account/household",
				"{\"household_id\":" + home + "}");
		assertThat(notMine.status()).isEqualTo(404);
		assertThat(notMine.json().get("detail").asString()).isEqualTo("Household not found");
		assertThat(guest.json("PUT", "/api/v1/account/household", "{\"household_id\":\"x\"}").status()).isEqualTo(422);
	}

	@Test
	void twoConcurrentAcceptsOfOneInvitationLetExactlyOneJoin() throws Exception {
		TokenCaller owner = newUser("owner");
		int home = currentHousehold(owner);
		for (int round = 0; round < 5; round++) {
			String code = invite(owner, home, "viewer");
			List<TokenCaller> users = List.of(newUser("race"), newUser("race"));
			CyclicBarrier together = new CyclicBarrier(users.size());
			List<CompletableFuture<ApiResponse>> accepts = new ArrayList<>();
			for (TokenCaller user : users) {
				accepts.add(CompletableFuture.supplyAsync(() -> {
					try {
						together.await();
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
					return accept(user, code);
				}));
			}
			List<Integer> statuses = new ArrayList<>();
			for (CompletableFuture<ApiResponse> accepted : accepts) {
				statuses.add(accepted.get().status());
			}
			assertThat(statuses).containsExactlyInAnyOrder(200, 410);
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM household_members WHERE household_id = :h AND role = 'viewer'")
			.param("h", home)
			.query(Integer.class)
			.single()).isEqualTo(5);
	}

	@Test
	void expiredAndRevokedInvitationsCannotBeUsed() {
		TokenCaller owner = newUser("owner");
		int home = currentHousehold(owner);
		String expired = invite(owner, home, "member");
		this.jdbc
			.sql("UPDATE household_invitations SET expires_at = now() - interval '1 second' "
					+ "WHERE household_id = :h")
			.param("h", home)
			.update();
		ApiResponse late = accept(newUser("late"), expired);
		assertThat(late.status()).isEqualTo(410);

		String revoked = invite(owner, home, "member");
		JsonNode listed = owner.get("/api/v1/households/" + home + "/invitations").json();
		assertThat(listed).hasSize(2);
		assertThat(listed.toString()).doesNotContain(revoked);
		int id = listed.get(1).get("id").asInt();
		assertThat(owner.delete("/api/v1/households/" + home + "/invitations/" + id).status()).isEqualTo(200);
		assertThat(owner.delete("/api/v1/households/" + home + "/invitations/" + id).status()).isEqualTo(404);
		assertThat(accept(newUser("late"), revoked).status()).isEqualTo(404);

		ApiResponse badRole = owner.json("POST", "/api/v1/households/" + home + "/invitations", "{\"role\":\"admin\"}");
		assertThat(badRole.status()).isEqualTo(422);
		assertThat(
				owner.json("POST", "/api/v1/households/" + home + "/invitations", "{\"expires_in_hours\":0}").status())
			.isEqualTo(422);
	}

	@Test
	void aViewerReadsButEveryWriteRouteIs403() {
		TokenCaller owner = newUser("owner");
		int home = currentHousehold(owner);
		ApiResponse created = owner.json("POST", "/api/v1/expense", expense("visible", "5.00"));
		int expenseId = created.json().get("expense").get("id").asInt();
		int incomeId = owner.json("POST", "/api/v1/income", income("visible", "5.00"))
			.json()
			.get("income")
			.get("id")
			.asInt();
		TokenCaller viewer = newUser("viewer");
		assertThat(accept(viewer, invite(owner, home, "viewer")).status()).isEqualTo(200);
		assertThat(viewer.get("/api/v1/expense").body()).contains("visible");
		assertThat(viewer.get("/api/v1/reports/totals").status()).isEqualTo(200);

		List<String[]> writes = List.of(new String[] { "POST", "/api/v1/expense", expense("no", "1.00") },
				new String[] { "POST", "/api/v1/income", income("no", "1.00") },
				new String[] { "PUT", "/api/v1/expense/" + expenseId, expense("no", "1.00") },
				new String[] { "PUT", "/api/v1/income/" + incomeId, income("no", "1.00") },
				new String[] { "PATCH", "/api/v1/expense/" + expenseId, "{\"field\":\"amount\",\"value\":1}" },
				new String[] { "PATCH", "/api/v1/income/" + incomeId, "{\"field\":\"amount\",\"value\":1}" },
				new String[] { "DELETE", "/api/v1/expense/" + expenseId, null },
				new String[] { "DELETE", "/api/v1/income/" + incomeId, null },
				new String[] { "POST", "/api/v1/expense/bulk-delete", "{\"ids\":[" + expenseId + "]}" },
				new String[] { "POST", "/api/v1/income/bulk-delete", "{\"ids\":[" + incomeId + "]}" });
		for (String[] write : writes) {
			ApiResponse refused = viewer.json(write[0], write[1], write[2]);
			assertThat(refused.status()).as(write[0] + " " + write[1] + " " + refused).isEqualTo(403);
			assertThat(refused.json().get("detail").asString()).contains("Viewers can only read");
		}
		for (String path : List.of("/api/v1/expense/import", "/api/v1/income/import")) {
			ApiResponse refused = viewer.send("POST", path, "date,category,amount,account\n2025-01-01,c,1,a\n",
					"text/csv");
			assertThat(refused.status()).as(path + " " + refused).isEqualTo(403);
		}
		assertThat(viewer.get("/api/v1/households/" + home + "/members").status()).as("only owners manage")
			.isEqualTo(403);
		assertThat(owner.get("/api/v1/expense").json()).hasSize(1);
		assertThat(owner.get("/api/v1/income").json()).hasSize(1);
	}

	@Test
	void ownersManageMembersAndTheLastOwnerStays() {
		TokenCaller owner = newUser("owner");
		int home = currentHousehold(owner);
		TokenCaller member = newUser("member");
		assertThat(accept(member, invite(owner, home, "member")).status()).isEqualTo(200);

		JsonNode members = owner.get("/api/v1/households/" + home + "/members").json();
		assertThat(members).hasSize(2);
		String path = "/api/v1/households/" + home + "/members/";
		ApiResponse lastOwner = owner.json("PATCH", path + owner.userId(), "{\"role\":\"member\"}");
		assertThat(lastOwner.status()).isEqualTo(409);
		assertThat(lastOwner.json().get("detail").asString()).contains("needs an owner");
		assertThat(owner.delete(path + owner.userId()).status()).isEqualTo(409);
		assertThat(member.json("PATCH", path + member.userId(), "{\"role\":\"owner\"}").status())
			.as("a member cannot promote themselves")
			.isEqualTo(403);

		ApiResponse promoted = owner.json("PATCH", path + member.userId(), "{\"role\":\"owner\"}");
		assertThat(promoted.status()).as(promoted.toString()).isEqualTo(200);
		assertThat(promoted.json().get("role").asString()).isEqualTo("owner");
		assertThat(owner.json("PATCH", path + owner.userId(), "{\"role\":\"viewer\"}").status()).isEqualTo(200);
		assertThat(owner.json("POST", "/api/v1/expense", expense("no", "1.00")).status()).isEqualTo(403);
		assertThat(member.delete(path + owner.userId()).status()).isEqualTo(200);
		assertThat(owner.get("/api/v1/households").json().toString()).doesNotContain("\"id\":" + home + ",");
		assertThat(member.delete(path + owner.userId()).status()).isEqualTo(404);
		assertThat(member.json("PATCH", path + "999999", "{\"role\":\"owner\"}").status()).isEqualTo(404);
		assertThat(member.delete(path + member.userId()).status()).as("the last owner cannot leave").isEqualTo(409);
	}

	@Test
	void aNewHouseholdBelongsToItsCreator() {
		TokenCaller user = newUser("maker");
		ApiResponse created = user.json("POST", "/api/v1/households", "{\"name\":\"  Holiday flat \"}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().get("name").asString()).isEqualTo("Holiday flat");
		assertThat(created.json().get("role").asString()).isEqualTo("owner");
		assertThat(currentHousehold(user)).isEqualTo(created.json().get("id").asInt());
		assertThat(user.get("/api/v1/households").json()).hasSize(2);
		assertThat(user.json("POST", "/api/v1/households", "{\"name\":\"\"}").status()).isEqualTo(422);
		assertThat(user.json("POST", "/api/v1/households", "[]").status()).isEqualTo(422);
		assertThat(user.json("POST", "/api/v1/households", "{}").status()).isEqualTo(422);
		// a user who left every household is told how to get one
		this.jdbc.sql("DELETE FROM household_members WHERE user_id = :u").param("u", user.userId()).update();
		ApiResponse homeless = user.get("/api/v1/expense");
		assertThat(homeless.status()).isEqualTo(403);
		assertThat(homeless.json().get("detail").asString()).contains("not a member of any household");
	}

}
