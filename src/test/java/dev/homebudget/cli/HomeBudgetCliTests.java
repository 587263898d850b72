package dev.homebudget.cli;

import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.homebudget.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands of {@code ./hbw}, run in-process against a database of their own, in the
 * order an operator would use them on a new install.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HomeBudgetCliTests {

	private static final String DATABASE = "cli_commands";

	@BeforeAll
	static void pointAtTestDatabase() {
		System.setProperty("budget.database.url", TestDatabase.jdbcUrl(DATABASE));
	}

	@AfterAll
	static void restore() {
		System.clearProperty("budget.database.url");
	}

	/** How many migration scripts the application ships. */
	private static int scripts() {
		return scriptNames().size();
	}

	/** The highest version among them (versions need not be contiguous). */
	private static int latestVersion() {
		return scriptNames().stream()
			.mapToInt((name) -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
			.max()
			.orElse(0);
	}

	private static java.util.List<String> scriptNames() {
		try {
			return java.util.Arrays
				.stream(new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
					.getResources("classpath:db/migration/V*.sql"))
				.map(org.springframework.core.io.Resource::getFilename)
				.toList();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static long count(String table) {
		return JdbcClient.create(TestDatabase.dataSource(DATABASE))
			.sql("SELECT count(*) FROM " + table)
			.query(Long.class)
			.single();
	}

	@Test
	@Order(1)
	void shouldListTheCommands() {
		CliRun help = run("--help");
		assertThat(help.status()).isZero();
		assertThat(help.out()).contains("serve", "migrate", "status", "history", "validate", "seed-smoke",
				"seed-test-data", "flags", "import-json", "reconcile", "export-json", "verify-summary");
		assertThat(HomeBudgetCli.servesWeb(new String[0])).isTrue();
		assertThat(HomeBudgetCli.servesWeb(new String[] { "--server.port=9000" })).isTrue();
		assertThat(HomeBudgetCli.servesWeb(new String[] { "serve" })).isTrue();
		assertThat(HomeBudgetCli.servesWeb(new String[] { "serve", "--help" })).isFalse();
		assertThat(HomeBudgetCli.servesWeb(new String[] { "status" })).isFalse();
		assertThat(run("no-such-command").status()).isNotZero();
	}

	@Test
	@Order(2)
	void shouldReportAnEmptyDatabaseAndPrintPendingSqlWithoutApplyingIt() {
		CliRun status = run("status");
		assertThat(status.status()).isZero();
		assertThat(status.out()).contains("Schema version: none").contains("Pending migrations: " + scripts());
		CliRun dryRun = run("migrate", "--dry-run");
		assertThat(dryRun.out()).contains("-- Migration 1")
			.contains("CREATE TABLE expenses")
			.contains("CREATE TABLE feature_flags");
		assertThat(run("status").out()).contains("Pending migrations: " + scripts());
	}

	@Test
	@Order(3)
	void shouldMigrateAndShowHistory() {
		CliRun migrate = run("migrate");
		assertThat(migrate.status()).as(migrate.err()).isZero();
		assertThat(migrate.out())
			.contains("Applied " + scripts() + " migration(s); schema version is now " + latestVersion() + ".");
		assertThat(run("status").out()).contains("Schema version: " + latestVersion())
			.contains("Pending migrations: 0");
		assertThat(run("history").out()).contains("create expenses and incomes").contains("Success");
		assertThat(run("migrate", "--dry-run").out()).contains("No pending migrations");
		CliRun validate = run("validate");
		assertThat(validate.status()).isZero();
		assertThat(validate.out()).contains("valid");
	}

	@Test
	@Order(4)
	void shouldSeedSmokeFixturesOnce() {
		CliRun first = run("seed-smoke");
		assertThat(first.out()).contains("Seeded 3 expense(s) and 2 income(s).");
		CliRun second = run("seed-smoke");
		assertThat(second.out()).contains("No new data added").contains("3 expense(s) and 2 income(s)");
	}

	@Test
	@Order(5)
	void shouldGenerateTestDataOnlyIntoEmptyTablesUnlessAppending() {
		assertThat(run("seed-test-data", "--expenses", "10").out()).contains("nothing added");
		CliRun append = run("seed-test-data", "--expenses", "5000", "--incomes", "700", "--append", "--until",
				"2025-12-31");
		assertThat(append.status()).as(append.err()).isZero();
		assertThat(count("expenses")).isEqualTo(5003);
		assertThat(count("incomes")).isEqualTo(702);
		long outOfRange = JdbcClient.create(TestDatabase.dataSource(DATABASE))
			.sql("SELECT count(*) FROM expenses WHERE date > '2025-12-31' OR date < '2016-01-01' OR amount <= 0")
			.query(Long.class)
			.single();
		assertThat(outOfRange).isZero();
		assertThat(run("seed-test-data", "--expenses", "-1").status()).isEqualTo(2);
	}

	@Test
	@Order(6)
	void shouldListSetAndClearFeatureFlags() {
		assertThat(run("flags").out()).contains("ENHANCED_EXPENSE_STATS").contains("default");
		CliRun set = run("flags", "set", "enhanced_expense_stats", "on");
		assertThat(set.status()).isZero();
		assertThat(set.out()).contains("ENHANCED_EXPENSE_STATS is now on");
		assertThat(run("flags", "list").out()).contains("database_global");
		assertThat(run("flags", "set", "EXPENSE_AMOUNT_V2_FORMAT", "off", "--user", "3").status()).isZero();
		assertThat(run("flags", "list", "--user", "3").out()).contains("database_user");
		assertThat(run("flags", "clear", "ENHANCED_EXPENSE_STATS").out()).contains("Cleared");
		assertThat(run("flags", "clear", "ENHANCED_EXPENSE_STATS").out()).contains("No database row");
		assertThat(run("flags", "set", "NO_SUCH_FLAG", "on").status()).isEqualTo(2);
		assertThat(run("flags", "set", "ENHANCED_EXPENSE_STATS", "maybe").status()).isEqualTo(2);
		assertThat(run("flags", "set").status()).isEqualTo(2);
		assertThat(run("flags", "toggle", "ENHANCED_EXPENSE_STATS").status()).isEqualTo(2);
	}

	@Test
	@Order(7)
	void shouldRefuseAnEditedHistory() {
		JdbcClient.create(TestDatabase.dataSource(DATABASE))
			.sql("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'")
			.update();
		CliRun validate = run("validate");
		assertThat(validate.status()).isEqualTo(1);
		assertThat(validate.err()).contains("NOT valid");
	}

}
