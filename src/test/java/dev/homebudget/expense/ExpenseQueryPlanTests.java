package dev.homebudget.expense;

import java.time.LocalDate;

import javax.sql.DataSource;

import dev.homebudget.household.Households;
import dev.homebudget.shared.EntryQuery;
import dev.homebudget.shared.EntrySort;
import dev.homebudget.shared.EntrySql;
import dev.homebudget.support.MigratedDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * At a decade of household data (100,000 expenses) the list queries the API sends are
 * answered from the indexes, not by reading the whole table.
 */
class ExpenseQueryPlanTests {

	private static JdbcClient jdbc;

	@BeforeAll
	static void seedTenYears() {
		DataSource dataSource = MigratedDatabase.migrated("query_plans");
		MigratedDatabase.truncate(dataSource, "expenses");
		jdbc = JdbcClient.create(dataSource);
		jdbc.sql("""
				INSERT INTO expenses (date, business, category, amount, account, currency, notes)
				SELECT DATE '2016-01-01' + (i % 3653), 'Shop ' || (i % 50), 'Category ' || (i % 12),
				       (i % 50000) / 100.0, 'Account ' || (i % 5), '₪', NULL
				FROM generate_series(1, 100000) AS i""").update();
		jdbc.sql("VACUUM (ANALYZE) expenses").update();
	}

	private static String plan(EntryQuery query) {
		EntrySql.Filter filter = EntrySql.filter(query, true).scoped(Households.FIRST);
		String sql = "EXPLAIN " + new JdbcExpenseRepository(jdbc).findSql(query, filter);
		return String.join("\n", filter.bind(jdbc.sql(sql)).query(String.class).list());
	}

	private static EntryQuery month(Integer limit) {
		return new EntryQuery(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31), null, null, null, null, null, null,
				EntrySort.NEWEST_FIRST, limit, null);
	}

	@Test
	void shouldReadOneMonthThroughTheDateIndex() {
		String plan = plan(month(null));
		assertThat(plan).doesNotContain("Seq Scan").contains("idx_expenses_household_date");
	}

	@Test
	void shouldReadAPageOfTheNewestThroughTheDateIndex() {
		String plan = plan(EntryQuery.all().withLimit(51));
		assertThat(plan).doesNotContain("Seq Scan").doesNotContain("Sort  ").contains("idx_expenses_household_date");
	}

	@Test
	void shouldReadAMonthPageThroughTheDateIndex() {
		assertThat(plan(month(51))).doesNotContain("Seq Scan");
	}

}
