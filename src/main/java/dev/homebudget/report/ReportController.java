package dev.homebudget.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.homebudget.expense.ExpenseService;
import dev.homebudget.income.IncomeService;
import dev.homebudget.ledger.EntryField;
import dev.homebudget.ledger.EntryQueries;
import dev.homebudget.ledger.EntryTotals;
import dev.homebudget.web.RequestValidationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/reports}: what the original's repositories could compute but no endpoint
 * served. Amounts are exact sums with two decimals.
 */
@RestController
@RequestMapping(path = "/api/v1/reports", produces = "application/json")
@Tag(name = "reports")
class ReportController {

	private static final int DEFAULT_VALUES = 100;

	private final ExpenseService expenses;

	private final IncomeService incomes;

	ReportController(ExpenseService expenses, IncomeService incomes) {
		this.expenses = expenses;
		this.incomes = incomes;
	}

	@GetMapping("/totals")
	@Operation(operationId = "reportTotals", summary = "Expenses, incomes and balance over a date range")
	@Parameter(name = "from", in = ParameterIn.QUERY, schema = @Schema(type = "string", format = "date"))
	@Parameter(name = "to", in = ParameterIn.QUERY, schema = @Schema(type = "string", format = "date"))
	RangeTotals totals(@Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
		EntryQueries.DateRange range = EntryQueries.dateRange(parameters);
		EntryTotals.Total spent = this.expenses.total(range.from(), range.to());
		EntryTotals.Total earned = this.incomes.total(range.from(), range.to());
		return new RangeTotals(range.from(), range.to(), spent.total(), earned.total(),
				earned.total().subtract(spent.total()), spent.count(), earned.count());
	}

	@GetMapping("/monthly")
	@Operation(operationId = "reportMonthly", summary = "Expenses, incomes and balance for each month of a year")
	@Parameter(name = "year", in = ParameterIn.QUERY, description = "Defaults to the current year",
			schema = @Schema(type = "integer", minimum = "1", maximum = "9999"))
	MonthlyReport monthly(@Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
		int year = year(parameters.get("year"));
		Map<YearMonth, EntryTotals.ByMonth> spent = byMonth(this.expenses.totalsByMonth(year));
		Map<YearMonth, EntryTotals.ByMonth> earned = byMonth(this.incomes.totalsByMonth(year));
		List<MonthTotals> months = new ArrayList<>();
		BigDecimal yearSpent = zero();
		BigDecimal yearEarned = zero();
		for (int month = 1; month <= 12; month++) {
			YearMonth key = YearMonth.of(year, month);
			EntryTotals.ByMonth out = spent.get(key);
			EntryTotals.ByMonth in = earned.get(key);
			BigDecimal outTotal = (out != null) ? out.total() : zero();
			BigDecimal inTotal = (in != null) ? in.total() : zero();
			yearSpent = yearSpent.add(outTotal);
			yearEarned = yearEarned.add(inTotal);
			months.add(new MonthTotals(key.toString(), outTotal, inTotal, inTotal.subtract(outTotal),
					(out != null) ? out.count() : 0, (in != null) ? in.count() : 0));
		}
		return new MonthlyReport(year, months, yearSpent, yearEarned, yearEarned.subtract(yearSpent));
	}

	@GetMapping("/categories")
	@Operation(operationId = "reportCategories",
			summary = "Totals per category over a date range, largest first (the limit largest, 1000 by default)")
	@Parameter(name = "kind", in = ParameterIn.QUERY,
			schema = @Schema(type = "string", allowableValues = { "expense", "income" }, defaultValue = "expense"))
	@Parameter(name = "from", in = ParameterIn.QUERY, schema = @Schema(type = "string", format = "date"))
	@Parameter(name = "to", in = ParameterIn.QUERY, schema = @Schema(type = "string", format = "date"))
	@Parameter(name = "limit", in = ParameterIn.QUERY,
			schema = @Schema(type = "integer", minimum = "1", maximum = "1000", defaultValue = "1000"))
	List<CategoryTotal> categories(@Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
		boolean expense = isExpense(parameters.get("kind"));
		EntryQueries.DateRange range = EntryQueries.dateRange(parameters);
		int limit = limit(parameters.get("limit"), EntryQueries.MAX_LIMIT);
		List<EntryTotals.ByCategory> totals = expense ? this.expenses.totalsByCategory(range.from(), range.to(), limit)
				: this.incomes.totalsByCategory(range.from(), range.to(), limit);
		return totals.stream()
			.map((total) -> new CategoryTotal(total.category(), total.total(), total.count()))
			.toList();
	}

	@GetMapping("/values")
	@Operation(operationId = "reportValues",
			summary = "Distinct categories, businesses or accounts with how often each is used (for suggestions)")
	@Parameter(name = "kind", in = ParameterIn.QUERY,
			schema = @Schema(type = "string", allowableValues = { "expense", "income" }, defaultValue = "expense"))
	@Parameter(name = "field", in = ParameterIn.QUERY, required = true,
			schema = @Schema(type = "string", allowableValues = { "category", "business", "account" }))
	@Parameter(name = "limit", in = ParameterIn.QUERY,
			schema = @Schema(type = "integer", minimum = "1", maximum = "1000", defaultValue = "100"))
	List<ValueCount> values(@Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
		boolean expense = isExpense(parameters.get("kind"));
		EntryField field = valueField(parameters.get("field"), expense);
		int limit = limit(parameters.get("limit"), DEFAULT_VALUES);
		List<EntryTotals.ValueCount> values = expense ? this.expenses.distinctValues(field, limit)
				: this.incomes.distinctValues(field, limit);
		return values.stream().map((value) -> new ValueCount(value.value(), value.count())).toList();
	}

	private static Map<YearMonth, EntryTotals.ByMonth> byMonth(List<EntryTotals.ByMonth> totals) {
		Map<YearMonth, EntryTotals.ByMonth> result = new LinkedHashMap<>();
		totals.forEach((total) -> result.put(total.month(), total));
		return result;
	}

	private static BigDecimal zero() {
		return BigDecimal.ZERO.setScale(2);
	}

	private static boolean isExpense(String kind) {
		if (kind == null || kind.isEmpty() || kind.equals("expense")) {
			return true;
		}
		if (kind.equals("income")) {
			return false;
		}
		throw invalid("enum", "kind", "Input should be 'expense' or 'income'", kind);
	}

	private static EntryField valueField(String name, boolean expense) {
		if ("category".equals(name)) {
			return EntryField.CATEGORY;
		}
		if ("account".equals(name)) {
			return EntryField.ACCOUNT;
		}
		if ("business".equals(name) && expense) {
			return EntryField.BUSINESS;
		}
		if (name == null) {
			throw invalid("missing", "field", "Field required", null);
		}
		throw invalid("enum", "field", expense ? "Input should be 'category', 'business' or 'account'"
				: "Input should be 'category' or 'account'", name);
	}

	private static int year(String text) {
		if (text == null || text.isEmpty()) {
			return LocalDate.now().getYear();
		}
		int year = integer("year", text);
		if (year < 1 || year > 9999) {
			throw invalid("value_error", "year", "Value error, year must be between 1 and 9999", text);
		}
		return year;
	}

	private static int limit(String text, int defaultLimit) {
		if (text == null || text.isEmpty()) {
			return defaultLimit;
		}
		int limit = integer("limit", text);
		if (limit < 1 || limit > EntryQueries.MAX_LIMIT) {
			throw invalid("value_error", "limit", "Value error, limit must be between 1 and " + EntryQueries.MAX_LIMIT,
					text);
		}
		return limit;
	}

	private static int integer(String name, String text) {
		try {
			return Integer.parseInt(text.strip());
		}
		catch (NumberFormatException ex) {
			throw invalid("int_parsing", name, "Input should be a valid integer, unable to parse string as an integer",
					text);
		}
	}

	private static RequestValidationException invalid(String type, String name, String message, String input) {
		return EntryQueries.invalidParameter(type, name, message, input);
	}

	record RangeTotals(LocalDate from, LocalDate to, BigDecimal expenses, BigDecimal incomes, BigDecimal balance,
			long expense_count, long income_count) {
	}

	record MonthTotals(String month, BigDecimal expenses, BigDecimal incomes, BigDecimal balance, long expense_count,
			long income_count) {
	}

	record MonthlyReport(int year, List<MonthTotals> months, BigDecimal expenses, BigDecimal incomes,
			BigDecimal balance) {
	}

	record CategoryTotal(String category, BigDecimal total, long count) {
	}

	record ValueCount(String value, long count) {
	}

}
