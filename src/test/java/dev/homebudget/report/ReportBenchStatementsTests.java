package dev.homebudget.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.homebudget.ledger.EntryKind;
import dev.homebudget.ledger.EntryMonthTotals;
import dev.homebudget.ledger.JdbcEntries;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark compares the reports with pgbench running "the same SQL" (bench/sql): the
 * statements of the monthly and category reports there are the ones the app sends for
 * household 1 and 2024 (the converted ones, which still read the entries, are checked by
 * hand).
 */
class ReportBenchStatementsTests {

	@Test
	void benchmarkCeilingRunsTheReportStatementsTheAppSends() throws IOException {
		List<String> monthly = Files.readAllLines(Path.of("bench", "sql", "monthly.sql"));
		assertThat(monthly.get(0)).isEqualTo(monthly(EntryKind.EXPENSE));
		assertThat(monthly.get(1)).isEqualTo(monthly(EntryKind.INCOME));
		List<String> categories = Files.readAllLines(Path.of("bench", "sql", "categories.sql"));
		EntryMonthTotals.Parts year = EntryMonthTotals.parts(EntryKind.EXPENSE, 1, LocalDate.of(2024, 1, 1),
				LocalDate.of(2024, 12, 31));
		assertThat(categories.get(0)).isEqualTo(withValues(JdbcEntries.totalsByCategorySql(year), year.parameters()));
	}

	private static String monthly(EntryKind kind) {
		return withValues(JdbcEntries.totalsByMonthSql(kind),
				Map.of("household", 1, "start", LocalDate.of(2024, 1, 1), "end", LocalDate.of(2024, 12, 1)));
	}

	private static String withValues(String sql, Map<String, Object> parameters) {
		for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
			Object value = parameter.getValue();
			sql = sql.replace(":" + parameter.getKey(),
					(value instanceof LocalDate) ? "'" + value + "'" : value.toString());
		}
		return sql + ";";
	}

}
