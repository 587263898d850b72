package dev.homebudget.income;

import dev.homebudget.support.EntryApiContract;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IncomeApiIntegrationTests extends EntryApiContract {

	@Override
	protected String resource() {
		return "income";
	}

	@Override
	protected boolean hasBusiness() {
		return false;
	}

	@Test
	void shouldIgnoreBusinessOnCreate() {
		ApiResponse response = post(collection(),
				"{\"date\":\"2025-01-01\",\"business\":\"Ignored\",\"category\":\"Smoke Test Income\",\"amount\":1500.00,\"account\":\"Test Bank\"}");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("income").has("business")).isFalse();
		assertThat(response.json().get("income").get("category").asString()).isEqualTo("Smoke Test Income");
	}

	@Test
	void shouldRefusePatchOfBusinessOnIncome() {
		long id = createMinimal("income-business").get("id").asLong();
		assertDetail(patch(item(id), "{\"field\":\"business\",\"value\":\"x\"}"), 400, "Invalid field: business");
	}

}
