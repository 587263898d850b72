package dev.homebudget.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.homebudget.ledger.EntryKind;
import dev.homebudget.ledger.EntryMonthConverted;
import dev.homebudget.ledger.EntryMonthTotals;
import dev.homebudget.ledger.EntryTotals;
import dev.homebudget.ledger.JdbcEntries;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark compares the reports with pgbench running "the same SQL" (bench/sql): the
 * statements of the monthly and category reports there are the ones the app sends for
 * household 1 and 2024: per currency, and converted into the base currency (ILS there); a
 * month's budget reads its income as the app does; the expense summary of a year reads
 * its totals per currency and its converted total as the app does.
 */
class ReportBenchStatementsTests {

	@Test
	void benchmarkCeilingRunsTheReportStatementsTheAppSends() throws IOException {
		List<String> monthly = Files.readAllLines(Path.of("bench", "sql", "monthly.sql"));
		assertThat(monthly.get(0)).isEqualTo(monthly(EntryKind.EXPENSE));
		assertThat(monthly.get(1)).isEqualTo(monthly(EntryKind.INCOME));
		assertThat(monthly.get(3)).isEqualTo(converted(EntryKind.EXPENSE, EntryTotals.Grouping.MONTH));
		assertThat(monthly.get(4)).isEqualTo(converted(EntryKind.INCOME, EntryTotals.Grouping.MONTH));
		List<String> categories = Files.readAllLines(Path.of("bench", "sql", "categories.sql"));
		EntryMonthTotals.Parts year = EntryMonthTotals.parts(EntryKind.EXPENSE, 1, LocalDate.of(2024, 1, 1),
				LocalDate.of(2024, 12, 31));
		assertThat(categories.get(0)).isEqualTo(withValues(JdbcEntries.totalsByCategorySql(year), year.parameters()));
		assertThat(categories.get(2)).isEqualTo(converted(EntryKind.EXPENSE, EntryTotals.Grouping.CATEGORY));
		// a month's budget: the income of June 2025 in the base currency
		List<String> budget = Files.readAllLines(Path.of("bench", "sql", "budget.sql"));
		EntryMonthTotals.Parts june = EntryMonthConverted.convertedSql(EntryKind.INCOME, 1, "ILS",
				LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30), EntryTotals.Grouping.NONE);
		assertThat(budget.get(budget.size() - 2)).isEqualTo(withValues(june.sql(), june.parameters()));
		// the expense summary of 2024 (three currencies, no averages asked for): the base
		// currency, the totals per currency from the kept month totals, the converted
		// total
		List<String> summary = Files.readAllLines(Path.of("bench", "sql", "summary.sql"));
		assertThat(summary.get(0)).isEqualTo("SELECT base_currency FROM households WHERE id = 1;");
		assertThat(summary.get(1)).isEqualTo(withValues(JdbcEntries.totalSql(year), year.parameters()));
		assertThat(summary.get(2)).isEqualTo(converted(EntryKind.EXPENSE, EntryTotals.Grouping.NONE));
	}

	private static String converted(EntryKind kind, EntryTotals.Grouping grouping) {
		EntryMonthTotals.Parts year = EntryMonthConverted.convertedSql(kind, 1, "ILS", LocalDate.of(2024, 1, 1),
				LocalDate.of(2024, 12, 31), grouping);
		return withValues(year.sql(), year.parameters());
	}

	private static String monthly(EntryKind kind) {
		return withValues(JdbcEntries.totalsByMonthSql(kind),
				Map.of("household", 1, "start", LocalDate.of(2024, 1, 1), "end", LocalDate.of(2024, 12, 1)));
	}

	private static String withValues(String sql, Map<String, Object> parameters) {
		// the longest names first: :whole_to is the start of :whole_to_day
		List<String> names = parameters.keySet()
			.stream()
			.sorted(Comparator.comparing(String::length).reversed())
			.toList();
		for (String name : names) {
			Object value = parameters.get(name);
			sql = sql.replace(":" + name,
					(value instanceof LocalDate || value instanceof String) ? "'" + value + "'" : value.toString());
		}
		return sql + ";";
	}

}
