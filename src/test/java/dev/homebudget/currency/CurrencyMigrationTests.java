package dev.homebudget.currency;

import java.util.List;

import javax.sql.DataSource;

import dev.homebudget.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V11 on V10 data: every entry gets the ISO code of the currency text it was written with
 * (symbols, codes in any case, NIS), none for a text that names no currency; no entry's
 * own fields change; settlements recorded before are in shekels.
 */
class CurrencyMigrationTests {

	@Test
	void everyEntryGetsTheCodeOfItsCurrencyText() {
		DataSource dataSource = TestDatabase.dataSource("currencies_v10_data");
		JdbcClient jdbc = JdbcClient.create(dataSource);
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("10").load().migrate();
		List<String> written = List.of("\u20aa", "$", "usd", " EUR ", "NIS", "\u00a3", "xyz", "", "CHF");
		for (String currency : written) {
			jdbc.sql("INSERT INTO expenses (date, category, amount, account, currency) "
					+ "VALUES (DATE '2025-01-01', 'c', 1, 'a', :currency)")
				.param("currency", currency)
				.update();
		}
		String before = jdbc
			.sql("SELECT md5(string_agg(concat_ws(',', id, currency, amount, category_id), '|' "
					+ "ORDER BY id)) FROM expenses")
			.query(String.class)
			.single();

		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("11").load().migrate();

		assertThat(jdbc
			.sql("SELECT md5(string_agg(concat_ws(',', id, currency, amount, category_id), '|' "
					+ "ORDER BY id)) FROM expenses")
			.query(String.class)
			.single()).isEqualTo(before);
		assertThat(jdbc.sql("SELECT COALESCE(currency_code, '-') FROM expenses ORDER BY id").query(String.class).list())
			.containsExactly("ILS", "USD", "USD", "EUR", "ILS", "GBP", "-", "-", "CHF");
		assertThat(jdbc.sql("SELECT base_currency FROM households WHERE id = 1").query(String.class).single())
			.isEqualTo("ILS");
		// the release before still writes text only, and its rows get their code
		jdbc.sql("INSERT INTO expenses (date, category, amount, account, currency) "
				+ "VALUES (DATE '2025-01-02', 'c', 1, 'a', '\u20ac')")
			.update();
		assertThat(jdbc.sql("SELECT currency_code FROM expenses WHERE date = DATE '2025-01-02'")
			.query(String.class)
			.single()).isEqualTo("EUR");
	}

}
