package dev.homebudget.expense;

import dev.homebudget.support.EntryApiContract;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExpenseApiIntegrationTests extends EntryApiContract {

	@Override
	protected String resource() {
		return "expense";
	}

	@Override
	protected boolean hasBusiness() {
		return true;
	}

	@Test
	void shouldEchoBusinessOnCreate() {
		ApiResponse response = post(collection(),
				"{\"date\":\"2025-01-25\",\"business\":\"Smoke Test Business\",\"category\":\"Test Category\",\"amount\":99.99,\"account\":\"Test Account\",\"currency\":\"\u20aa\",\"notes\":\"Created by smoke test\"}");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("expense").get("business").asString()).isEqualTo("Smoke Test Business");
		assertThat(response.body()).contains("\"amount\":99.99,");
	}

}
