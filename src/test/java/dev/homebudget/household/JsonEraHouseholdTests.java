package dev.homebudget.household;

import java.nio.file.Path;

import dev.homebudget.auth.ApiTokens;
import dev.homebudget.auth.UserAccount;
import dev.homebudget.auth.UserAccounts;
import dev.homebudget.config.StoragePhase;
import dev.homebudget.ledger.Households;
import dev.homebudget.support.ApiTestSupport.ApiResponse;
import dev.homebudget.support.PhaseApplication;
import dev.homebudget.support.SignedInHouseholdsSupport;
import dev.homebudget.support.TestDatabase;
import dev.homebudget.support.TokenCaller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Phase P2 (PostgreSQL primary, JSON mirror) in sign-in mode: the JSON files hold one
 * household, so the first household is the only one; creating, joining or switching to
 * another is 409 with the reason, and the first household can still be shared.
 */
class JsonEraHouseholdTests {

	@TempDir
	Path json;

	@Test
	void onlyTheFirstHouseholdCanBeUsedWhileAJsonCopyIsKept() {
		try (PhaseApplication app = PhaseApplication.start(StoragePhase.P2, TestDatabase.jdbcUrl("households_p2"),
				this.json, true, "budget.auth.mode=sign-in", "budget.backup.before-migrate=false")) {
			UserAccounts accounts = app.bean(UserAccounts.class);
			ApiTokens tokens = app.bean(ApiTokens.class);
			UserAccount first = accounts.add("first", "correct horse battery");
			UserAccount later = accounts.add("later", "correct horse battery");
			TokenCaller owner = new TokenCaller(app.port(), first.id(), first.username(),
					tokens.create(first.id(), "t").secret());
			TokenCaller guest = new TokenCaller(app.port(), later.id(), later.username(),
					tokens.create(later.id(), "t").secret());

			assertThat(owner.json("POST", "/api/v1/expense", SignedInHouseholdsSupport.expense("mirrored", "9.99"))
				.status()).isEqualTo(200);
			ApiResponse created = owner.json("POST", "/api/v1/households", "{\"name\":\"Second\"}");
			assertThat(created.status()).isEqualTo(409);
			assertThat(created.json().get("detail").asString()).contains("need storage phase P3");

			ApiResponse outside = guest.get("/api/v1/expense");
			assertThat(outside.status()).as("the later user's own household cannot be used in P2").isEqualTo(403);
			assertThat(outside.json().get("detail").asString()).contains("the first household");
			int own = guest.get("/api/v1/households").json().get(0).get("id").asInt();
			ApiResponse switched = guest.json("PUT", "/api/v1/account/household", "{\"household_id\":" + own + "}");
			assertThat(switched.status()).isEqualTo(409);
			ApiResponse invitation = guest.json("POST", "/api/v1/households/" + own + "/invitations", "{}");
			assertThat(invitation.status()).isEqualTo(409);

			ApiResponse shared = owner.json("POST", "/api/v1/households/" + Households.FIRST + "/invitations", "{}");
			assertThat(shared.status()).as(shared.toString()).isEqualTo(201);
			ApiResponse joined = guest.json("POST", "/api/v1/invitations/accept",
					"{\"code\":\"" + shared.json().get("code").asString() + "\"}");
			assertThat(joined.status()).as(joined.toString()).isEqualTo(200);
			assertThat(guest.get("/api/v1/expense").body()).contains("mirrored");
		}
	}

}
