package dev.homebudget.imports;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import dev.homebudget.support.ApiTestSupport.ApiResponse;
import dev.homebudget.support.SignedInHouseholdsSupport;
import dev.homebudget.support.TokenCaller;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Statement imports in sign-in mode: a viewer reads its household's imports and changes
 * none of them, another household does not see them at all, and a committed expense is
 * paid by the member who committed it. A row the commit refuses is named by its line, and
 * nothing of the import is written.
 */
class ImportSignedInApiTests extends SignedInHouseholdsSupport {

	private static final String MAPPING = "{\"date\":\"Date\",\"amount\":\"Amount\",\"payee\":\"Payee\"}";

	private static ApiResponse upload(TokenCaller user, String account) {
		byte[] body = ImportUploads.body("s.csv",
				ImportUploads.utf8("Date,Payee,Amount\n2030-02-01,Shop,-10.00\n2030-02-02,Shop,-11.00\n"), "mapping",
				MAPPING, "account", account);
		return user.send("POST", "/api/v1/imports", new String(body, StandardCharsets.UTF_8),
				ImportUploads.CONTENT_TYPE);
	}

	@Test
	void aViewerReadsImportsAndChangesNoneAndOtherHouseholdsSeeNothing() {
		TokenCaller owner = newUser("io");
		TokenCaller viewer = newUser("iv");
		TokenCaller stranger = newUser("is");
		join(owner, currentHousehold(owner), "viewer", viewer);
		String account = "Card " + UUID.randomUUID().toString().substring(0, 8);
		ApiResponse preview = upload(owner, account);
		assertThat(preview.status()).as(preview.toString()).isEqualTo(201);
		int id = preview.json().get("id").asInt();
		String path = "/api/v1/imports/" + id;

		assertThat(viewer.get(path).status()).isEqualTo(200);
		assertThat(viewer.get("/api/v1/imports/profiles").status()).isEqualTo(200);
		assertThat(viewer.get("/api/v1/imports").json().get(0).get("id").asInt()).isEqualTo(id);
		for (ApiResponse refused : List.of(upload(viewer, account),
				viewer.json("PATCH", path + "/rows/2", "{\"decision\":\"skip\"}"),
				viewer.send("POST", path + "/commit", null, null), viewer.delete(path),
				viewer.send("POST", path + "/revert", null, null),
				viewer.json("POST", "/api/v1/imports/profiles", "{\"name\":\"v\",\"import_id\":" + id + "}"))) {
			assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
		}

		for (ApiResponse hidden : List.of(stranger.get(path),
				stranger.json("PATCH", path + "/rows/2", "{\"decision\":\"skip\"}"),
				stranger.send("POST", path + "/commit", null, null), stranger.delete(path),
				stranger.send("POST", path + "/revert", null, null))) {
			assertThat(hidden.status()).as(hidden.toString()).isEqualTo(404);
		}
		assertThat(stranger.get("/api/v1/imports").json()).isEmpty();

		ApiResponse committed = owner.send("POST", path + "/commit", null, null);
		assertThat(committed.status()).as(committed.toString()).isEqualTo(200);
		List<Integer> payers = this.jdbc.sql("SELECT paid_by FROM expenses WHERE account = :account")
			.param("account", account)
			.query(Integer.class)
			.list();
		assertThat(payers).containsOnly(owner.userId()).hasSize(2);
		assertThat(stranger.send("POST", path + "/revert", null, null).status()).isEqualTo(404);
		assertThat(owner.send("POST", path + "/revert", null, null).status()).isEqualTo(200);
	}

	@Test
	void aRowRefusedAtCommitIsNamedByItsLineAndNothingIsWritten() {
		TokenCaller owner = newUser("il");
		TokenCaller partner = newUser("ip");
		int household = currentHousehold(owner);
		join(owner, household, "member", partner);
		ApiResponse rule = owner.json("POST", "/api/v1/rules", "{\"name\":\"Partner pays\",\"conditions\":"
				+ "{\"kind\":\"expense\"},\"actions\":{\"paid_by\":" + partner.userId() + "}}");
		assertThat(rule.status()).as(rule.toString()).isEqualTo(201);
		String account = "Card " + UUID.randomUUID().toString().substring(0, 8);
		ApiResponse preview = upload(owner, account);
		assertThat(preview.status()).as(preview.toString()).isEqualTo(201);
		String path = "/api/v1/imports/" + preview.json().get("id").asInt();
		// the member the rule names leaves between the preview and the commit
		ApiResponse left = owner.delete("/api/v1/households/" + household + "/members/" + partner.userId());
		assertThat(left.status()).as(left.toString()).isIn(200, 204);

		ApiResponse refused = owner.send("POST", path + "/commit", null, null);
		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(refused.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"rows\",2,\"paid_by\"]");
		assertThat(refused.json().get("detail").get(0).get("msg").asString()).startsWith("Line 2: ");
		assertThat(this.jdbc.sql("SELECT count(*) FROM expenses WHERE account = :account")
			.param("account", account)
			.query(Integer.class)
			.single()).isZero();
		assertThat(owner.get(path).json().get("status").asString()).isEqualTo("preview");
	}

}
