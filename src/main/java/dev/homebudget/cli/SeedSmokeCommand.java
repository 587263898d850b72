package dev.homebudget.cli;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import picocli.CommandLine.Command;

/**
 * The original's smoke fixtures (3 expenses, 2 incomes), idempotent: a row that already
 * exists (expense: same date, business and amount; income: same date, category and
 * amount) is skipped. One transaction.
 */
@Command(name = "seed-smoke", mixinStandardHelpOptions = true,
		description = "Add the smoke-test fixtures (3 expenses, 2 incomes) unless they are already there.")
class SeedSmokeCommand implements Callable<Integer> {

	private static final String SHEKEL = "\u20aa";

	private static final Object[][] EXPENSES = {
			{ "2025-01-15", "Test Supermarket", "Groceries", "150.50", "Credit Card",
					"Weekly groceries for smoke test" },
			{ "2025-01-20", "Test Gas Station", "Transport", "200.00", "Debit Card", "Fuel for smoke test" },
			{ "2025-01-22", "Test Restaurant", "Dining", "85.00", "Credit Card", "Dinner for smoke test" } };

	private static final Object[][] INCOMES = {
			{ "2025-01-01", "Salary", "10000.00", "Bank Account", "Monthly salary for smoke test" },
			{ "2025-01-15", "Freelance", "2500.00", "PayPal", "Freelance project for smoke test" } };

	@Override
	public Integer call() {
		try (CommandContext context = CommandContext.start()) {
			context.migrate();
			JdbcClient jdbc = JdbcClient.create(context.dataSource());
			int[] seeded = new TransactionTemplate(new DataSourceTransactionManager(context.dataSource()))
				.execute((status) -> new int[] { seedExpenses(jdbc), seedIncomes(jdbc) });
			if (seeded[0] + seeded[1] == 0) {
				System.out.println("No new data added (fixtures already present).");
			}
			else {
				System.out.println("Seeded " + seeded[0] + " expense(s) and " + seeded[1] + " income(s).");
			}
			System.out.println("Database now holds " + count(jdbc, "expenses") + " expense(s) and "
					+ count(jdbc, "incomes") + " income(s).");
			return 0;
		}
	}

	private static int seedExpenses(JdbcClient jdbc) {
		int added = 0;
		for (Object[] row : EXPENSES) {
			LocalDate date = LocalDate.parse((String) row[0]);
			BigDecimal amount = new BigDecimal((String) row[3]);
			boolean exists = jdbc.sql(
					"SELECT EXISTS (SELECT 1 FROM expenses WHERE date = :date AND business IS NOT DISTINCT FROM :business"
							+ " AND amount = :amount)")
				.param("date", date)
				.param("business", row[1])
				.param("amount", amount)
				.query(Boolean.class)
				.single();
			if (!exists) {
				jdbc.sql("INSERT INTO expenses (date, business, category, amount, account, currency, notes) "
						+ "VALUES (:date, :business, :category, :amount, :account, :currency, :notes)")
					.param("date", date)
					.param("business", row[1])
					.param("category", row[2])
					.param("amount", amount)
					.param("account", row[4])
					.param("currency", SHEKEL)
					.param("notes", row[5])
					.update();
				added++;
			}
		}
		return added;
	}

	private static int seedIncomes(JdbcClient jdbc) {
		int added = 0;
		for (Object[] row : INCOMES) {
			LocalDate date = LocalDate.parse((String) row[0]);
			BigDecimal amount = new BigDecimal((String) row[2]);
			boolean exists = jdbc.sql(
					"SELECT EXISTS (SELECT 1 FROM incomes WHERE date = :date AND category = :category AND amount = :amount)")
				.param("date", date)
				.param("category", row[1])
				.param("amount", amount)
				.query(Boolean.class)
				.single();
			if (!exists) {
				jdbc.sql("INSERT INTO incomes (date, category, amount, account, currency, notes) "
						+ "VALUES (:date, :category, :amount, :account, :currency, :notes)")
					.param("date", date)
					.param("category", row[1])
					.param("amount", amount)
					.param("account", row[3])
					.param("currency", SHEKEL)
					.param("notes", row[4])
					.update();
				added++;
			}
		}
		return added;
	}

	static long count(JdbcClient jdbc, String table) {
		return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

}
