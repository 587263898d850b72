package dev.homebudget.config;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DsnMaskerTests {

	@Test
	void shouldMaskThePassword() {
		String masked = DsnMasker.mask("postgresql://user:secret123@localhost:5432/mydb");
		assertThat(masked).isEqualTo("postgresql://user:****@localhost:5432/mydb");
	}

	@Test
	void shouldLeaveUrlsWithoutPasswordUnchanged() {
		assertThat(DsnMasker.mask("postgresql://localhost:5432/mydb")).isEqualTo("postgresql://localhost:5432/mydb");
		assertThat(DsnMasker.mask("postgresql://user@localhost/mydb")).isEqualTo("postgresql://user@localhost/mydb");
		assertThat(DsnMasker.mask("")).isEmpty();
		assertThat(DsnMasker.mask(null)).isNull();
	}

	@Test
	void shouldMaskPasswordsWithHashAndAtCompletely() {
		String masked = DsnMasker.mask("postgresql://user:p@ss!word#123@db.example:5432/budget");
		assertThat(masked).isEqualTo("postgresql://user:****@db.example:5432/budget").doesNotContain("word");
	}

	@Test
	void shouldMaskJdbcPasswordParameters() {
		assertThat(DsnMasker.mask("jdbc:postgresql://h:5432/db?user=u&password=s3cret&sslmode=require"))
			.isEqualTo("jdbc:postgresql://h:5432/db?user=u&password=****&sslmode=require");
	}

	@Test
	void shouldHideEverythingWhenItCannotTellWhatIsSecret() {
		assertThat(DsnMasker.mask("user:pass@host/db")).isEqualTo("****");
	}

	@Test
	void shouldHideEveryGeneratedPasswordCompletely() {
		Random random = new Random(20261124);
		String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789#@:/%?&=;! \u20aa\u00e9\u05d0";
		for (int i = 0; i < 10_000; i++) {
			int length = 3 + random.nextInt(30);
			StringBuilder password = new StringBuilder();
			for (int c = 0; c < length; c++) {
				password.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			String raw = password.toString();
			String encoded = URLEncoder.encode(raw, StandardCharsets.UTF_8);
			String userInfoSecret = random.nextBoolean() ? encoded : raw;
			String url;
			String expected;
			if (random.nextBoolean()) {
				url = "postgresql://zz_user:" + userInfoSecret + "@db-host:5432/budget_db";
				expected = "postgresql://zz_user:****@db-host:5432/budget_db";
			}
			else {
				url = "jdbc:postgresql://db-host:5432/budget_db?user=zz_user&password=" + encoded + "&sslmode=disable";
				expected = "jdbc:postgresql://db-host:5432/budget_db?user=zz_user&password=****&sslmode=disable";
			}
			assertThat(DsnMasker.mask(url)).as(url).isEqualTo(expected);
		}
	}

}
