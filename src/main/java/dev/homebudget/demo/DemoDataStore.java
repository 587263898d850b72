package dev.homebudget.demo;

import java.util.List;

import dev.homebudget.ledger.EntrySql;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of demo data. Every statement names its household. */
@Repository
class DemoDataStore {

	private final JdbcClient jdbc;

	DemoDataStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What the household's settings say about a load. */
	record Household(String baseCurrency, boolean strictCategories) {

	}

	/** How many rows of each kind the demo load created and are still there. */
	record Counts(int expenses, int incomes, int categories) {

		boolean any() {
			return this.expenses + this.incomes + this.categories > 0;
		}

	}

	/**
	 * Locks the household's row until the transaction ends, so that two loads (or a load
	 * and a removal) at the same time run one after the other.
	 */
	Household lock(int household) {
		return this.jdbc.sql("SELECT base_currency, strict_categories FROM households WHERE id = :household FOR UPDATE")
			.param("household", household)
			.query((rs, row) -> new Household(rs.getString(1), rs.getBoolean(2)))
			.single();
	}

	Counts counts(int household) {
		return this.jdbc
			.sql("SELECT count(expense_id), count(income_id), count(category_id) FROM demo_rows "
					+ "WHERE household_id = :household")
			.param("household", household)
			.query((rs, row) -> new Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
			.single();
	}

	/** Whether the household has any expense or income (the trash aside). */
	boolean hasEntries(int household) {
		return this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM expenses WHERE household_id = :household) "
					+ "OR EXISTS (SELECT 1 FROM incomes WHERE household_id = :household)")
			.param("household", household)
			.query(Boolean.class)
			.single();
	}

	List<Integer> categoryIds(int household) {
		return this.jdbc.sql("SELECT id FROM categories WHERE household_id = :household")
			.param("household", household)
			.query(Integer.class)
			.list();
	}

	/** Marks rows as the demo's: {@code kind} is expense, income or category. */
	void mark(int household, String kind, List<Integer> ids) {
		if (ids.isEmpty()) {
			return;
		}
		this.jdbc
			.sql("INSERT INTO demo_rows (household_id, kind, " + kind + "_id) "
					+ "SELECT :household, :kind, id FROM unnest(:ids) AS id")
			.param("household", household)
			.param("kind", kind)
			.param("ids", EntrySql.integerArray(ids))
			.update();
	}

	/** The demo's entries of one kind still in the household. */
	List<Integer> entryIds(int household, String kind) {
		String table = "expense".equals(kind) ? "expenses" : "incomes";
		return this.jdbc
			.sql("SELECT d." + kind + "_id FROM demo_rows d JOIN " + table + " e ON e.id = d." + kind + "_id "
					+ "AND e.household_id = d.household_id WHERE d.household_id = :household ORDER BY 1")
			.param("household", household)
			.query(Integer.class)
			.list();
	}

	/**
	 * Deletes the demo's categories that nothing holds any more: no entry, no category
	 * inside it, no budget line. Those still used stay (the household uses them now).
	 * Schedules and rules name a category by its text, which creates it again when used.
	 * @return how many were deleted
	 */
	int deleteUnusedCategories(int household) {
		return this.jdbc.sql("""
				DELETE FROM categories c USING demo_rows d
				WHERE d.household_id = :household AND d.category_id = c.id AND c.household_id = :household
				AND NOT EXISTS (SELECT 1 FROM expenses e WHERE e.household_id = :household AND e.category_id = c.id)
				AND NOT EXISTS (SELECT 1 FROM incomes i WHERE i.household_id = :household AND i.category_id = c.id)
				AND NOT EXISTS (SELECT 1 FROM categories k WHERE k.parent_id = c.id)
				AND NOT EXISTS (SELECT 1 FROM budget_lines b WHERE b.household_id = :household AND b.category_id = c.id)
				""").param("household", household).update();
	}

	/** Forgets every mark of the household (what was deleted went with its row). */
	void forget(int household) {
		this.jdbc.sql("DELETE FROM demo_rows WHERE household_id = :household").param("household", household).update();
	}

}
