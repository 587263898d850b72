package dev.homebudget.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.homebudget.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DatabaseConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
		.withUserConfiguration(DatabaseConfiguration.class);

	@Test
	void externalUrlGetsThePoolSizeAndTheTimeoutLadder() {
		String url = TestDatabase.jdbcUrl("config_tests");
		EmbeddedPostgres server = TestDatabase.server();
		this.runner.withPropertyValues("budget.database.url=" + url, "budget.database.pool-size=7").run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(HikariDataSource.class);
			assertThat(context.getBeansOfType(DataSource.class)).containsOnlyKeys("dataSource", "connectionPool",
					"flywayDataSource");
			assertThat(context.getBean(DataSource.class)).isInstanceOf(LazyConnectionDataSourceProxy.class);
			HikariDataSource dataSource = context.getBean(HikariDataSource.class);
			assertThat(dataSource.getMaximumPoolSize()).isEqualTo(7);
			assertThat(dataSource.getPoolName()).isEqualTo("home-budget");
			assertThat(dataSource.getConnectionTimeout()).isEqualTo(3_000);
			assertThat(dataSource.getKeepaliveTime()).isEqualTo(120_000);
			assertThat(dataSource.getMaxLifetime()).isEqualTo(1_800_000);
			assertThat(dataSource.getDataSourceProperties()).containsEntry("connectTimeout", "3")
				.containsEntry("loginTimeout", "5")
				.containsEntry("socketTimeout", "7")
				.containsEntry("tcpKeepAlive", "true");
			// The pool opens on first use (so the app can start while the database is
			// unreachable), then really opens that many connections (minimumIdle follows
			// the maximum).
			assertThat(dataSource.getHikariPoolMXBean()).isNull();
			dataSource.getConnection().close();
			await().atMost(Duration.ofMinutes(2))
				.until(() -> dataSource.getHikariPoolMXBean().getTotalConnections() == 7);
			try (Connection connection = dataSource.getConnection();
					Statement statement = connection.createStatement()) {
				assertThat(show(statement, "statement_timeout")).isEqualTo("5s");
				assertThat(show(statement, "lock_timeout")).isEqualTo("2s");
				assertThat(show(statement, "idle_in_transaction_session_timeout")).isEqualTo("30s");
				assertThat(show(statement, "application_name")).isEqualTo("home-budget-web");
				assertThat(show(statement, "tcp_keepalives_idle")).isNotNull();
			}
			ActiveDatabase active = context.getBean(ActiveDatabase.class);
			assertThat(active.embedded()).isFalse();
			assertThat(active.dataDirectory()).isNull();
			assertThat(active.displayUrl()).isEqualTo(
					"postgresql://postgres:" + server.password() + "@127.0.0.1:" + server.port() + "/config_tests");
		});
	}

	/**
	 * The shipped ladder, as docs/operations.md states it: each layer gives up before the
	 * one above it, and none waits more than a few seconds for a database that does not
	 * answer.
	 */
	@Test
	void theShippedTimeoutsFormTheDocumentedLadder() {
		HikariConfig config = DatabaseConfiguration.hikariConfig(DatabaseUrl.parse("postgresql://u:p@localhost/db"), 5);
		Properties driver = config.getDataSourceProperties();
		long statementMs = serverSetting(driver, "statement_timeout");
		long lockMs = serverSetting(driver, "lock_timeout");
		long socketMs = Long.parseLong(driver.getProperty("socketTimeout")) * 1000;
		assertThat(statementMs).isEqualTo(5_000);
		assertThat(lockMs).isEqualTo(2_000).isLessThan(statementMs);
		// a little above statement_timeout: the server reports a slow statement first
		assertThat(socketMs).isGreaterThan(statementMs).isLessThanOrEqualTo(statementMs + 2_000);
		assertThat(config.getConnectionTimeout()).isEqualTo(3_000);
		assertThat(Long.parseLong(driver.getProperty("connectTimeout")) * 1000).isEqualTo(3_000);
	}

	/**
	 * A backend frozen mid-statement (SIGSTOP) cannot report its statement timeout; with
	 * the shipped settings the driver gives up after its socket timeout, and the caller
	 * gets an error instead of waiting for the freeze to end. Frozen until the statement
	 * failed (or 30 s, the socket timeout that used to ship), always resumed.
	 */
	@Test
	void aFrozenBackendFailsTheStatementInsteadOfHangingIt() throws Exception {
		String url = TestDatabase.jdbcUrl("config_tests");
		this.runner.withPropertyValues("budget.database.url=" + url).run((context) -> {
			HikariDataSource pool = context.getBean(HikariDataSource.class);
			ExecutorService executor = Executors.newSingleThreadExecutor();
			try (Connection monitor = pool.getConnection()) {
				Future<Throwable> query = executor.submit(() -> {
					try (Connection connection = pool.getConnection();
							Statement statement = connection.createStatement()) {
						statement.execute("SELECT pg_sleep(4.5) /* frozen-backend probe */");
						return null;
					}
					catch (SQLException ex) {
						return ex;
					}
				});
				long backend = awaitBackendRunning(monitor, "frozen-backend probe");
				signal("STOP", backend);
				Throwable failure;
				try {
					// 14 s of slack over the 7 s socket timeout for a loaded machine; the
					// 30 s of the old setting would not fit
					failure = query.get(21, TimeUnit.SECONDS);
				}
				finally {
					signal("CONT", backend);
				}
				assertThat(failure).as("the statement on the frozen backend fails").isInstanceOf(SQLException.class);
				assertThat(((SQLException) failure).getSQLState()).startsWith("08");
			}
			finally {
				executor.shutdownNow();
			}
		});
	}

	/** A condition, not a duration: the minute only guards against a hang. */
	private static long awaitBackendRunning(Connection monitor, String marker) {
		return await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(10)).until(() -> {
			try (Statement statement = monitor.createStatement();
					ResultSet rows = statement.executeQuery("SELECT pid FROM pg_stat_activity WHERE state = 'active'"
							+ " AND query LIKE '%" + marker + "%' AND pid <> pg_backend_pid()")) {
				return rows.next() ? rows.getLong(1) : null;
			}
		}, java.util.Objects::nonNull);
	}

	private static void signal(String signal, long pid) throws Exception {
		Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
		assertThat(kill.waitFor()).as("kill -" + signal + " " + pid).isZero();
	}

	private static long serverSetting(Properties driver, String name) {
		Matcher matcher = Pattern.compile("-c " + name + "=(\\d+)").matcher(driver.getProperty("options"));
		assertThat(matcher.find()).as(name + " in " + driver.getProperty("options")).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	@Test
	void parametersInTheUrlWinOverTheDefaults() {
		String url = TestDatabase.jdbcUrl("config_tests")
				+ "&options=-c%20statement_timeout%3D1234&ApplicationName=mine&socketTimeout=45";
		this.runner.withPropertyValues("budget.database.url=" + url).run((context) -> {
			HikariDataSource dataSource = context.getBean(HikariDataSource.class);
			assertThat(dataSource.getMaximumPoolSize()).isEqualTo(5);
			assertThat(dataSource.getDataSourceProperties()).doesNotContainKeys("options", "ApplicationName",
					"socketTimeout");
			try (Connection connection = dataSource.getConnection();
					Statement statement = connection.createStatement()) {
				assertThat(show(statement, "statement_timeout")).isEqualTo("1234ms");
				assertThat(show(statement, "application_name")).isEqualTo("mine");
				assertThat(connection.getNetworkTimeout()).isEqualTo(45_000);
			}
		});
	}

	@Test
	void originalUrlFormConnects() {
		TestDatabase.jdbcUrl("config_tests");
		EmbeddedPostgres server = TestDatabase.server();
		String url = "postgresql://postgres:" + server.password() + "@127.0.0.1:" + server.port()
				+ "/config_tests?sslmode=disable";
		this.runner.withPropertyValues("budget.database.url=" + url).run((context) -> {
			try (Connection connection = context.getBean(DataSource.class).getConnection();
					Statement statement = connection.createStatement()) {
				assertThat(show(statement, "statement_timeout")).isEqualTo("5s");
			}
			assertThat(context.getBean(ActiveDatabase.class).displayUrl()).isEqualTo(url);
		});
	}

	@Test
	void poolSizeOutsideOneToHundredFailsStartupClearly() {
		for (String size : List.of("0", "101")) {
			this.runner
				.withPropertyValues("budget.database.url=" + "postgresql://u:p@localhost/db",
						"budget.database.pool-size=" + size)
				.run((context) -> assertThat(context).hasFailed()
					.getFailure()
					.rootCause()
					.hasMessage("budget.database.pool-size (POOL_SIZE) must be between 1 and 100, but is " + size));
		}
	}

	@Test
	void malformedUrlFailsStartupWithoutShowingThePassword() {
		this.runner.withPropertyValues("budget.database.url=postgresql://bob:hunter2@").run((context) -> {
			assertThat(context).hasFailed();
			List<String> messages = new ArrayList<>();
			for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
				messages.add(String.valueOf(cause.getMessage()));
			}
			assertThat(messages).noneMatch((message) -> message.contains("hunter2"))
				.anyMatch((message) -> message.startsWith("Invalid database URL (DATABASE_URL / budget.database.url)"));
		});
	}

	@Test
	void blankUrlStartsTheEmbeddedServerWhichStopsAfterThePoolCloses() throws IOException {
		Path base = Files.createTempDirectory("hbw-config-tests-");
		Files.setPosixFilePermissions(base, FileTree.RWXR_XR_X);
		Path dataDirectory = base.resolve("data");
		try {
			List<HikariDataSource> pools = new ArrayList<>();
			this.runner.withConfiguration(AutoConfigurations.of(FlywayAutoConfiguration.class))
				.withPropertyValues("budget.database.url=", "budget.database.embedded.data-directory=" + dataDirectory,
						"budget.database.embedded.database-name=embedded_app",
						"spring.flyway.locations=classpath:db/database-tests")
				.run((context) -> {
					assertThat(context).hasNotFailed().hasSingleBean(Flyway.class);
					ActiveDatabase active = context.getBean(ActiveDatabase.class);
					assertThat(active.embedded()).isTrue();
					assertThat(active.dataDirectory()).isEqualTo(dataDirectory);
					assertThat(active.displayUrl())
						.matches("postgresql://postgres:[A-Za-z0-9_-]{43}@127\\.0\\.0\\.1:\\d+/embedded_app");
					assertThat(context.getBeanFactory().getDependenciesForBean("connectionPool"))
						.contains("databaseServer");
					HikariDataSource dataSource = context.getBean(HikariDataSource.class);
					pools.add(dataSource);
					try (Connection connection = dataSource.getConnection();
							Statement statement = connection.createStatement();
							ResultSet rows = statement.executeQuery("select count(*) from flyway_probe")) {
						assertThat(rows.next()).isTrue();
						assertThat(rows.getInt(1)).isZero();
					}
					assertThat(dataDirectory.resolve("postmaster.pid")).exists();
				});
			assertThat(pools.get(0).isClosed()).isTrue();
			assertThat(dataDirectory.resolve("postmaster.pid")).doesNotExist();
			DataDirectoryLock.acquire(dataDirectory).close();
		}
		finally {
			FileTree.deleteRecursively(base);
		}
	}

	private static String show(Statement statement, String setting) throws SQLException {
		try (ResultSet rows = statement.executeQuery("show " + setting)) {
			rows.next();
			return rows.getString(1);
		}
	}

}
