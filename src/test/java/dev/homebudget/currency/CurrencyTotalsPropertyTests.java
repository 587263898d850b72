package dev.homebudget.currency;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import javax.sql.DataSource;

import dev.homebudget.expense.Expense;
import dev.homebudget.expense.ExpenseDraft;
import dev.homebudget.ledger.EntryQueries;
import dev.homebudget.ledger.EntryQuery;
import dev.homebudget.ledger.EntryTotals;
import dev.homebudget.ledger.JdbcEntries;
import dev.homebudget.support.MigratedDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No total ever mixes currencies: random entries in several currencies (written as codes
 * and as the original's symbols), random dates and categories, compared with a model
 * computed here for every aggregate the ledger has; and a conversion that uses, for each
 * entry, what it was charged in the base currency when that is recorded, else the rate on
 * or before its date (direct, inverse or across the euro), never a rate that is not
 * there.
 */
class CurrencyTotalsPropertyTests {

	private static final List<String> WRITTEN = List.of("\u20aa", "ILS", "$", "USD", "usd", "\u20ac", "EUR", "CHF");

	private static DataSource dataSource;

	@BeforeAll
	static void migrate() {
		dataSource = MigratedDatabase.migrated("currency_properties");
	}

	private static String code(String written) {
		return switch (written) {
			case "\u20aa", "ILS" -> "ILS";
			case "$", "USD", "usd" -> "USD";
			case "\u20ac", "EUR" -> "EUR";
			default -> written;
		};
	}

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3, 4, 5 })
	void everyAggregateKeepsCurrenciesApartAndConvertsOnlyWithARate(long seed) {
		MigratedDatabase.truncate(dataSource, "expenses");
		JdbcClient jdbc = JdbcClient.create(dataSource);
		jdbc.sql("DELETE FROM exchange_rates").update();
		var expenses = new JdbcEntries<>(jdbc, Expense.TYPE);
		Random random = new Random(seed);
		List<Expense> written = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			LocalDate date = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(500));
			BigDecimal amount = BigDecimal.valueOf(random.nextInt(100_000) + 1, 2);
			String currency = WRITTEN.get(random.nextInt(WRITTEN.size()));
			written.add(expenses
				.create(new ExpenseDraft(date, null, "C" + random.nextInt(4), amount, "Cash", currency, null)));
		}
		// rates: dollars directly, euros by the ECB's layout (one euro in shekels and in
		// dollars), francs never
		Map<LocalDate, BigDecimal> usd = new TreeMap<>();
		Map<LocalDate, BigDecimal> eurIls = new TreeMap<>();
		Map<LocalDate, BigDecimal> eurUsd = new TreeMap<>();
		for (int i = 0; i < 12; i++) {
			LocalDate day = LocalDate.of(2024, 1, 15).plusDays(40L * i);
			usd.put(day, new BigDecimal("3." + (500 + random.nextInt(400))));
			eurIls.put(day.plusDays(3), new BigDecimal("3." + (800 + random.nextInt(199))));
			eurUsd.put(day.plusDays(5), new BigDecimal("1.0" + (100 + random.nextInt(800))));
		}
		usd.forEach((day, rate) -> rate(jdbc, day, "USD", "ILS", rate));
		eurIls.forEach((day, rate) -> rate(jdbc, day, "EUR", "ILS", rate));
		eurUsd.forEach((day, rate) -> rate(jdbc, day, "EUR", "USD", rate));

		// totals per currency
		Map<String, BigDecimal> sums = new TreeMap<>();
		Map<String, Long> counts = new TreeMap<>();
		Map<String, BigDecimal> monthly = new TreeMap<>();
		for (Expense expense : written) {
			String code = code(expense.currency());
			sums.merge(code, expense.amount(), BigDecimal::add);
			counts.merge(code, 1L, Long::sum);
			if (expense.date().getYear() == 2024) {
				monthly.merge(YearMonth.from(expense.date()) + " " + code, expense.amount(), BigDecimal::add);
			}
		}
		List<EntryTotals.Total> totals = expenses.total(null, null);
		assertThat(totals).extracting(EntryTotals.Total::currency).doesNotHaveDuplicates();
		for (EntryTotals.Total total : totals) {
			assertThat(total.total()).as(total.currency()).isEqualByComparingTo(sums.get(total.currency()));
			assertThat(total.count()).isEqualTo(counts.get(total.currency()));
		}
		assertThat(totals).hasSameSizeAs(sums.keySet());
		List<EntryTotals.ByMonth> months = expenses.totalsByMonth(2024);
		assertThat(months).hasSameSizeAs(monthly.keySet());
		months.forEach((month) -> assertThat(month.total())
			.isEqualByComparingTo(monthly.get(month.month() + " " + month.currency())));
		List<EntryTotals.Stats> stats = expenses.stats(EntryQuery.all());
		stats.forEach((one) -> assertThat(one.total()).isEqualByComparingTo(sums.get(one.currency())));
		expenses.totalsByCategory(null, null).forEach((category) -> assertThat(sums).containsKey(category.currency()));

		// what some entries actually cost, from a statement: in shekels (which wins over
		// any rate into shekels), or in dollars (which a conversion into shekels ignores)
		Map<Integer, BigDecimal> chargedIls = new TreeMap<>();
		for (Expense expense : written) {
			int pick = random.nextInt(6);
			if (pick > 1) {
				continue;
			}
			BigDecimal charged = BigDecimal.valueOf(random.nextInt(300_000), 2);
			String in = (pick == 0) ? "ILS" : "USD";
			jdbc.sql("UPDATE expenses SET charged_amount = :amount, charged_currency = :currency WHERE id = :id")
				.param("amount", charged)
				.param("currency", in)
				.param("id", expense.id())
				.update();
			if (pick == 0) {
				chargedIls.put(expense.id(), charged);
			}
		}

		// a conversion into shekels, entry by entry: what it cost in shekels when known,
		// else with the rate on or before its date
		BigDecimal converted = BigDecimal.ZERO;
		long convertedCount = 0;
		long unconverted = 0;
		for (Expense expense : written) {
			BigDecimal rate = rate(code(expense.currency()), expense.date(), usd, eurIls, eurUsd);
			if (chargedIls.containsKey(expense.id())) {
				converted = converted.add(chargedIls.get(expense.id()));
				convertedCount++;
			}
			else if (rate == null) {
				unconverted++;
			}
			else {
				converted = converted.add(expense.amount().multiply(rate));
				convertedCount++;
			}
		}
		EntryTotals.Converted actual = expenses
			.converted(EntryQueries.range(null, null), EntryTotals.Grouping.NONE, "ILS")
			.get(0);
		assertThat(actual.unconverted()).isEqualTo(unconverted);
		assertThat(actual.converted()).isEqualTo(convertedCount);
		assertThat(actual.total()).isEqualByComparingTo(converted.setScale(2, RoundingMode.HALF_UP));
		assertThat(actual.complete()).isEqualTo(unconverted == 0);
	}

	/**
	 * The model of {@code fx_rate}: same currency, direct, inverse, then across the euro.
	 */
	private static BigDecimal rate(String code, LocalDate day, Map<LocalDate, BigDecimal> usd,
			Map<LocalDate, BigDecimal> eurIls, Map<LocalDate, BigDecimal> eurUsd) {
		return switch (code) {
			case "ILS" -> BigDecimal.ONE;
			case "USD" -> {
				BigDecimal direct = latest(usd, day);
				if (direct != null) {
					yield direct;
				}
				BigDecimal a = latest(eurUsd, day);
				BigDecimal b = latest(eurIls, day);
				yield (a != null && b != null) ? b.divide(a, java.math.MathContext.DECIMAL128) : null;
			}
			case "EUR" -> latest(eurIls, day);
			default -> null;
		};
	}

	private static BigDecimal latest(Map<LocalDate, BigDecimal> rates, LocalDate day) {
		BigDecimal found = null;
		for (Map.Entry<LocalDate, BigDecimal> rate : rates.entrySet()) {
			if (!rate.getKey().isAfter(day)) {
				found = rate.getValue();
			}
		}
		return found;
	}

	private static void rate(JdbcClient jdbc, LocalDate day, String currency, String quote, BigDecimal rate) {
		jdbc.sql("INSERT INTO exchange_rates (household_id, day, currency, quote, rate) "
				+ "VALUES (1, :day, :currency, :quote, :rate)")
			.param("day", day)
			.param("currency", currency)
			.param("quote", quote)
			.param("rate", rate)
			.update();
	}

}
