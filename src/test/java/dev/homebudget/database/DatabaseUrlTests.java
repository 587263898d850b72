package dev.homebudget.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DatabaseUrlTests {

	@Test
	void originalFormWithPort() {
		DatabaseUrl url = DatabaseUrl.parse("postgresql://bob:s3cret@db.example.com:6543/budget");
		assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/budget");
		assertThat(url.username()).isEqualTo("bob");
		assertThat(url.password()).isEqualTo("s3cret");
		assertThat(url.displayUrl()).isEqualTo("postgresql://bob:s3cret@db.example.com:6543/budget");
	}

	@Test
	void postgresSchemeAndMissingPortDefaultsTo5432() {
		DatabaseUrl url = DatabaseUrl.parse("  POSTGRES://bob:pw@localhost/budget ");
		assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/budget");
		assertThat(url.displayUrl()).isEqualTo("postgresql://bob:pw@localhost:5432/budget");
	}

	@Test
	void percentEncodedUserAndPasswordAreDecoded() {
		DatabaseUrl url = DatabaseUrl.parse("postgresql://b%C3%B6b:p%40ss%3Aw%23rd%2F%25+x@host/budget");
		assertThat(url.username()).isEqualTo("böb");
		assertThat(url.password()).isEqualTo("p@ss:w#rd/%+x");
		assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://host:5432/budget");
		assertThat(url.displayUrl()).isEqualTo("postgresql://b%C3%B6b:p%40ss%3Aw%23rd%2F%25%2Bx@host:5432/budget");
		assertThat(DatabaseUrl.parse(url.displayUrl()).password()).isEqualTo(url.password());
	}

	@Test
	void rawAtColonAndHashInPasswordAreAccepted() {
		DatabaseUrl url = DatabaseUrl.parse("postgresql://bob:p@ss:w#rd/x?y@host:5433/budget");
		assertThat(url.username()).isEqualTo("bob");
		assertThat(url.password()).isEqualTo("p@ss:w#rd/x?y");
		assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://host:5433/budget");
	}

	@Test
	void invalidPercentEscapeIsKeptLiterally() {
		assertThat(DatabaseUrl.parse("postgresql://bob:100%zz@host/budget").password()).isEqualTo("100%zz");
	}

	@Test
	void queryParametersArePassedThroughWithoutCredentials() {
		DatabaseUrl url = DatabaseUrl.parse("postgresql://host/budget?user=bob&password=p%26w&sslmode=require"
				+ "&connect_timeout=10&application_name=mine&flag&options=-c%20x%3D1");
		assertThat(url.username()).isEqualTo("bob");
		assertThat(url.password()).isEqualTo("p&w");
		assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://host:5432/budget?sslmode=require"
				+ "&connectTimeout=10&ApplicationName=mine&flag&options=-c%20x%3D1");
		assertThat(url.hasParameter("sslmode")).isTrue();
		assertThat(url.hasParameter("connecttimeout")).isTrue();
		assertThat(url.hasParameter("options")).isTrue();
		assertThat(url.hasParameter("socketTimeout")).isFalse();
		assertThat(url.displayUrl()).isEqualTo("postgresql://bob:p%26w@host:5432/budget?sslmode=require"
				+ "&connectTimeout=10&ApplicationName=mine&flag&options=-c%20x%3D1");
	}

	@Test
	void urlWithoutCredentials() {
		DatabaseUrl url = DatabaseUrl.parse("postgresql://host:5433/budget");
		assertThat(url.username()).isNull();
		assertThat(url.password()).isNull();
		assertThat(url.displayUrl()).isEqualTo("postgresql://host:5433/budget");
		assertThat(url.hasParameter("user")).isFalse();
	}

	@Test
	void userWithoutPassword() {
		DatabaseUrl url = DatabaseUrl.parse("postgresql://bob@host/budget");
		assertThat(url.username()).isEqualTo("bob");
		assertThat(url.password()).isNull();
		assertThat(url.displayUrl()).isEqualTo("postgresql://bob@host:5432/budget");
	}

	@Test
	void bracketedIpv6Host() {
		DatabaseUrl url = DatabaseUrl.parse("postgresql://bob:pw@[::1]:5433/budget");
		assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5433/budget");
	}

	@Test
	void jdbcUrlIsUsedAsIsWithCredentialsFromItsQuery() {
		String jdbc = "jdbc:postgresql://db:5433/budget?user=bob&password=p%40ss+x&sslmode=require";
		DatabaseUrl url = DatabaseUrl.parse(jdbc);
		assertThat(url.jdbcUrl()).isEqualTo(jdbc);
		assertThat(url.username()).isEqualTo("bob");
		assertThat(url.password()).isEqualTo("p@ss x");
		assertThat(url.hasParameter("sslmode")).isTrue();
		assertThat(url.displayUrl()).isEqualTo("postgresql://bob:p%40ss%20x@db:5433/budget?sslmode=require");
		assertThat(url.toString()).contains("password=******").doesNotContain("p%40ss");
	}

	@Test
	void jdbcUrlWithoutPortOrCredentials() {
		DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://db/budget");
		assertThat(url.username()).isNull();
		assertThat(url.password()).isNull();
		assertThat(url.displayUrl()).isEqualTo("postgresql://db:5432/budget");
		assertThat(DatabaseUrl.parse("jdbc:postgresql://[::1]/budget").displayUrl())
			.isEqualTo("postgresql://[::1]:5432/budget");
		assertThat(DatabaseUrl.parse("jdbc:postgresql://a:1,b:2/budget").displayUrl())
			.isEqualTo("postgresql://a:1,b:2/budget");
	}

	@Test
	void shortJdbcUrlMeansLocalhost() {
		assertThat(DatabaseUrl.parse("jdbc:postgresql:budget").displayUrl())
			.isEqualTo("postgresql://localhost:5432/budget");
	}

	@Test
	void urlOfAServerWeStarted() {
		DatabaseUrl url = DatabaseUrl.of("127.0.0.1", 40000, "budget", "postgres", "a-b_c");
		assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:40000/budget");
		assertThat(url.displayUrl()).isEqualTo("postgresql://postgres:a-b_c@127.0.0.1:40000/budget");
		assertThat(url.toString()).doesNotContain("a-b_c");
	}

	@ParameterizedTest
	@ValueSource(strings = { "mysql://bob:hunter2secret@host/db", "hunter2secret",
			"postgresql://bob:hunter2secret@host:99999/db", "postgresql://bob:hunter2secret@host:0/db",
			"postgresql://bob:hunter2secret@/db", "postgresql://bob:hunter2secret@host",
			"postgresql://bob:hunter2secret", "postgresql://bob:hunter2secret/db",
			"jdbc:postgresql://bob:hunter2secret@host/db", "jdbc:postgresql://host:hunter2secret/db",
			"jdbc:postgresql://?password=hunter2secret", "postgresql://a,b/db?password=hunter2secret", " " })
	void malformedUrlFailsClearlyWithoutShowingThePassword(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> DatabaseUrl.parse(text))
			.withMessageStartingWith("Invalid database URL (DATABASE_URL / budget.database.url): ")
			.withMessageContaining("Expected postgresql://user:password@host:5432/database")
			.withMessageNotContaining("hunter2");
	}

	@Test
	void nullIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> DatabaseUrl.parse(null))
			.withMessageContaining("it is empty");
	}

	@Test
	void activeDatabaseDoesNotPrintItsUrl() {
		ActiveDatabase active = new ActiveDatabase(false, "postgresql://bob:hunter2@host:5432/db", null);
		assertThat(active.toString()).doesNotContain("hunter2");
	}

}
