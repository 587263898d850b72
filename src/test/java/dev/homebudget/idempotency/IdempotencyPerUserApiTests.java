package dev.homebudget.idempotency;

import java.util.Map;

import dev.homebudget.support.ApiTestSupport.ApiResponse;
import dev.homebudget.support.SignedInHouseholdsSupport;
import dev.homebudget.support.TokenCaller;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An Idempotency-Key belongs to the user who sent it (in their household): another member
 * of the same household sending the same key and body gets no replay of the first
 * response, a viewer's write is refused as any other, and each user still gets their own
 * replays.
 */
class IdempotencyPerUserApiTests extends SignedInHouseholdsSupport {

	@Test
	void keysAreTheSendersAlone() {
		TokenCaller owner = newUser("key-owner");
		TokenCaller member = newUser("key-member");
		TokenCaller viewer = newUser("key-viewer");
		int household = currentHousehold(owner);
		join(owner, household, "member", member);
		join(owner, household, "viewer", viewer);
		String body = expense("Keyed", "12.00");
		Map<String, String> key = Map.of("Idempotency-Key", "shared-key-1");

		ApiResponse first = owner.send("POST", "/api/v1/expense", body, "application/json", key);
		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		ApiResponse again = owner.send("POST", "/api/v1/expense", body, "application/json", key);
		assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(again.body()).isEqualTo(first.body());

		ApiResponse viewed = viewer.send("POST", "/api/v1/expense", body, "application/json", key);
		assertThat(viewed.status()).as("a viewer replaying the owner's key: " + viewed).isEqualTo(403);
		assertThat(viewed.header("Idempotent-Replayed")).isNull();

		ApiResponse own = member.send("POST", "/api/v1/expense", body, "application/json", key);
		assertThat(own.status()).isEqualTo(200);
		assertThat(own.header("Idempotent-Replayed")).isNull();
		assertThat(own.json().get("expense").get("id").asInt())
			.isNotEqualTo(first.json().get("expense").get("id").asInt());
		assertThat(member.send("POST", "/api/v1/expense", body, "application/json", key).header("Idempotent-Replayed"))
			.isEqualTo("true");
		assertThat(owner.get("/api/v1/expense").json()).hasSize(2);
	}

}
