package dev.homebudget.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The common-password list shipped with the app is a real one, read without case. */
class CommonPasswordsTests {

	@Test
	void shouldHoldTheMostCommonPasswordsOfAPublicList() {
		assertThat(CommonPasswords.size()).isGreaterThan(19_000);
		assertThat(CommonPasswords.contains("123456")).isTrue();
		assertThat(CommonPasswords.contains("aaaaaaaaaa")).isTrue();
		assertThat(CommonPasswords.contains("Password123")).isTrue();
		assertThat(CommonPasswords.contains("QWERTYUIOP")).isTrue();
		assertThat(CommonPasswords.contains("1q2w3e4r5t6y")).isTrue();
		assertThat(CommonPasswords.contains("correct horse battery")).isFalse();
		assertThat(CommonPasswords.contains("# the most common passwords")).isFalse();
	}

}
