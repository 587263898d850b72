package dev.homebudget.config;

import dev.homebudget.support.SignedInHouseholdsSupport;
import dev.homebudget.support.TokenCaller;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in mode without {@code ENV} is production: the settings are not shown to a
 * signed-in user (single-user mode keeps the original's default, dev).
 */
class ProductionDefaultsApiTests extends SignedInHouseholdsSupport {

	@Test
	void configShowIsRefusedToSignedInUsersUnlessEnvSaysDev() {
		TokenCaller user = newUser("config");
		ApiResponse response = user.get("/api/v1/config/show");
		assertThat(response.status()).as(response.toString()).isEqualTo(403);
		assertThat(response.body()).isEqualTo("{\"detail\":\"Configuration display is only available in dev mode\"}");
	}

}
