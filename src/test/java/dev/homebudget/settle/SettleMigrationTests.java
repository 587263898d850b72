package dev.homebudget.settle;

import java.math.BigDecimal;

import javax.sql.DataSource;

import dev.homebudget.support.MigratedDatabase;
import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.homebudget.support.MigratedDatabase.migrate;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * V9 on a database that holds households and data (V8): every row and every cent is kept,
 * every row's payer is unknown (so balances are empty), no shares or settlements exist,
 * and the release before (which names none of the new columns) still writes.
 */
class SettleMigrationTests {

	private static String rows(JdbcClient jdbc) {
		return MigratedDatabase.rows(jdbc, "expenses",
				"id, date, business, category, amount, account, currency, notes, version, household_id");
	}

	@Test
	void everyRowAndCentIsKeptAndNoPayerIsInvented() {
		DataSource dataSource = TestDatabase.dataSource("settle_v8_data");
		JdbcClient jdbc = JdbcClient.create(dataSource);
		migrate(dataSource, "8");
		jdbc.sql("INSERT INTO users (username, password_hash) VALUES ('dana', '{noop}x'), ('omer', '{noop}y')")
			.update();
		jdbc.sql("INSERT INTO households (name) VALUES ('Second')").update();
		jdbc.sql("INSERT INTO household_members (household_id, user_id, role) SELECT 2, id, 'owner' FROM users")
			.update();
		jdbc.sql("""
				INSERT INTO expenses (date, business, category, amount, account, currency, notes, version, household_id)
				SELECT DATE '2020-01-01' + (i % 1500), 'Shop ' || (i % 7), 'Category ' || (i % 9),
				       ((i * 7919) % 100000) / 100.0, 'Account ' || (i % 3), '₪', 'n' || i, i % 4, 1 + (i % 2)
				FROM generate_series(1, 4000) AS i""").update();
		String before = rows(jdbc);
		BigDecimal spent = jdbc.sql("SELECT sum(amount) FROM expenses").query(BigDecimal.class).single();

		migrate(dataSource, "9");

		assertThat(rows(jdbc)).isEqualTo(before);
		assertThat(jdbc.sql("SELECT sum(amount) FROM expenses").query(BigDecimal.class).single())
			.isEqualByComparingTo(spent);
		assertThat(jdbc
			.sql("SELECT count(*) FROM expenses WHERE paid_by IS NOT NULL OR for_whom IS NOT NULL "
					+ "OR entered_by IS NOT NULL")
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM expense_shares").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM settlements").query(Long.class).single()).isZero();

		// the release before names none of the new columns: its writes still work
		jdbc.sql("INSERT INTO expenses (date, category, amount, account) VALUES ('2025-01-01', 'old', 1.10, 'a')")
			.update();
		assertThat(jdbc.sql("SELECT count(*) FROM expenses WHERE category = 'old' AND paid_by IS NULL")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("DELETE FROM expenses WHERE category = 'old'").update()).isEqualTo(1);
	}

}
