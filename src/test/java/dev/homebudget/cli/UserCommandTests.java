package dev.homebudget.cli;

import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import static dev.homebudget.cli.CliRun.runWithInput;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./hbw user}: accounts are added and their passwords changed with the password on
 * standard input (never an argument), stored as bcrypt hashes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UserCommandTests {

	private static final String DATABASE = "cli_users";

	private static final String EMPTY = "cli_users_none";

	private static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	@BeforeAll
	static void pointAtTestDatabase() {
		System.setProperty("budget.database.url", TestDatabase.jdbcUrl(DATABASE));
	}

	@AfterAll
	static void restore() {
		System.clearProperty("budget.database.url");
	}

	private static String hashOf(String username) {
		return JdbcClient.create(TestDatabase.dataSource(DATABASE))
			.sql("SELECT password_hash FROM users WHERE username = :name")
			.param("name", username)
			.query(String.class)
			.single();
	}

	@Test
	@Order(1)
	void onANewDatabaseListingAndPasswordChangesMigrateFirstAndSayWhatToDo() {
		CliRun list = runWithInput("", "user", "list");
		assertThat(list.status()).as(list.err()).isZero();
		assertThat(list.out()).contains("Applied", "No accounts yet. Add the first one with ./hbw user add NAME.");
		CliRun passwd = runWithInput("a long enough password\n", "user", "passwd", "dana");
		assertThat(passwd.status()).isEqualTo(2);
		assertThat(passwd.err()).contains("There is no account named 'dana'");
	}

	@Test
	@Order(2)
	void addsAnAccountWithTheHashOfThePasswordFromStandardInput() {
		CliRun add = runWithInput("a long enough password\n", "user", "add", "Dana");
		assertThat(add.status()).as(add.toString()).isZero();
		assertThat(add.out()).doesNotContain("migration(s)").contains("Added account 'Dana'");
		String hash = hashOf("Dana");
		assertThat(hash).startsWith("{bcrypt}").doesNotContain("a long enough password");
		assertThat(ENCODER.matches("a long enough password", hash)).isTrue();
		assertThat(runWithInput("", "user", "list").out()).contains("Dana");
		CliRun second = runWithInput("another long password\n", "user", "add", "Eve");
		assertThat(second.out()).doesNotContain("migration(s)").contains("Added account 'Eve'");
	}

	@Test
	@Order(3)
	void listSaysHowToAddTheFirstAccount() {
		System.setProperty("budget.database.url", TestDatabase.jdbcUrl(EMPTY));
		try {
			assertThat(runWithInput("", "migrate").status()).isZero();
			assertThat(runWithInput("", "user", "list").out()).contains("No accounts yet");
		}
		finally {
			System.setProperty("budget.database.url", TestDatabase.jdbcUrl(DATABASE));
		}
	}

	@Test
	@Order(4)
	void refusesDuplicatesShortPasswordsBadNamesAndMissingInput() {
		CliRun duplicate = runWithInput("another long password\n", "user", "add", "dana");
		assertThat(duplicate.status()).isEqualTo(2);
		assertThat(duplicate.err()).contains("already exists");
		CliRun tooShort = runWithInput("short\n", "user", "add", "eli");
		assertThat(tooShort.status()).isEqualTo(2);
		assertThat(tooShort.err()).contains("at least 10 characters");
		assertThat(runWithInput("a long enough password\n", "user", "add", "bad name").err()).contains("A username is");
		assertThat(runWithInput("", "user", "add", "eli").err()).contains("No password on standard input");
		assertThat(runWithInput("", "user", "add").status()).isEqualTo(2);
		assertThat(runWithInput("", "user", "remove", "dana").err()).contains("Unknown action");
	}

	@Test
	@Order(5)
	void changesAPassword() {
		JdbcClient jdbc = JdbcClient.create(TestDatabase.dataSource(DATABASE));
		String token = "INSERT INTO api_tokens (user_id, name, token_sha256) SELECT id, :name, md5(:name) || md5(:name) "
				+ "FROM users WHERE username = 'Dana'";
		jdbc.sql(token).param("name", "kept").update();
		CliRun keeping = runWithInput("the replacement password\n", "user", "passwd", "Dana", "--keep-tokens");
		assertThat(keeping.out()).contains("its API tokens were kept");
		CliRun passwd = runWithInput("another replacement password\n", "user", "passwd", "DANA");
		assertThat(passwd.status()).as(passwd.toString()).isZero();
		assertThat(passwd.out()).contains("revoked its API tokens (1)");
		assertThat(ENCODER.matches("another replacement password", hashOf("Dana"))).isTrue();
		assertThat(jdbc.sql("SELECT count(*) FROM api_tokens").query(Long.class).single()).isZero();
		CliRun unknown = runWithInput("the replacement password\n", "user", "passwd", "nobody");
		assertThat(unknown.status()).isEqualTo(2);
		assertThat(unknown.err()).contains("There is no account named 'nobody'");
	}

	@Test
	@Order(6)
	void theFirstAccountOwnsTheFirstHouseholdAndLaterOnesGetTheirOwn() {
		assertThat(runWithInput("a long enough password\n", "user", "add", "omer").status()).isZero();
		JdbcClient jdbc = JdbcClient.create(TestDatabase.dataSource(DATABASE));
		assertThat(jdbc.sql("""
				SELECT u.username || ' ' || m.role || ' ' || h.id || ' ' || h.name FROM household_members m
				JOIN users u ON u.id = m.user_id JOIN households h ON h.id = m.household_id ORDER BY u.id""")
			.query(String.class)
			.list())
			.containsExactly("Dana owner 1 Home", "Eve owner 2 Eve's household", "omer owner 3 omer's household");
	}

}
