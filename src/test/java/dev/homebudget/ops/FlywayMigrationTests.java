package dev.homebudget.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.homebudget.ledger.EntryMonthConverted;
import dev.homebudget.ledger.EntryMonthTotals;
import dev.homebudget.schema.SchemaDowngrade;
import dev.homebudget.support.MigratedDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Flyway scripts on an empty PostgreSQL: the schema of contract §5 with our changes.
 */
class FlywayMigrationTests {

	private static List<String> columns(JdbcClient jdbc, String table) {
		return jdbc
			.sql("SELECT column_name FROM information_schema.columns WHERE table_name = :t ORDER BY ordinal_position")
			.param("t", table)
			.query(String.class)
			.list();
	}

	@Test
	void shouldCreateTheTablesIndexesAndDefaults() {
		DataSource dataSource = MigratedDatabase.migrated("flyway_schema");
		JdbcClient jdbc = JdbcClient.create(dataSource);
		assertThat(columns(jdbc, "expenses")).containsExactly("id", "date", "business", "category", "amount", "account",
				"currency", "notes", "version", "household_id", "entered_by", "paid_by", "for_whom", "category_id",
				"currency_code", "charged_amount", "charged_currency");
		assertThat(columns(jdbc, "incomes")).containsExactly("id", "date", "category", "amount", "account", "currency",
				"notes", "version", "household_id", "category_id", "currency_code", "charged_amount",
				"charged_currency");
		assertThat(columns(jdbc, "feature_flags")).contains("id", "name", "enabled", "user_id", "description");
		List<String> indexes = jdbc.sql("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'")
			.query(String.class)
			.list();
		assertThat(indexes).contains("idx_expenses_household_date", "idx_expenses_category", "idx_expenses_account",
				"idx_expenses_household_date_category", "idx_incomes_household_date", "idx_incomes_category",
				"idx_incomes_account", "idx_expenses_household_category", "idx_incomes_household_category",
				"idx_expenses_household_business", "categories_name_in_parent");
		Map<String, Object> id = jdbc
			.sql("SELECT is_identity, identity_generation FROM information_schema.columns "
					+ "WHERE table_name = 'expenses' AND column_name = 'id'")
			.query()
			.singleRow();
		assertThat(id).containsEntry("is_identity", "YES").containsEntry("identity_generation", "BY DEFAULT");
		jdbc.sql("TRUNCATE expenses RESTART IDENTITY CASCADE").update();
		jdbc.sql("INSERT INTO expenses (date, category, amount, account) VALUES ('2025-01-01', 'c', 1.005, 'a')")
			.update();
		Map<String, Object> row = jdbc.sql("SELECT currency, amount::text AS amount FROM expenses").query().singleRow();
		assertThat(row).containsEntry("currency", "\u20aa").containsEntry("amount", "1.01");
	}

	/**
	 * V23 fills the kept month totals from the rows already there, and its undo drops
	 * them without calling them lost data (they are derived from the entries).
	 */
	@Test
	void shouldFillTheMonthTotalsFromExistingEntriesAndUndoThemWithoutDataLoss() {
		DataSource dataSource = MigratedDatabase.dataSource("flyway_month_totals");
		MigratedDatabase.migrate(dataSource, "21");
		JdbcClient jdbc = JdbcClient.create(dataSource);
		jdbc.sql("INSERT INTO households (name) VALUES ('second')").update();
		jdbc.sql("""
				INSERT INTO expenses (household_id, date, category, amount, account, currency)
				SELECT 1 + i % 2, DATE '2024-01-01' + i * 11, 'Category ' || (i % 3), i * 1.25, 'Cash',
				       CASE WHEN i % 4 = 0 THEN 'USD' ELSE '₪' END
				FROM generate_series(1, 60) AS i""").update();
		jdbc.sql("""
				INSERT INTO incomes (date, category, amount, account, currency)
				SELECT DATE '2024-01-01' + i * 30, 'Salary', 1000, 'Bank', 'gold'
				FROM generate_series(1, 12) AS i""").update();
		MigratedDatabase.migrate(dataSource, "23");
		assertThat(EntryMonthTotals.differences(jdbc)).isEmpty();
		assertThat(jdbc.sql("SELECT sum(entries) FROM entry_month_totals").query(Long.class).single()).isEqualTo(72);
		assertThat(jdbc.sql("SELECT DISTINCT currency FROM entry_month_totals WHERE kind = 'income'")
			.query(String.class)
			.list()).containsExactly("XXX");

		Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
		SchemaDowngrade.Result undone = new SchemaDowngrade(flyway, SchemaDowngrade.UNDO_LOCATION, null)
			.downgrade(false);
		assertThat(undone.status()).as(undone.message()).isEqualTo(SchemaDowngrade.Status.DOWNGRADED);
		assertThat(undone.dataLoss()).isEmpty();
		assertThat(columns(jdbc, "entry_month_totals")).isEmpty();
	}

	/**
	 * V24 fills the kept converted totals from the entries and rates already there (at
	 * the rate on or before each entry's date, a charged base amount winning, no rate
	 * left unconverted), and its undo drops them without calling them lost data.
	 */
	@Test
	void shouldFillTheConvertedTotalsFromExistingEntriesAndRatesAndUndoThemWithoutDataLoss() {
		DataSource dataSource = MigratedDatabase.dataSource("flyway_converted_totals");
		MigratedDatabase.migrate(dataSource, "23");
		JdbcClient jdbc = JdbcClient.create(dataSource);
		jdbc.sql("""
				INSERT INTO exchange_rates (household_id, day, currency, quote, rate)
				VALUES (1, '2024-01-01', 'USD', 'ILS', 3.5), (1, '2024-03-01', 'USD', 'ILS', 4)""").update();
		jdbc.sql("""
				INSERT INTO expenses (date, category, amount, account, currency, charged_amount, charged_currency)
				VALUES ('2024-02-10', 'Food', 10, 'Cash', 'USD', NULL, NULL),
				       ('2024-03-10', 'Food', 10, 'Cash', 'USD', NULL, NULL),
				       ('2024-03-11', 'Food', 10, 'Cash', 'USD', 33.33, 'ILS'),
				       ('2024-03-12', 'Food', 10, 'Cash', 'EUR', NULL, NULL),
				       ('2024-03-13', 'Food', 5, 'Cash', '₪', NULL, NULL)""").update();
		MigratedDatabase.migrate(dataSource, "24");
		assertThat(EntryMonthConverted.differences(jdbc)).isEmpty();
		assertThat(jdbc.sql("SELECT to_char(month, 'YYYY-MM') || ' ' || currency || ' ' || round(converted, 2) || ' ' "
				+ "|| converted_entries || ' ' || unconverted_entries FROM entry_month_converted ORDER BY month, currency")
			.query(String.class)
			.list()).containsExactly("2024-02 USD 35.00 1 0", "2024-03 EUR 0.00 0 1", "2024-03 ILS 38.33 2 0",
					"2024-03 USD 40.00 1 0");

		Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
		SchemaDowngrade.Result undone = new SchemaDowngrade(flyway, SchemaDowngrade.UNDO_LOCATION, null)
			.downgrade(false);
		assertThat(undone.status()).as(undone.message()).isEqualTo(SchemaDowngrade.Status.DOWNGRADED);
		assertThat(undone.dataLoss()).isEmpty();
		assertThat(columns(jdbc, "entry_month_converted")).isEmpty();
		assertThat(columns(jdbc, "entry_month_totals")).isNotEmpty();
	}

	@Test
	void shouldKeepOneGlobalFlagRowPerName() {
		JdbcClient jdbc = JdbcClient.create(MigratedDatabase.migrated("flyway_flags"));
		jdbc.sql("TRUNCATE feature_flags").update();
		jdbc.sql("INSERT INTO feature_flags (name, enabled) VALUES ('X', true)").update();
		assertThatThrownBy(() -> jdbc.sql("INSERT INTO feature_flags (name, enabled) VALUES ('X', false)").update())
			.hasMessageContaining("uq_feature_flag_name_user");
	}

	@Test
	void shouldRefuseToMigrateWhenAnAppliedScriptWasEdited(@TempDir Path scripts) throws Exception {
		DataSource dataSource = MigratedDatabase.migrated("flyway_checksum");
		for (var resource : new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/*.sql")) {
			String sql = resource.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
			if (resource.getFilename().startsWith("V1__")) {
				sql = sql + "\n-- an innocent-looking edit\n";
			}
			Files.writeString(scripts.resolve(resource.getFilename()), sql);
		}
		Flyway edited = Flyway.configure().dataSource(dataSource).locations("filesystem:" + scripts).load();
		assertThatThrownBy(edited::migrate).isInstanceOf(FlywayException.class).hasMessageContaining("checksum");
	}

}
