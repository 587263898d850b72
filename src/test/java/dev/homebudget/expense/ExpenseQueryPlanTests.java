package dev.homebudget.expense;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import javax.sql.DataSource;

import dev.homebudget.ledger.EntryKind;
import dev.homebudget.ledger.EntryQuery;
import dev.homebudget.ledger.EntrySort;
import dev.homebudget.ledger.EntrySql;
import dev.homebudget.ledger.Households;
import dev.homebudget.support.MigratedDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import dev.homebudget.ledger.JdbcEntries;

/**
 * At a decade of household data (100,000 expenses) the list queries the API sends are
 * answered from the indexes, not by reading the whole table.
 */
class ExpenseQueryPlanTests {

	private static JdbcClient jdbc;

	@BeforeAll
	static void seedTenYears() {
		DataSource dataSource = MigratedDatabase.migrated("query_plans");
		MigratedDatabase.truncate(dataSource, "users", "expenses");
		jdbc = JdbcClient.create(dataSource);
		jdbc.sql("""
				INSERT INTO expenses (date, business, category, amount, account, currency, notes)
				SELECT DATE '2016-01-01' + (i % 3653), 'Shop ' || (i % 50), 'Category ' || (i % 12),
				       (i % 50000) / 100.0, 'Account ' || (i % 5), '₪', NULL
				FROM generate_series(1, 100000) AS i""").update();
		// three members: each pays a third; a third of the rows is for one of them, the
		// rest is shared by all three
		jdbc.sql(
				"INSERT INTO users (id, username, password_hash) VALUES (1, 'p1', 'x'), (2, 'p2', 'x'), (3, 'p3', 'x')")
			.update();
		jdbc.sql("UPDATE expenses SET paid_by = 1 + id % 3, for_whom = CASE WHEN id % 3 = 0 THEN 1 + id % 2 END")
			.update();
		jdbc.sql("""
				INSERT INTO expense_shares (expense_id, user_id, amount)
				SELECT e.id, u.id, 0 FROM expenses e CROSS JOIN generate_series(1, 3) AS u (id)
				WHERE e.for_whom IS NULL OR e.for_whom = u.id""").update();
		jdbc.sql("VACUUM (ANALYZE) expenses").update();
		jdbc.sql("VACUUM (ANALYZE) expense_shares").update();
	}

	private static String plan(EntryQuery query) {
		EntrySql.Filter filter = EntrySql.filter(query, EntryKind.EXPENSE).scoped(Households.FIRST);
		String sql = "EXPLAIN " + new JdbcEntries<>(jdbc, Expense.TYPE).findSql(query, filter);
		return String.join("\n", filter.bind(jdbc.sql(sql)).query(String.class).list());
	}

	private static EntryQuery month(Integer limit) {
		return new EntryQuery(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31), null, null, null, null, null, null,
				EntrySort.NEWEST_FIRST, limit, null);
	}

	/**
	 * The benchmark compares the app with pgbench running "the same SQL" (bench/sql); a
	 * statement that drifted from what the app sends (a missing household condition, say)
	 * would make that ceiling meaningless.
	 */
	@Test
	void benchmarkCeilingRunsTheListStatementsTheAppSends() throws IOException {
		assertThat(benchStatement("page50.sql")).isEqualTo(withValues(EntryQuery.all().withLimit(51)));
		assertThat(benchStatement("month.sql")).isEqualTo(withValues(month(null)));
	}

	private static String benchStatement(String file) throws IOException {
		return Files.readString(Path.of("bench", "sql", file)).strip();
	}

	private static String withValues(EntryQuery query) {
		EntrySql.Filter filter = EntrySql.filter(query, EntryKind.EXPENSE).scoped(Households.FIRST);
		String sql = new JdbcEntries<>(jdbc, Expense.TYPE).findSql(query, filter);
		for (Map.Entry<String, Object> parameter : filter.parameters().entrySet()) {
			Object value = parameter.getValue();
			sql = sql.replace(":" + parameter.getKey(),
					(value instanceof LocalDate) ? "'" + value + "'" : value.toString());
		}
		return sql + ";";
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

	private static EntryQuery payers(EntryQuery query, Integer paidBy, EntryQuery.Beneficiary forWhom) {
		return new EntryQuery(query.from(), query.to(), null, null, null, null, null, null, query.sort(), query.limit(),
				null, paidBy, forWhom);
	}

	@Test
	void shouldFilterByPayerAndBeneficiaryThroughIndexes() {
		EntryQuery newest = EntryQuery.all().withLimit(51);
		for (EntryQuery query : java.util.List.of(payers(newest, 2, null),
				payers(newest, null, new EntryQuery.Beneficiary(2)), payers(newest, 1, EntryQuery.Beneficiary.SHARED),
				payers(month(null), 3, new EntryQuery.Beneficiary(1)),
				payers(month(51), null, EntryQuery.Beneficiary.SHARED))) {
			String plan = plan(query);
			assertThat(plan).as(plan).doesNotContain("Seq Scan");
		}
	}

	@Test
	void shouldReadAMonthPageThroughTheDateIndex() {
		assertThat(plan(month(51))).doesNotContain("Seq Scan");
	}

}
