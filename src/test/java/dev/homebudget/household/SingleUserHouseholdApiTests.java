package dev.homebudget.household;

import dev.homebudget.support.ApiTestSupport;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single-user mode has one household, the first, and nobody to share it with: the list
 * shows it; creating, switching, members and invitations are 404 with the reason.
 */
class SingleUserHouseholdApiTests extends ApiTestSupport {

	@Test
	void theOnlyHouseholdIsTheFirst() {
		ApiResponse list = get("/api/v1/households");
		assertThat(list.status()).isEqualTo(200);
		JsonNode only = list.json().get(0);
		assertThat(list.json()).hasSize(1);
		assertThat(only.get("id").asInt()).isEqualTo(Households.FIRST);
		assertThat(only.get("role").asString()).isEqualTo("owner");
		assertThat(only.get("current").asBoolean()).isTrue();
		for (ApiResponse refused : new ApiResponse[] { post("/api/v1/households", "{\"name\":\"Other\"}"),
				put("/api/v1/account/household", "{\"household_id\":1}"), get("/api/v1/households/1/members"),
				post("/api/v1/households/1/invitations", "{}"), post("/api/v1/invitations/accept", "{\"code\":\"x\"}"),
				delete("/api/v1/households/1/members/1") }) {
			assertThat(refused.status()).as(refused.toString()).isEqualTo(404);
			assertThat(refused.json().get("detail").asString()).contains("single-user mode");
		}
	}

}
