package dev.homebudget.report;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.homebudget.expense.Expense;
import dev.homebudget.income.Income;
import dev.homebudget.ledger.EntryMonthConverted;
import dev.homebudget.ledger.EntryQueries;
import dev.homebudget.ledger.EntryRepository;
import dev.homebudget.ledger.EntryTotals;
import dev.homebudget.ledger.JdbcEntries;
import dev.homebudget.support.MigratedDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kept converted month totals (V24) after random sequences of writes of entries
 * (inserts, edits across months, categories, currencies and households, amounts charged
 * in a currency set and cleared, deletes, COPY as a restore loads, a table reloaded as a
 * restore does, truncation, rolled-back transactions), of exchange rates (one rate, a
 * year of daily rates imported at once, edits of rates and days, deletes, truncation) and
 * of base currencies equal a recomputation after every step; and the converted totals the
 * reports read (per month, per category, over a range, in the household's base and in
 * another currency) equal exactly the statement that converted the entries before V24,
 * which this test keeps as the model.
 */
class ConvertedTotalsPropertyTests {

	private static final String[] CATEGORIES = { "Food", "Rent", "Fun", "Travel" };

	/** Entry currency texts: ILS, USD (twice), EUR, GBP, and one naming no currency. */
	private static final String[] CURRENCIES = { "\u20aa", "USD", "$", "EUR", "GBP", "gold" };

	private static final String[] CODES = { "ILS", "USD", "EUR", "GBP" };

	private static DataSource dataSource;

	private static JdbcClient jdbc;

	private static int secondHousehold;

	@BeforeAll
	static void migrate() {
		DataSource migrated = MigratedDatabase.migrated("converted_totals");
		MigratedDatabase.truncate(migrated, "expenses", "incomes", "exchange_rates");
		try {
			dataSource = new SingleConnectionDataSource(migrated.getConnection(), true);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
		jdbc = JdbcClient.create(dataSource);
		secondHousehold = jdbc.sql("INSERT INTO households (name, base_currency) VALUES ('second', 'USD') RETURNING id")
			.query(Integer.class)
			.single();
	}

	@Test
	void keptConvertedTotalsEqualTheConversionBeforeAfterEveryStep() throws Exception {
		for (long seed = 1; seed <= 4; seed++) {
			Random random = new Random(seed);
			for (int step = 0; step < 70; step++) {
				String done = step(random);
				assertThat(EntryMonthConverted.differences(jdbc)).as("seed " + seed + ", step " + step + ": " + done)
					.isEmpty();
				if (step % 7 == 6) {
					assertReportsAsBefore(random, "seed " + seed + ", step " + step);
				}
			}
		}
	}

	/** One random write; returns what it did. */
	private static String step(Random random) throws Exception {
		String table = random.nextBoolean() ? "expenses" : "incomes";
		List<Integer> ids = jdbc.sql("SELECT id FROM " + table + " ORDER BY id").query(Integer.class).list();
		int choice = random.nextInt(100);
		if (ids.size() < 5 || choice < 20) {
			return insert(random, table, 1 + random.nextInt(6));
		}
		List<Integer> some = pick(random, ids, 1 + random.nextInt(4));
		String idList = some.stream().map(String::valueOf).collect(Collectors.joining(","));
		if (choice < 28) {
			return update("UPDATE " + table + " SET date = CASE WHEN id % 3 = 0 THEN date ELSE DATE '" + date(random)
					+ "' END, category = CASE WHEN id % 2 = 0 THEN '" + category(random)
					+ "' ELSE category END, currency = '" + currency(random) + "', amount = amount + "
					+ random.nextInt(3) + " WHERE id IN (" + idList + ")");
		}
		if (choice < 34) {
			// what it was charged in some currency (often the base), or forgotten
			return update(random.nextInt(3) == 0
					? "UPDATE " + table + " SET charged_amount = NULL, charged_currency = NULL WHERE id IN (" + idList
							+ ")"
					: "UPDATE " + table + " SET charged_amount = " + amount(random) + ", charged_currency = '"
							+ code(random) + "' WHERE id IN (" + idList + ")");
		}
		if (choice < 37) {
			return update("UPDATE " + table + " SET household_id = CASE household_id WHEN 1 THEN " + secondHousehold
					+ " ELSE 1 END, category_id = NULL WHERE id IN (" + idList + ")");
		}
		if (choice < 39) {
			return update("UPDATE " + table + " SET notes = 'edited' WHERE id IN (" + idList + ")");
		}
		if (choice < 45) {
			repository(table, 1).deleteAllById(some);
			repository(table, secondHousehold).deleteAllById(some);
			return "delete " + some + " from " + table;
		}
		if (choice < 48) {
			return copy(random, table, ids.get(ids.size() - 1) + 1);
		}
		if (choice < 50) {
			return reload(table);
		}
		if (choice < 60) {
			String sql = "INSERT INTO exchange_rates (household_id, day, currency, quote, rate) VALUES ("
					+ household(random) + ", '" + date(random) + "', " + pair(random) + ", " + rate(random)
					+ ") ON CONFLICT DO NOTHING";
			return update(sql);
		}
		if (choice < 65) {
			// a CSV import: a year of daily rates in one statement
			LocalDate start = date(random).minusDays(200);
			return update("INSERT INTO exchange_rates (household_id, day, currency, quote, rate, source) SELECT "
					+ household(random) + ", d::date, " + pair(random) + ", " + rate(random)
					+ " + 0.01 * ((d::date - DATE '2024-01-01') % 7), 'import' FROM generate_series(DATE '" + start
					+ "', DATE '" + start.plusDays(365) + "', interval '1 day') d ON CONFLICT DO NOTHING");
		}
		if (choice < 72) {
			List<Integer> rates = jdbc.sql("SELECT id FROM exchange_rates ORDER BY id").query(Integer.class).list();
			if (rates.isEmpty()) {
				return insert(random, table, 2);
			}
			String rateIds = pick(random, rates, 1 + random.nextInt(3)).stream()
				.map(String::valueOf)
				.collect(Collectors.joining(","));
			return update(random.nextBoolean()
					? "UPDATE exchange_rates SET rate = rate * 1.37 WHERE id IN (" + rateIds + ")"
					: "UPDATE exchange_rates SET day = day - " + (1 + random.nextInt(60)) + " WHERE id IN (" + rateIds
							+ ") AND NOT EXISTS (SELECT 1 FROM exchange_rates o WHERE o.household_id = "
							+ "exchange_rates.household_id AND o.currency = exchange_rates.currency AND o.quote = "
							+ "exchange_rates.quote AND o.day < exchange_rates.day AND o.day >= exchange_rates.day - 60)");
		}
		if (choice < 78) {
			return update(random.nextBoolean()
					? "DELETE FROM exchange_rates WHERE id IN (SELECT id FROM exchange_rates ORDER BY random() LIMIT 3)"
					: "DELETE FROM exchange_rates WHERE day >= DATE '" + date(random) + "' AND currency = '"
							+ code(random) + "'");
		}
		if (choice < 80) {
			return update("TRUNCATE exchange_rates");
		}
		if (choice < 87) {
			return update(
					"UPDATE households SET base_currency = '" + code(random) + "' WHERE id = " + household(random));
		}
		if (choice < 92) {
			try {
				new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult((status) -> {
					jdbc.sql("DELETE FROM " + table + " WHERE id IN (" + idList + ")").update();
					jdbc.sql("INSERT INTO exchange_rates (household_id, day, currency, quote, rate) "
							+ "VALUES (1, '2024-03-03', 'USD', 'ILS', 9) ON CONFLICT DO NOTHING")
						.update();
					jdbc.sql("UPDATE households SET base_currency = 'GBP' WHERE id = 1").update();
					throw new IllegalStateException("rolled back");
				});
			}
			catch (IllegalStateException expected) {
				// the point of this step
			}
			return "rolled back a delete, a rate and a base change";
		}
		if (choice < 94) {
			return update("TRUNCATE " + table + " CASCADE");
		}
		return update("DELETE FROM " + table + " WHERE date < DATE '" + date(random) + "'");
	}

	private static String update(String sql) {
		jdbc.sql(sql).update();
		return sql;
	}

	private static String insert(Random random, String table, int rows) {
		List<String> values = new ArrayList<>();
		for (int i = 0; i < rows; i++) {
			boolean charged = random.nextInt(4) == 0;
			values.add("(" + household(random) + ", '" + date(random) + "', '" + category(random) + "', "
					+ amount(random) + ", 'Cash', '" + currency(random) + "', "
					+ (charged ? amount(random) + ", '" + code(random) + "'" : "NULL, NULL") + ")");
		}
		return update("INSERT INTO " + table
				+ " (household_id, date, category, amount, account, currency, charged_amount, charged_currency) VALUES "
				+ String.join(", ", values));
	}

	/** Rows loaded as a backup restore loads them. */
	private static String copy(Random random, String table, int firstId) throws Exception {
		StringBuilder rows = new StringBuilder();
		for (int i = 0; i < 3; i++) {
			rows.append(firstId + i)
				.append('\t')
				.append(household(random))
				.append('\t')
				.append(date(random))
				.append('\t')
				.append(category(random))
				.append('\t')
				.append(amount(random))
				.append("\tCash\t")
				.append(currency(random))
				.append('\n');
		}
		try (Connection connection = dataSource.getConnection()) {
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("COPY " + table + " (id, household_id, date, category, amount, account, currency) FROM STDIN",
						new StringReader(rows.toString()));
		}
		JdbcEntries.keepIdentityAheadOfIds(jdbc, table);
		return "COPY into " + table + ":\n" + rows;
	}

	/** A table emptied and loaded again with COPY, as a restore replaces it. */
	private static String reload(String table) throws Exception {
		String columns = "id, household_id, date, category, category_id, amount, account, currency, charged_amount, "
				+ "charged_currency";
		StringWriter rows = new StringWriter();
		try (Connection connection = dataSource.getConnection()) {
			PGConnection pg = connection.unwrap(PGConnection.class);
			pg.getCopyAPI().copyOut("COPY " + table + " (" + columns + ") TO STDOUT", rows);
			jdbc.sql("TRUNCATE " + table + " CASCADE").update();
			pg.getCopyAPI()
				.copyIn("COPY " + table + " (" + columns + ") FROM STDIN", new StringReader(rows.toString()));
		}
		return "reloaded " + table;
	}

	private static EntryRepository<?, ?> repository(String table, int household) {
		return table.equals("expenses") ? new JdbcEntries<>(jdbc, Expense.TYPE).forHousehold(household)
				: new JdbcEntries<>(jdbc, Income.TYPE).forHousehold(household);
	}

	private static List<Integer> pick(Random random, List<Integer> ids, int count) {
		List<Integer> picked = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			picked.add(ids.get(random.nextInt(ids.size())));
		}
		return picked.stream().distinct().toList();
	}

	private static int household(Random random) {
		return random.nextInt(4) == 0 ? secondHousehold : 1;
	}

	private static LocalDate date(Random random) {
		return LocalDate.of(2024, 1, 1).plusDays(random.nextInt(500));
	}

	private static String category(Random random) {
		return CATEGORIES[random.nextInt(CATEGORIES.length)];
	}

	private static String currency(Random random) {
		return CURRENCIES[random.nextInt(CURRENCIES.length)];
	}

	private static String code(Random random) {
		return CODES[random.nextInt(CODES.length)];
	}

	/** {@code 'USD', 'ILS'}: a currency and a different quote. */
	private static String pair(Random random) {
		String currency = code(random);
		String quote = code(random);
		while (quote.equals(currency)) {
			quote = code(random);
		}
		return "'" + currency + "', '" + quote + "'";
	}

	/** A rate with up to six decimals, whose inverse and crosses do not end. */
	private static String rate(Random random) {
		return BigDecimal.valueOf(100_000 + random.nextInt(4_900_000), 6).toPlainString();
	}

	private static BigDecimal amount(Random random) {
		return BigDecimal.valueOf(random.nextInt(100_000), 2);
	}

	/**
	 * The converted totals the repositories give equal the statement before V24, for the
	 * household's base and another currency, every grouping and random ranges.
	 */
	private static void assertReportsAsBefore(Random random, String when) {
		for (String table : List.of("expenses", "incomes")) {
			for (int household : List.of(1, secondHousehold)) {
				EntryRepository<?, ?> repository = repository(table, household);
				String householdBase = jdbc.sql("SELECT base_currency FROM households WHERE id = :id")
					.param("id", household)
					.query(String.class)
					.single();
				for (String base : List.of(householdBase, code(random))) {
					for (int i = 0; i < 5; i++) {
						LocalDate from = (i == 0) ? null : date(random).minusDays(random.nextInt(40));
						LocalDate to = (i == 1) ? null : date(random).plusDays(random.nextInt(120));
						if (i == 2) {
							from = YearMonth.from(date(random)).atDay(1);
							to = YearMonth.from(from).plusMonths(random.nextInt(3)).atEndOfMonth();
						}
						if (i == 3) {
							// a year, as the monthly report asks
							from = LocalDate.of(2024 + random.nextInt(2), 1, 1);
							to = from.plusYears(1).minusDays(1);
						}
						if (from != null && to != null && from.isAfter(to)) {
							LocalDate swap = from;
							from = to;
							to = swap;
						}
						for (EntryTotals.Grouping grouping : EntryTotals.Grouping.values()) {
							assertThat(repository.converted(EntryQueries.range(from, to), grouping, base))
								.as(when + ": " + table + " " + household + " " + from + ".." + to + " " + grouping
										+ " in " + base)
								.isEqualTo(convertedBefore(table, household, from, to, grouping, base));
						}
					}
				}
			}
		}
	}

	/** The statement JdbcEntries sent before V24 (the model). */
	private static List<EntryTotals.Converted> convertedBefore(String table, int household, LocalDate from,
			LocalDate to, EntryTotals.Grouping grouping, String base) {
		String key = switch (grouping) {
			case NONE -> "''";
			case MONTH -> "to_char(date, 'YYYY-MM')";
			case CATEGORY -> "category_id";
		};
		String where = " WHERE household_id = :household" + ((from != null) ? " AND date >= :from" : "")
				+ ((to != null) ? " AND date <= :to" : "");
		String days = "SELECT " + key + " AS key, "
				+ "CASE WHEN charged_currency = :base THEN :base ELSE COALESCE(currency_code, 'XXX') END AS currency, "
				+ "CASE WHEN charged_currency = :base OR COALESCE(currency_code, 'XXX') = :base THEN NULL ELSE date END"
				+ " AS date, sum(CASE WHEN charged_currency = :base THEN charged_amount ELSE amount END) AS amount, "
				+ "count(*) AS n, min(category) AS text FROM " + table + where + " GROUP BY 1, 2, 3";
		String sql = "SELECT "
				+ ((grouping == EntryTotals.Grouping.CATEGORY)
						? "COALESCE((SELECT c.name FROM categories c WHERE c.id = d.key), min(d.text))" : "d.key::text")
				+ " AS key, round(COALESCE(sum(d.amount * r.rate) FILTER (WHERE r.rate IS NOT NULL), 0), 2) AS total,"
				+ " COALESCE(sum(d.n) FILTER (WHERE r.rate IS NOT NULL), 0) AS converted,"
				+ " COALESCE(sum(d.n) FILTER (WHERE r.rate IS NULL), 0) AS unconverted FROM (" + days + ") d"
				+ " CROSS JOIN LATERAL (SELECT CASE WHEN d.currency = :base THEN 1"
				+ " ELSE fx_rate(:household, d.currency, :base, d.date) END AS rate OFFSET 0) r GROUP BY d.key ORDER BY 1";
		JdbcClient.StatementSpec statement = jdbc.sql(sql).param("household", household).param("base", base);
		if (from != null) {
			statement = statement.param("from", from);
		}
		if (to != null) {
			statement = statement.param("to", to);
		}
		return statement
			.query((rs, row) -> new EntryTotals.Converted(rs.getString("key"), base, rs.getBigDecimal("total"),
					rs.getLong("converted"), rs.getLong("unconverted")))
			.list();
	}

	@Test
	void verifyListsEveryDifferenceAndRewriteRepairsThem() {
		insert(new Random(99), "expenses", 5);
		jdbc.sql("INSERT INTO exchange_rates (household_id, day, currency, quote, rate) "
				+ "VALUES (1, '2020-01-01', 'USD', 'ILS', 3.5), (1, '2020-01-01', 'EUR', 'ILS', 4) "
				+ "ON CONFLICT DO NOTHING")
			.update();
		jdbc.sql("UPDATE entry_month_converted SET converted = converted + 1 "
				+ "WHERE ctid = (SELECT min(ctid) FROM entry_month_converted)")
			.update();
		jdbc.sql("INSERT INTO entry_month_converted (household_id, kind, month, category_id, category, currency, "
				+ "converted, converted_entries, unconverted_entries) "
				+ "VALUES (1, 'income', DATE '1990-01-01', NULL, 'Ghost', 'ILS', 5.00, 2, 1)")
			.update();
		// the reports read the kept rows (a range of whole months in the household's
		// base)
		String base = jdbc.sql("SELECT base_currency FROM households WHERE id = 1").query(String.class).single();
		assertThat(repository("incomes", 1).converted(
				EntryQueries.range(LocalDate.of(1990, 1, 1), LocalDate.of(1990, 1, 31)), EntryTotals.Grouping.NONE,
				base))
			.containsExactly(new EntryTotals.Converted("", base, new BigDecimal("5.00"), 2, 1));
		List<EntryMonthConverted.Difference> differences = EntryMonthConverted.differences(jdbc);
		assertThat(differences).hasSize(2);
		assertThat(differences).anySatisfy((difference) -> {
			assertThat(difference.category()).isEqualTo("Ghost");
			assertThat(difference.month()).isEqualTo(YearMonth.of(1990, 1));
			assertThat(difference.keptConverted()).isEqualByComparingTo("5.00");
			assertThat(difference.keptConvertedEntries()).isEqualTo(2);
			assertThat(difference.keptUnconverted()).isEqualTo(1);
			assertThat(difference.computedConverted()).isNull();
			assertThat(difference.computedConvertedEntries()).isZero();
		});
		assertThat(differences)
			.anySatisfy((difference) -> assertThat(difference.keptConverted().subtract(difference.computedConverted()))
				.isEqualByComparingTo("1"));
		new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult((status) -> {
			EntryMonthConverted.lockInputs(jdbc);
			EntryMonthConverted.rewrite(jdbc);
		});
		assertThat(EntryMonthConverted.differences(jdbc)).isEmpty();
	}

}
