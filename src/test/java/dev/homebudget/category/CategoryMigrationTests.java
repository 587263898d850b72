package dev.homebudget.category;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.homebudget.support.MigratedDatabase.migrate;
import static dev.homebudget.support.MigratedDatabase.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * V10 on a database that holds V9 data with the spellings people really type: every
 * distinct text becomes a category per household and kind, variants that differ only by
 * case, accents or spaces become one named by the spelling most entries use, every entry
 * points at its category, and no entry's own fields change. Afterwards the trigger keeps
 * doing the same for every writer, the release before included.
 */
class CategoryMigrationTests {

	@Test
	void variantSpellingsBecomeOneCategoryNamedByTheMostUsedAndNoEntryChanges() {
		DataSource dataSource = TestDatabase.dataSource("categories_v9_data");
		JdbcClient jdbc = JdbcClient.create(dataSource);
		migrate(dataSource, "9");
		int second = jdbc.sql("INSERT INTO households (name) VALUES ('second') RETURNING id")
			.query(Integer.class)
			.single();
		String insert = "INSERT INTO expenses (household_id, date, category, amount, account) "
				+ "SELECT :household, DATE '2025-01-01' + i, :category, 1.00, 'Cash' FROM generate_series(1, :n) i";
		Map<String, Integer> firstHousehold = Map.of("Groceries", 5, "groceries", 2, "Groceries  ", 1, "  GROCERIES", 1,
				"Épicerie", 1, "epicerie", 3, "Café\u00a0 Bar", 2, "Transport", 4);
		firstHousehold.forEach((category,
				n) -> jdbc.sql(insert).param("household", 1).param("category", category).param("n", n).update());
		jdbc.sql(insert).param("household", second).param("category", "groceries").param("n", 2).update();
		jdbc.sql(
				"INSERT INTO incomes (date, category, amount, account) VALUES (DATE '2025-01-01', 'Groceries', 5, 'Bank')")
			.update();
		String expenses = rows(jdbc, "expenses",
				"id, household_id, date, business, category, amount, account, " + "currency, notes, version");
		String incomes = rows(jdbc, "incomes", "id, date, category, amount, account, currency, notes, version");

		migrate(dataSource, "10");

		assertThat(rows(jdbc, "expenses",
				"id, household_id, date, business, category, amount, account, currency, notes, version"))
			.isEqualTo(expenses);
		assertThat(rows(jdbc, "incomes", "id, date, category, amount, account, currency, notes, version"))
			.isEqualTo(incomes);
		List<String> categories = jdbc.sql(
				"SELECT household_id || ' ' || kind || ' ' || name FROM categories ORDER BY household_id, kind, name COLLATE \"C\"")
			.query(String.class)
			.list();
		assertThat(categories).containsExactly("1 expense Café Bar", "1 expense Groceries", "1 expense Transport",
				"1 expense epicerie", "1 income Groceries", second + " expense groceries");
		assertThat(jdbc.sql("SELECT count(*) FROM expenses WHERE category_id IS NULL").query(Long.class).single())
			.isZero();
		assertThat(jdbc.sql("""
				SELECT count(DISTINCT category_id) FROM expenses
				WHERE household_id = 1 AND lower(btrim(category)) = 'groceries'""").query(Long.class).single())
			.isEqualTo(1);
		assertThat(jdbc.sql("""
				SELECT count(*) FROM expenses e JOIN categories c ON c.id = e.category_id
				WHERE c.household_id <> e.household_id OR c.kind <> 'expense'""").query(Long.class).single()).isZero();

		// the release before writes text only: its rows get their category too, new names
		// a new category
		jdbc.sql(
				"INSERT INTO expenses (date, category, amount, account) VALUES (DATE '2025-02-02', ' EPICERIE ', 2, 'x'), "
						+ "(DATE '2025-02-02', 'Books', 3, 'x')")
			.update();
		assertThat(jdbc.sql("""
				SELECT c.name FROM expenses e JOIN categories c ON c.id = e.category_id
				WHERE e.date = DATE '2025-02-02' ORDER BY e.id""").query(String.class).list())
			.containsExactly("epicerie", "Books");
		// a changed text moves the entry to the category of the new text
		jdbc.sql("UPDATE expenses SET category = 'transport' WHERE category = 'Books'").update();
		assertThat(jdbc.sql("""
				SELECT c.name FROM expenses e JOIN categories c ON c.id = e.category_id
				WHERE e.category = 'transport'""").query(String.class).single()).isEqualTo("Transport");
	}

}
