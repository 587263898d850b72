package dev.homebudget.cli;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Realistic household data for demos and benchmarks, the same for the same seed. Loaded
 * with COPY in one transaction, so it is fast and all-or-nothing. Refuses to add to
 * tables that already hold data unless {@code --append} is given.
 */
@Command(name = "seed-test-data", mixinStandardHelpOptions = true,
		description = "Generate test data: --expenses N --incomes M spread over --years up to --until.")
class SeedTestDataCommand implements Callable<Integer> {

	private static final String[][] SPENDING = { { "Groceries", "SuperSal", "Rami Levy", "Shufersal", "20", "900" },
			{ "Transport", "Rav-Kav", "Paz", "Gett", "5", "350" },
			{ "Dining", "Aroma", "Cafe Landwer", "Wolt", "25", "450" },
			{ "Utilities", "Electric Company", "Mei Avivim", "Bezeq", "60", "1200" },
			{ "Rent", "Landlord", "Landlord", "Landlord", "3500", "7500" },
			{ "Health", "Super-Pharm", "Maccabi", "Be", "15", "800" },
			{ "Entertainment", "Cinema City", "Steimatzky", "Netflix", "30", "400" },
			{ "Clothing", "Castro", "Fox", "H&M", "40", "900" } };

	private static final String[][] EARNING = { { "Salary", "8000", "26000" }, { "Freelance", "300", "6000" },
			{ "Gifts", "50", "1500" }, { "Refunds", "10", "900" } };

	private static final String[] ACCOUNTS = { "Visa 1234", "Cash", "Bank Leumi", "Mastercard 9876", "PayPal" };

	@Option(names = "--expenses", description = "Number of expenses (default: ${DEFAULT-VALUE})", defaultValue = "2")
	int expenses;

	@Option(names = "--incomes", description = "Number of incomes (default: ${DEFAULT-VALUE})", defaultValue = "2")
	int incomes;

	@Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE})", defaultValue = "20251110")
	long seed;

	@Option(names = "--years", description = "Years of history (default: ${DEFAULT-VALUE})", defaultValue = "10")
	int years;

	@Option(names = "--until", description = "Last date (default: today)")
	LocalDate until;

	@Option(names = "--append", description = "Add even if the tables already hold data")
	boolean append;

	@Override
	public Integer call() throws Exception {
		if (this.expenses < 0 || this.incomes < 0 || this.years < 1) {
			System.err.println("--expenses and --incomes must be >= 0 and --years >= 1");
			return 2;
		}
		try (CommandContext context = CommandContext.start()) {
			JdbcClient jdbc = JdbcClient.create(context.dataSource());
			long existing = SeedSmokeCommand.count(jdbc, "expenses") + SeedSmokeCommand.count(jdbc, "incomes");
			if (existing > 0 && !this.append) {
				System.out.println("The database already holds " + existing
						+ " entries; nothing added (use --append to add anyway).");
				return 0;
			}
			long started = System.nanoTime();
			load(context.dataSource());
			long millis = (System.nanoTime() - started) / 1_000_000;
			System.out.println(
					"Added " + this.expenses + " expense(s) and " + this.incomes + " income(s) in " + millis + " ms.");
			return 0;
		}
	}

	private void load(DataSource dataSource) throws SQLException, IOException {
		LocalDate last = (this.until != null) ? this.until : LocalDate.now();
		LocalDate first = last.minusYears(this.years).plusDays(1);
		int days = (int) ChronoUnit.DAYS.between(first, last) + 1;
		SplittableRandom random = new SplittableRandom(this.seed);
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				var copy = connection.unwrap(PGConnection.class).getCopyAPI();
				copy.copyIn("COPY expenses (date, business, category, amount, account, currency, notes) FROM STDIN",
						new StringReader(expenseRows(random, first, days)));
				copy.copyIn("COPY incomes (date, category, amount, account, currency, notes) FROM STDIN",
						new StringReader(incomeRows(random, first, days)));
				connection.commit();
			}
			catch (SQLException | IOException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
			// a bulk load leaves no statistics and no visibility map; settle them as
			// autovacuum
			// eventually would, so that queries right after seeding run as they will
			// later
			connection.setAutoCommit(true);
			try (var statement = connection.createStatement()) {
				statement.execute("VACUUM (ANALYZE) expenses, incomes");
			}
		}
	}

	private String expenseRows(SplittableRandom random, LocalDate first, int days) {
		StringBuilder rows = new StringBuilder(this.expenses * 80);
		for (int i = 0; i < this.expenses; i++) {
			String[] kind = SPENDING[random.nextInt(SPENDING.length)];
			String business = kind[1 + random.nextInt(3)];
			String notes = (random.nextInt(4) == 0) ? "note " + i : "\\N";
			rows.append(first.plusDays(random.nextInt(days)))
				.append('\t')
				.append(business)
				.append('\t')
				.append(kind[0])
				.append('\t')
				.append(amount(random, kind[4], kind[5]))
				.append('\t')
				.append(ACCOUNTS[random.nextInt(ACCOUNTS.length)])
				.append('\t')
				.append(currency(random))
				.append('\t')
				.append(notes)
				.append('\n');
		}
		return rows.toString();
	}

	private String incomeRows(SplittableRandom random, LocalDate first, int days) {
		StringBuilder rows = new StringBuilder(this.incomes * 70);
		for (int i = 0; i < this.incomes; i++) {
			String[] kind = EARNING[random.nextInt(EARNING.length)];
			rows.append(first.plusDays(random.nextInt(days)))
				.append('\t')
				.append(kind[0])
				.append('\t')
				.append(amount(random, kind[1], kind[2]))
				.append('\t')
				.append(ACCOUNTS[random.nextInt(ACCOUNTS.length)])
				.append('\t')
				.append(currency(random))
				.append('\t')
				.append((random.nextInt(3) == 0) ? "income " + i : "\\N")
				.append('\n');
		}
		return rows.toString();
	}

	private static String currency(SplittableRandom random) {
		return (random.nextInt(20) == 0) ? "$" : "\u20aa";
	}

	/** An exact amount with two decimals between the bounds, drawn in cents. */
	private static BigDecimal amount(SplittableRandom random, String low, String high) {
		long lowCents = new BigDecimal(low).movePointRight(2).longValueExact();
		long highCents = new BigDecimal(high).movePointRight(2).longValueExact();
		return BigDecimal.valueOf(random.nextLong(lowCents, highCents + 1), 2).setScale(2, RoundingMode.UNNECESSARY);
	}

}
