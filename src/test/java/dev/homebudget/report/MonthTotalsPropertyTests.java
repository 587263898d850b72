package dev.homebudget.report;

import java.io.StringReader;
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
import dev.homebudget.ledger.EntryKind;
import dev.homebudget.ledger.EntryMonthTotals;
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
 * The kept month totals (V23) after random sequences of writes of every shape the app
 * sends (one or many rows per statement; edits that move rows across months, categories,
 * currencies and households; deletes by id and in bulk; upserts under given ids as a
 * mirror or import writes them; COPY as a restore loads; renames and merges of
 * categories; truncation; transactions rolled back) equal a recomputation from the
 * entries after every step, and the reports read from them equal the statements that
 * scanned the entries before V23, for random ranges.
 */
class MonthTotalsPropertyTests {

	private static final String[] CATEGORIES = { "Food", "Rent", "Fun", "food ", "Travel" };

	private static final String[] CURRENCIES = { "\u20aa", "USD", "$", "EUR", "gold" };

	private static DataSource dataSource;

	private static JdbcClient jdbc;

	private static int secondHousehold;

	@BeforeAll
	static void migrate() {
		DataSource migrated = MigratedDatabase.migrated("month_totals");
		MigratedDatabase.truncate(migrated, "expenses", "incomes");
		// one connection for every step (a new one per statement is slow on a busy box)
		try {
			dataSource = new SingleConnectionDataSource(migrated.getConnection(), true);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
		jdbc = JdbcClient.create(dataSource);
		secondHousehold = jdbc.sql("INSERT INTO households (name) VALUES ('second') RETURNING id")
			.query(Integer.class)
			.single();
	}

	@Test
	void keptTotalsEqualARecomputationAfterEveryStep() throws Exception {
		for (long seed = 1; seed <= 4; seed++) {
			Random random = new Random(seed);
			for (int step = 0; step < 60; step++) {
				String done = step(random);
				assertThat(EntryMonthTotals.differences(jdbc)).as("seed " + seed + ", step " + step + ": " + done)
					.isEmpty();
				if (step % 10 == 9) {
					assertReportsAsBefore(random);
				}
			}
		}
	}

	/** One random write; returns what it did. */
	private static String step(Random random) throws Exception {
		String table = random.nextBoolean() ? "expenses" : "incomes";
		List<Integer> ids = jdbc.sql("SELECT id FROM " + table + " ORDER BY id").query(Integer.class).list();
		int choice = random.nextInt(100);
		if (ids.size() < 5 || choice < 25) {
			return insert(random, table, 1 + random.nextInt(6));
		}
		List<Integer> some = pick(random, ids, 1 + random.nextInt(4));
		String idList = some.stream().map(String::valueOf).collect(Collectors.joining(","));
		if (choice < 45) {
			// move across month, category, currency, amount (some or all of them)
			String sql = "UPDATE " + table + " SET date = CASE WHEN id % 3 = 0 THEN date ELSE DATE '" + date(random)
					+ "' END, category = CASE WHEN id % 2 = 0 THEN '" + category(random)
					+ "' ELSE category END, currency = '" + currency(random) + "', amount = amount + "
					+ random.nextInt(3) + ", version = version + 1 WHERE id IN (" + idList + ")";
			jdbc.sql(sql).update();
			return sql;
		}
		if (choice < 50) {
			String sql = "UPDATE " + table + " SET notes = 'edited', account = 'Visa' WHERE id IN (" + idList + ")";
			jdbc.sql(sql).update();
			return sql;
		}
		if (choice < 55) {
			String sql = "UPDATE " + table + " SET household_id = CASE household_id WHEN 1 THEN " + secondHousehold
					+ " ELSE 1 END, category_id = NULL WHERE id IN (" + idList + ")";
			jdbc.sql(sql).update();
			return sql;
		}
		if (choice < 68) {
			// one by id, or a bulk delete
			repository(table, 1).deleteAllById(some);
			repository(table, secondHousehold).deleteAllById(some);
			return "delete " + some + " from " + table;
		}
		if (choice < 76) {
			// as a mirror or an import writes rows under their own ids: some new, some
			// replaced
			int id = ids.get(ids.size() - 1) + 1;
			String sql = "INSERT INTO " + table + " (id, date, category, amount, account, currency, version) VALUES ("
					+ some.get(0) + ", '" + date(random) + "', '" + category(random) + "', " + amount(random)
					+ ", 'Cash', '" + currency(random) + "', 7), (" + id + ", '" + date(random) + "', '"
					+ category(random) + "', " + amount(random) + ", 'Cash', '" + currency(random)
					+ "', 1) ON CONFLICT (id) DO UPDATE SET date = EXCLUDED.date, category = EXCLUDED.category, "
					+ "amount = EXCLUDED.amount, currency = EXCLUDED.currency, version = EXCLUDED.version";
			jdbc.sql(sql).update();
			JdbcEntries.keepIdentityAheadOfIds(jdbc, table);
			return sql;
		}
		if (choice < 82) {
			return copy(random, table, ids.get(ids.size() - 1) + 1);
		}
		if (choice < 88) {
			// a category renamed or merged into another: every entry of it moves at once
			EntryKind kind = table.equals("expenses") ? EntryKind.EXPENSE : EntryKind.INCOME;
			List<Integer> categories = jdbc
				.sql("SELECT id FROM categories WHERE household_id = 1 AND kind = :kind ORDER BY id")
				.param("kind", kind.entryName())
				.query(Integer.class)
				.list();
			if (categories.size() < 2) {
				return insert(random, table, 2);
			}
			int from = categories.get(random.nextInt(categories.size()));
			int to = categories.get(random.nextInt(categories.size()));
			String name = jdbc.sql("SELECT name FROM categories WHERE id = :id")
				.param("id", to)
				.query(String.class)
				.single();
			repository(table, 1).moveCategory(from, to, name);
			return "move category " + from + " to " + to + " in " + table;
		}
		if (choice < 95) {
			// a transaction that fails after its writes leaves the totals as they were
			try {
				new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult((status) -> {
					jdbc.sql("DELETE FROM " + table + " WHERE id IN (" + idList + ")").update();
					jdbc.sql("INSERT INTO " + table
							+ " (date, category, amount, account) VALUES ('2025-02-02', 'Rent', 5, 'Cash')")
						.update();
					throw new IllegalStateException("rolled back");
				});
			}
			catch (IllegalStateException expected) {
				// the point of this step
			}
			return "rolled back a delete and an insert in " + table;
		}
		if (choice < 97) {
			jdbc.sql("TRUNCATE " + table + " CASCADE").update();
			return "truncate " + table;
		}
		String sql = "DELETE FROM " + table + " WHERE date < DATE '2024-07-01'";
		jdbc.sql(sql).update();
		return sql;
	}

	private static String insert(Random random, String table, int rows) {
		List<String> values = new ArrayList<>();
		for (int i = 0; i < rows; i++) {
			int household = random.nextInt(4) == 0 ? secondHousehold : 1;
			values.add("(" + household + ", '" + date(random) + "', '" + category(random) + "', " + amount(random)
					+ ", 'Cash', '" + currency(random) + "')");
		}
		String sql = "INSERT INTO " + table + " (household_id, date, category, amount, account, currency) VALUES "
				+ String.join(", ", values);
		jdbc.sql(sql).update();
		return sql;
	}

	/** Rows loaded as a backup restore loads them. */
	private static String copy(Random random, String table, int firstId) throws Exception {
		StringBuilder rows = new StringBuilder();
		for (int i = 0; i < 3; i++) {
			rows.append(firstId + i)
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
				.copyIn("COPY " + table + " (id, date, category, amount, account, currency) FROM STDIN",
						new StringReader(rows.toString()));
		}
		JdbcEntries.keepIdentityAheadOfIds(jdbc, table);
		return "COPY into " + table + ":\n" + rows;
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

	private static LocalDate date(Random random) {
		return LocalDate.of(2024, 1, 1).plusDays(random.nextInt(500));
	}

	private static String category(Random random) {
		return CATEGORIES[random.nextInt(CATEGORIES.length)];
	}

	private static String currency(Random random) {
		return CURRENCIES[random.nextInt(CURRENCIES.length)];
	}

	private static BigDecimal amount(Random random) {
		return BigDecimal.valueOf(random.nextInt(100_000), 2);
	}

	/** The reports read from the kept totals equal the statements before V23. */
	private static void assertReportsAsBefore(Random random) {
		for (String table : List.of("expenses", "incomes")) {
			for (int household : List.of(1, secondHousehold)) {
				EntryRepository<?, ?> repository = repository(table, household);
				for (int year : List.of(2024, 2025)) {
					assertThat(repository.totalsByMonth(year)).as(table + " " + household + " " + year)
						.isEqualTo(monthsBefore(table, household, year));
				}
				for (int i = 0; i < 8; i++) {
					LocalDate from = (i == 0) ? null : date(random).minusDays(random.nextInt(40));
					LocalDate to = (i == 1) ? null : date(random).plusDays(random.nextInt(90));
					if (i == 2) {
						from = YearMonth.from(date(random)).atDay(1);
						to = YearMonth.from(from).plusMonths(random.nextInt(3)).atEndOfMonth();
					}
					if (from != null && to != null && from.isAfter(to)) {
						LocalDate swap = from;
						from = to;
						to = swap;
					}
					String range = table + " " + household + " " + from + ".." + to;
					assertThat(repository.totalsByCategory(from, to)).as(range)
						.isEqualTo(categoriesBefore(table, household, from, to));
					assertThat(repository.total(from, to)).as(range).isEqualTo(totalBefore(table, household, from, to));
				}
			}
		}
	}

	private static List<EntryTotals.ByMonth> monthsBefore(String table, int household, int year) {
		return jdbc
			.sql("SELECT to_char(date, 'YYYY-MM') AS month, COALESCE(currency_code, 'XXX') AS currency, "
					+ "sum(amount) AS total, count(*) AS count FROM " + table
					+ " WHERE household_id = :h AND date >= :start AND date < :end GROUP BY 1, 2 ORDER BY 1, 2")
			.param("h", household)
			.param("start", LocalDate.of(year, 1, 1))
			.param("end", LocalDate.of(year + 1, 1, 1))
			.query((rs, row) -> new EntryTotals.ByMonth(YearMonth.parse(rs.getString("month")),
					rs.getString("currency"), rs.getBigDecimal("total"), rs.getLong("count")))
			.list();
	}

	private static String range(LocalDate from, LocalDate to) {
		return ((from != null) ? " AND date >= :from" : "") + ((to != null) ? " AND date <= :to" : "");
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, int household, LocalDate from,
			LocalDate to) {
		statement = statement.param("h", household);
		if (from != null) {
			statement = statement.param("from", from);
		}
		return (to != null) ? statement.param("to", to) : statement;
	}

	private static List<EntryTotals.ByCategory> categoriesBefore(String table, int household, LocalDate from,
			LocalDate to) {
		return bind(jdbc.sql("SELECT COALESCE(c.name, t.category) AS category, t.currency, t.total, t.count FROM "
				+ "(SELECT category_id, min(category) AS category, COALESCE(currency_code, 'XXX') AS currency, "
				+ "sum(amount) AS total, count(*) AS count FROM " + table + " WHERE household_id = :h" + range(from, to)
				+ " GROUP BY category_id, 3) t LEFT JOIN categories c ON c.id = t.category_id"
				+ " ORDER BY t.total DESC, 1, 2"), household, from, to)
			.query((rs, row) -> new EntryTotals.ByCategory(rs.getString("category"), rs.getString("currency"),
					rs.getBigDecimal("total"), rs.getLong("count")))
			.list();
	}

	private static List<EntryTotals.Total> totalBefore(String table, int household, LocalDate from, LocalDate to) {
		return bind(jdbc
			.sql("SELECT COALESCE(currency_code, 'XXX') AS currency, sum(amount) AS total, " + "count(*) AS count FROM "
					+ table + " WHERE household_id = :h" + range(from, to) + " GROUP BY 1 ORDER BY count DESC, 1"),
				household, from, to)
			.query((rs, row) -> new EntryTotals.Total(rs.getString("currency"), rs.getBigDecimal("total"),
					rs.getLong("count")))
			.list();
	}

	@Test
	void verifyListsEveryDifferenceAndRewriteRepairsThem() {
		insert(new Random(99), "expenses", 5);
		jdbc.sql(
				"UPDATE entry_month_totals SET amount = amount + 1 WHERE ctid = (SELECT min(ctid) FROM entry_month_totals)")
			.update();
		jdbc.sql("INSERT INTO entry_month_totals (household_id, kind, month, category_id, category, currency, amount, "
				+ "entries) VALUES (1, 'income', DATE '1990-01-01', NULL, 'Ghost', 'ILS', 5.00, 2)")
			.update();
		List<EntryMonthTotals.Difference> differences = EntryMonthTotals.differences(jdbc);
		assertThat(differences).hasSize(2);
		assertThat(differences).anySatisfy((difference) -> {
			assertThat(difference.category()).isEqualTo("Ghost");
			assertThat(difference.month()).isEqualTo(YearMonth.of(1990, 1));
			assertThat(difference.keptAmount()).isEqualByComparingTo("5.00");
			assertThat(difference.keptCount()).isEqualTo(2);
			assertThat(difference.computedAmount()).isNull();
			assertThat(difference.computedCount()).isZero();
		});
		assertThat(differences)
			.anySatisfy((difference) -> assertThat(difference.keptAmount().subtract(difference.computedAmount()))
				.isEqualByComparingTo("1"));
		new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult((status) -> {
			EntryMonthTotals.lockEntries(jdbc);
			EntryMonthTotals.rewrite(jdbc);
		});
		assertThat(EntryMonthTotals.differences(jdbc)).isEmpty();
	}

}
