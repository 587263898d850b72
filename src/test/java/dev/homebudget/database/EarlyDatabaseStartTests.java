package dev.homebudget.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web app's embedded server is started from the environment before the context is
 * built, and handed to the bean only for the same settings, once.
 */
class EarlyDatabaseStartTests {

	private static Path base;

	@BeforeAll
	static void createBase() throws IOException {
		// Not @TempDir: that is mode 700, which the PostgreSQL account could not
		// traverse.
		base = Files.createTempDirectory("hbw-early-start-tests-");
		Files.setPosixFilePermissions(base, FileTree.RWXR_XR_X);
	}

	@AfterAll
	static void deleteBase() {
		EarlyDatabaseStart.abandon();
		FileTree.deleteRecursively(base);
	}

	@Test
	void shouldHandTheEarlyServerToTheBeanOnceForTheSameSettings() {
		MockEnvironment environment = embedded("postgres");
		EarlyDatabaseStart.start(environment);
		try (DatabaseServer server = EarlyDatabaseStart.take(properties(environment)).orElseThrow()) {
			assertThat(server.describe().embedded()).isTrue();
			DatabaseUrl url = server.url();
			DriverManagerDataSource dataSource = new DriverManagerDataSource(url.jdbcUrl(), url.username(),
					url.password());
			assertThat(new JdbcTemplate(dataSource).queryForObject("select 1", Integer.class)).isEqualTo(1);
			assertThat(EarlyDatabaseStart.take(properties(environment))).isEmpty();
		}
	}

	@Test
	void shouldStopTheEarlyServerWhenTheSettingsDiffer() {
		EarlyDatabaseStart.start(embedded("postgres"));
		assertThat(EarlyDatabaseStart.take(properties(embedded("other")))).isEmpty();
		assertThat(base.resolve("postgres").resolve("postmaster.pid")).doesNotExist();
	}

	@Test
	void shouldStopTheEarlyServerWhenTheContextFails() {
		EarlyDatabaseStart.start(embedded("postgres"));
		new EarlyDatabaseStart().onApplicationEvent(
				new ApplicationFailedEvent(new SpringApplication(), new String[0], null, new IllegalStateException()));
		assertThat(base.resolve("postgres").resolve("postmaster.pid")).doesNotExist();
		assertThat(EarlyDatabaseStart.take(properties(embedded("postgres")))).isEmpty();
	}

	@Test
	void shouldNotStartAnythingForAnExternalDatabase() {
		MockEnvironment environment = new MockEnvironment().withProperty("budget.database.url",
				"jdbc:postgresql://127.0.0.1:1/none");
		EarlyDatabaseStart.start(environment);
		assertThat(EarlyDatabaseStart.take(properties(environment))).isEmpty();
	}

	/**
	 * The build's Spring AOT processing runs the web app's main method up to its bean
	 * definitions: no server is started for it (it would be the working directory's).
	 */
	@Test
	void shouldNotStartAServerDuringAotProcessing() {
		System.setProperty(AbstractAotProcessor.AOT_PROCESSING, "true");
		try {
			EarlyDatabaseStart.start(embedded("aot"));
		}
		finally {
			System.clearProperty(AbstractAotProcessor.AOT_PROCESSING);
		}
		assertThat(EarlyDatabaseStart.take(properties(embedded("aot")))).isEmpty();
		assertThat(base.resolve("aot")).doesNotExist();
	}

	@Test
	void shouldLeaveSettingsThatDoNotBindToTheBean() {
		EarlyDatabaseStart.start(new MockEnvironment().withProperty("budget.database.pool-size", "0"));
		assertThat(EarlyDatabaseStart.take(properties(embedded("postgres")))).isEmpty();
	}

	private static MockEnvironment embedded(String directory) {
		return new MockEnvironment().withProperty("budget.database.embedded.data-directory",
				base.resolve(directory).toString());
	}

	private static DatabaseProperties properties(MockEnvironment environment) {
		return Binder.get(environment).bind("budget.database", DatabaseProperties.class).get();
	}

}
