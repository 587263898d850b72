package dev.homebudget.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class AppPropertiesTests {

	@ParameterizedTest
	@ValueSource(strings = { "dev", "DEV", "Dev" })
	void shouldBeDevModeCaseInsensitively(String env) {
		assertThat(new AppProperties(env, null, 8000).isDevMode(false)).isTrue();
		assertThat(new AppProperties(env, null, 8000).isDevMode(true)).as("set explicitly, in sign-in mode too")
			.isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "prod", "staging", " dev", "development" })
	void shouldNotBeDevModeOtherwise(String env) {
		assertThat(new AppProperties(env, null, 8000).isDevMode(false)).isFalse();
	}

	@org.junit.jupiter.api.Test
	void shouldDefaultLikeTheOriginalExceptForTheLoopbackHost() {
		AppProperties defaults = new AppProperties(null, null, 8000);
		assertThat(defaults.env(false)).isEqualTo("dev");
		assertThat(defaults.isDevMode(false)).isTrue();
		// sign-in mode, where other people's accounts reach the app, is production unless
		// ENV says otherwise
		assertThat(defaults.env(true)).isEqualTo("production");
		assertThat(defaults.isDevMode(true)).isFalse();
		assertThat(new AppProperties("", null, 8000).env(true)).as("ENV= (empty)").isEqualTo("production");
		// 0.0.0.0 in the original; single-user mode (the default) is only allowed on
		// loopback
		assertThat(defaults.host()).isEqualTo("127.0.0.1");
	}

}
