package dev.homebudget.cli;

import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.homebudget.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./hbw verify-summary [--repair]}: on a new database it migrates and finds the
 * month totals in step; a kept total, per currency or converted, changed behind the
 * triggers' back is listed (kept vs computed) with exit 1, and {@code --repair} rewrites
 * the totals from the entries.
 */
class VerifySummaryCommandTests {

	private static final String DATABASE = "cli_verify_summary";

	@AfterEach
	void forgetDatabase() {
		System.clearProperty("budget.database.url");
	}

	@Test
	void listsEveryDifferenceAndRepairsThem() {
		System.setProperty("budget.database.url", TestDatabase.jdbcUrl(DATABASE));
		CliRun fresh = run("verify-summary");
		assertThat(fresh.status()).as(fresh.out() + fresh.err()).isZero();
		assertThat(fresh.out()).contains("The month totals agree with the entries.");
		assertThat(run("seed-smoke").status()).isZero();
		assertThat(run("verify-summary").out()).contains("agree");

		JdbcClient jdbc = JdbcClient.create(TestDatabase.dataSource(DATABASE));
		jdbc.sql("UPDATE entry_month_totals SET amount = amount + 1 WHERE kind = 'income' AND category = 'Salary'")
			.update();
		jdbc.sql("DELETE FROM entry_month_totals WHERE kind = 'expense' AND category = 'Dining'").update();
		jdbc.sql("UPDATE entry_month_converted SET converted = converted + 0.5, unconverted_entries = 1 "
				+ "WHERE kind = 'income' AND category = 'Salary'")
			.update();
		CliRun differs = run("verify-summary");
		assertThat(differs.status()).as(differs.out() + differs.err()).isEqualTo(1);
		assertThat(differs.out())
			.contains("household 1, income, 2025-01, category ",
					"'Salary', ILS: kept 10001.00 in 1 entries, " + "computed 10000.00 in 1 entries")
			.contains("'Dining', ILS: kept none, computed 85.00 in 1 entries")
			.contains("'Salary', ILS converted: kept 10000.50 from 1 entries, 1 without a rate, "
					+ "computed 10000.00 from 1 entries, 0 without a rate")
			.contains("3 group(s) differ from the entries; run again with --repair");

		CliRun repaired = run("verify-summary", "--repair");
		assertThat(repaired.status()).as(repaired.out() + repaired.err()).isZero();
		assertThat(repaired.out()).contains("Repaired 3 differing group(s)");
		assertThat(run("verify-summary").out()).contains("The month totals agree with the entries.");
	}

}
