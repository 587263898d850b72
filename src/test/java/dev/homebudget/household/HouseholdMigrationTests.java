package dev.homebudget.household;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.homebudget.ledger.Households;
import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.homebudget.support.MigratedDatabase.migrate;
import static dev.homebudget.support.MigratedDatabase.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * V8 on a database that holds data from before households (V7, with accounts): every row
 * and every cent is kept, all of it in the first household, and the accounts own it.
 */
class HouseholdMigrationTests {

	@Test
	void everyRowAndCentIsKeptInTheFirstHousehold() {
		DataSource dataSource = TestDatabase.dataSource("households_v7_data");
		JdbcClient jdbc = JdbcClient.create(dataSource);
		migrate(dataSource, "7");
		jdbc.sql(
				"""
						INSERT INTO expenses (date, business, category, amount, account, currency, notes, version)
						SELECT DATE '2020-01-01' + (i % 1500), 'Shop ' || (i % 7), 'Category ' || (i % 9),
						       ((i * 7919) % 100000) / 100.0, 'Account ' || (i % 3), '₪', CASE WHEN i % 5 = 0 THEN NULL ELSE 'n' || i END,
						       i % 4
						FROM generate_series(1, 5000) AS i""")
			.update();
		jdbc.sql("""
				INSERT INTO incomes (date, category, amount, account, currency, notes)
				SELECT DATE '2020-01-01' + (i % 1500), 'Salary ' || (i % 3), ((i * 104729) % 10000000) / 100.0,
				       'Bank', '$', NULL
				FROM generate_series(1, 700) AS i""").update();
		jdbc.sql("INSERT INTO users (username, password_hash) VALUES ('dana', '{noop}x'), ('omer', '{noop}y')")
			.update();
		String expenses = rows(jdbc, "expenses",
				"id, date, business, category, amount, account, currency, notes, version");
		String incomes = rows(jdbc, "incomes", "id, date, category, amount, account, currency, notes, version");
		BigDecimal spent = jdbc.sql("SELECT sum(amount) FROM expenses").query(BigDecimal.class).single();
		BigDecimal earned = jdbc.sql("SELECT sum(amount) FROM incomes").query(BigDecimal.class).single();

		migrate(dataSource, "8");

		assertThat(rows(jdbc, "expenses", "id, date, business, category, amount, account, currency, notes, version"))
			.isEqualTo(expenses);
		assertThat(rows(jdbc, "incomes", "id, date, category, amount, account, currency, notes, version"))
			.isEqualTo(incomes);
		assertThat(jdbc.sql("SELECT sum(amount) FROM expenses WHERE household_id = 1").query(BigDecimal.class).single())
			.isEqualByComparingTo(spent);
		assertThat(jdbc.sql("SELECT sum(amount) FROM incomes WHERE household_id = 1").query(BigDecimal.class).single())
			.isEqualByComparingTo(earned);
		assertThat(jdbc.sql("SELECT count(*) FROM expenses WHERE household_id <> 1").query(Long.class).single())
			.isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM incomes WHERE household_id <> 1").query(Long.class).single())
			.isZero();
		List<Map<String, Object>> members = jdbc
			.sql("SELECT u.username, m.household_id, m.role FROM household_members m JOIN users u ON u.id = m.user_id "
					+ "ORDER BY u.username")
			.query()
			.listOfRows();
		assertThat(members).containsExactly(Map.of("username", "dana", "household_id", 1, "role", "owner"),
				Map.of("username", "omer", "household_id", 1, "role", "owner"));
		assertThat(jdbc.sql("SELECT name FROM households").query(String.class).list()).containsExactly("Home");

		// the release before households names no household: its rows land in the first
		jdbc.sql("INSERT INTO expenses (date, category, amount, account) VALUES ('2025-01-01', 'old', 1.10, 'a')")
			.update();
		assertThat(jdbc.sql("SELECT household_id FROM expenses WHERE category = 'old'").query(Integer.class).single())
			.isEqualTo(Households.FIRST);
		assertThat(jdbc.sql("INSERT INTO households (name) VALUES ('next') RETURNING id").query(Integer.class).single())
			.isEqualTo(2);
	}

}
