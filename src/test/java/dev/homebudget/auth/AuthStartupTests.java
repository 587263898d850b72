package dev.homebudget.auth;

import dev.homebudget.HomeBudgetApplication;
import dev.homebudget.config.StoragePhase;
import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Single-user mode on an address other computers can reach refuses to start, with one
 * clear sentence (issue 9); sign-in mode, loopback, and the JSON-era phases start.
 */
@ExtendWith(OutputCaptureExtension.class)
class AuthStartupTests {

	private final AuthFailureAnalyzer analyzer = new AuthFailureAnalyzer();

	@Test
	void singleUserModeOnAllAddressesRefusesToStartWithOneSentence(CapturedOutput output) {
		SpringApplication application = new SpringApplication(HomeBudgetApplication.class);
		Throwable failure = catchThrowable(() -> application.run("--budget.app.host=0.0.0.0", "--server.port=0",
				"--budget.database.url=" + TestDatabase.jdbcUrl("auth_startup"), "--spring.main.banner-mode=off"));
		assertThat(failure).isNotNull();
		FailureAnalysis analysis = this.analyzer.analyze(failure);
		assertThat(analysis.getDescription())
			.isEqualTo("Single-user mode (no sign-in) is only allowed on a loopback address, but the server is set "
					+ "to bind to '0.0.0.0' (HOST).");
		assertThat(analysis.getAction()).contains("BUDGET_AUTH=sign-in", "./hbw user add", "HOST=127.0.0.1");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Single-user mode (no sign-in) is only allowed on a loopback address");
	}

	@Test
	void anUnknownModeIsExplained(CapturedOutput output) {
		SpringApplication application = new SpringApplication(HomeBudgetApplication.class);
		assertThatException().isThrownBy(() -> application.run("--budget.auth.mode=open", "--server.port=0",
				"--budget.database.url=" + TestDatabase.jdbcUrl("auth_startup"), "--spring.main.banner-mode=off"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The setting budget.auth.mode has the value 'open', which is not allowed.")
			.contains("single-user or sign-in");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0.0.0.0", "", "::", "192.0.2.10", "no-such-host.invalid" })
	void singleUserModeIsRefusedOffLoopbackInThePostgresPhases(String host) {
		for (StoragePhase phase : new StoragePhase[] { StoragePhase.P2, StoragePhase.P3 }) {
			assertThatException().isThrownBy(() -> SingleUserBinding.check(AuthMode.SINGLE_USER, host, phase))
				.isInstanceOf(AuthSettingException.class);
		}
		assertThatNoException().isThrownBy(() -> SingleUserBinding.check(AuthMode.SIGN_IN, host, StoragePhase.P3));
		assertThatNoException().isThrownBy(() -> SingleUserBinding.check(AuthMode.SINGLE_USER, host, StoragePhase.P0));
		assertThatNoException().isThrownBy(() -> SingleUserBinding.check(AuthMode.SINGLE_USER, host, StoragePhase.P1));
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.1.2.3", "::1", "localhost" })
	void singleUserModeIsAllowedOnLoopback(String host) {
		assertThatNoException().isThrownBy(() -> SingleUserBinding.check(AuthMode.SINGLE_USER, host, StoragePhase.P3));
	}

	@Test
	void leavesOtherFailuresAlone() {
		assertThat(this.analyzer.analyze(new IllegalStateException("other"))).isNull();
		FailureAnalysis wrapped = this.analyzer.analyze(new BeanCreationException("securityFilterChain", "failed",
				new AuthSettingException("sentence", "action")));
		assertThat(wrapped.getDescription()).isEqualTo("sentence");
		assertThat(wrapped.getAction()).isEqualTo("action");
	}

}
