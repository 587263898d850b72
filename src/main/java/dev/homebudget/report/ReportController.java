package dev.homebudget.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.homebudget.currency.HouseholdCurrency;
import dev.homebudget.expense.ExpenseService;
import dev.homebudget.income.IncomeService;
import dev.homebudget.ledger.EntryField;
import dev.homebudget.ledger.EntryQueries;
import dev.homebudget.ledger.EntryQuery;
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
 * served. Amounts are exact sums with two decimals, and never of two currencies: with
 * entries in one currency the bodies are as they always were; with several, each
 * currency's own figures are listed and the headline figures are converted into the
 * household's base currency, saying how many entries could not be (no rate yet).
 */
@RestController
@RequestMapping(path = "/api/v1/reports", produces = "application/json")
@Tag(name = "reports")
class ReportController {

	private static final int DEFAULT_VALUES = 100;

	private final ExpenseService expenses;

	private final IncomeService incomes;

	private final HouseholdCurrency currency;

	ReportController(ExpenseService expenses, IncomeService incomes, HouseholdCurrency currency) {
		this.expenses = expenses;
		this.incomes = incomes;
		this.currency = currency;
	}

	@GetMapping("/totals")
	@Operation(operationId = "reportTotals",
			summary = "Expenses, incomes and balance over a date range; with entries in several currencies, "
					+ "per currency and converted into the base currency")
	@Parameter(name = "from", in = ParameterIn.QUERY, schema = @Schema(type = "string", format = "date"))
	@Parameter(name = "to", in = ParameterIn.QUERY, schema = @Schema(type = "string", format = "date"))
	RangeTotals totals(@Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
		EntryQueries.DateRange range = EntryQueries.dateRange(parameters);
		List<EntryTotals.Total> spent = this.expenses.total(range.from(), range.to());
		List<EntryTotals.Total> earned = this.incomes.total(range.from(), range.to());
		long spentCount = spent.stream().mapToLong(EntryTotals.Total::count).sum();
		long earnedCount = earned.stream().mapToLong(EntryTotals.Total::count).sum();
		Set<String> currencies = currencies(spent.stream().map(EntryTotals.Total::currency),
				earned.stream().map(EntryTotals.Total::currency));
		if (currencies.size() <= 1) {
			BigDecimal out = sum(spent.stream().map(EntryTotals.Total::total));
			BigDecimal in = sum(earned.stream().map(EntryTotals.Total::total));
			return new RangeTotals(range.from(), range.to(), out, in, in.subtract(out), spentCount, earnedCount, null,
					null, null, null);
		}
		String base = this.currency.base();
		EntryQuery query = EntryQueries.range(range.from(), range.to());
		EntryTotals.Converted out = one(this.expenses.converted(query, EntryTotals.Grouping.NONE, base), base);
		EntryTotals.Converted in = one(this.incomes.converted(query, EntryTotals.Grouping.NONE, base), base);
		List<CurrencyTotals> byCurrency = new ArrayList<>();
		for (String code : currencies) {
			EntryTotals.Total o = spent.stream().filter((t) -> t.currency().equals(code)).findFirst().orElse(null);
			EntryTotals.Total i = earned.stream().filter((t) -> t.currency().equals(code)).findFirst().orElse(null);
			BigDecimal oTotal = (o != null) ? o.total() : zero();
			BigDecimal iTotal = (i != null) ? i.total() : zero();
			byCurrency.add(new CurrencyTotals(code, oTotal, iTotal, iTotal.subtract(oTotal),
					(o != null) ? o.count() : 0, (i != null) ? i.count() : 0));
		}
		long unconverted = out.unconverted() + in.unconverted();
		return new RangeTotals(range.from(), range.to(), out.total(), in.total(), in.total().subtract(out.total()),
				spentCount, earnedCount, base, unconverted == 0, unconverted, byCurrency);
	}

	@GetMapping("/monthly")
	@Operation(operationId = "reportMonthly",
			summary = "Expenses, incomes and balance for each month of a year; with entries in several currencies, "
					+ "per currency and converted into the base currency")
	@Parameter(name = "year", in = ParameterIn.QUERY, description = "Defaults to the current year",
			schema = @Schema(type = "integer", minimum = "1", maximum = "9999"))
	MonthlyReport monthly(@Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
		int year = year(parameters.get("year"));
		List<EntryTotals.ByMonth> spent = this.expenses.totalsByMonth(year);
		List<EntryTotals.ByMonth> earned = this.incomes.totalsByMonth(year);
		Set<String> currencies = currencies(spent.stream().map(EntryTotals.ByMonth::currency),
				earned.stream().map(EntryTotals.ByMonth::currency));
		boolean several = currencies.size() > 1;
		String base = several ? this.currency.base() : null;
		Map<String, EntryTotals.Converted> out = new LinkedHashMap<>();
		Map<String, EntryTotals.Converted> in = new LinkedHashMap<>();
		if (several) {
			EntryQuery query = EntryQueries.range(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
			this.expenses.converted(query, EntryTotals.Grouping.MONTH, base).forEach((c) -> out.put(c.key(), c));
			this.incomes.converted(query, EntryTotals.Grouping.MONTH, base).forEach((c) -> in.put(c.key(), c));
		}
		List<MonthTotals> months = new ArrayList<>();
		BigDecimal yearSpent = zero();
		BigDecimal yearEarned = zero();
		long yearUnconverted = 0;
		for (int month = 1; month <= 12; month++) {
			YearMonth key = YearMonth.of(year, month);
			List<EntryTotals.ByMonth> monthOut = spent.stream().filter((t) -> t.month().equals(key)).toList();
			List<EntryTotals.ByMonth> monthIn = earned.stream().filter((t) -> t.month().equals(key)).toList();
			long outCount = monthOut.stream().mapToLong(EntryTotals.ByMonth::count).sum();
			long inCount = monthIn.stream().mapToLong(EntryTotals.ByMonth::count).sum();
			if (!several) {
				BigDecimal outTotal = sum(monthOut.stream().map(EntryTotals.ByMonth::total));
				BigDecimal inTotal = sum(monthIn.stream().map(EntryTotals.ByMonth::total));
				yearSpent = yearSpent.add(outTotal);
				yearEarned = yearEarned.add(inTotal);
				months.add(new MonthTotals(key.toString(), outTotal, inTotal, inTotal.subtract(outTotal), outCount,
						inCount, null, null));
				continue;
			}
			EntryTotals.Converted o = out.getOrDefault(key.toString(), none(key.toString(), base));
			EntryTotals.Converted i = in.getOrDefault(key.toString(), none(key.toString(), base));
			List<CurrencyTotals> byCurrency = new ArrayList<>();
			for (String code : currencies) {
				EntryTotals.ByMonth a = monthOut.stream()
					.filter((t) -> t.currency().equals(code))
					.findFirst()
					.orElse(null);
				EntryTotals.ByMonth b = monthIn.stream()
					.filter((t) -> t.currency().equals(code))
					.findFirst()
					.orElse(null);
				if (a == null && b == null) {
					continue;
				}
				BigDecimal aTotal = (a != null) ? a.total() : zero();
				BigDecimal bTotal = (b != null) ? b.total() : zero();
				byCurrency.add(new CurrencyTotals(code, aTotal, bTotal, bTotal.subtract(aTotal),
						(a != null) ? a.count() : 0, (b != null) ? b.count() : 0));
			}
			long unconverted = o.unconverted() + i.unconverted();
			yearUnconverted += unconverted;
			yearSpent = yearSpent.add(o.total());
			yearEarned = yearEarned.add(i.total());
			months.add(new MonthTotals(key.toString(), o.total(), i.total(), i.total().subtract(o.total()), outCount,
					inCount, unconverted, byCurrency));
		}
		return new MonthlyReport(year, months, yearSpent, yearEarned, yearEarned.subtract(yearSpent), base,
				several ? yearUnconverted == 0 : null, several ? yearUnconverted : null);
	}

	@GetMapping("/categories")
	@Operation(operationId = "reportCategories",
			summary = "Totals per category over a date range, largest first (the limit largest, 1000 by default); "
					+ "with entries in several currencies, per currency and converted into the base currency")
	@Parameter(name = "kind", in = ParameterIn.QUERY,
			schema = @Schema(type = "string", allowableValues = { "expense", "income" }, defaultValue = "expense"))
	@Parameter(name = "from", in = ParameterIn.QUERY, schema = @Schema(type = "string", format = "date"))
	@Parameter(name = "to", in = ParameterIn.QUERY, schema = @Schema(type = "string", format = "date"))
	@Parameter(name = "limit", in = ParameterIn.QUERY,
			schema = @Schema(type = "integer", minimum = "1", maximum = "1000", defaultValue = "1000"))
	@Parameter(name = "category", in = ParameterIn.QUERY,
			description = "Only this category (any spelling; a group with its categories), as the list filters")
	@Parameter(name = "account", in = ParameterIn.QUERY, description = "Only this account, as the list filters")
	@Parameter(name = "business", in = ParameterIn.QUERY, description = "Only this business (expenses only)")
	@Parameter(name = "paid_by", in = ParameterIn.QUERY,
			description = "Only what this member paid, by user id (expenses only; sign-in mode, phase P3, else none)",
			schema = @Schema(type = "integer", minimum = "1"))
	@Parameter(name = "for_whom", in = ParameterIn.QUERY,
			description = "User id of a member with a share, or 'shared' (expenses only; sign-in mode, phase P3, "
					+ "else none)",
			schema = @Schema(type = "string", example = "shared"))
	@Parameter(name = "q", in = ParameterIn.QUERY, description = "Case-insensitive text in business, category or notes")
	@Parameter(name = "min_amount", in = ParameterIn.QUERY, schema = @Schema(type = "number"))
	@Parameter(name = "max_amount", in = ParameterIn.QUERY, schema = @Schema(type = "number"))
	List<CategoryTotal> categories(@Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
		boolean expense = isExpense(parameters.get("kind"));
		EntryQuery query = filters(parameters, expense);
		int limit = limit(parameters.get("limit"), EntryQueries.MAX_LIMIT);
		List<EntryTotals.ByCategory> totals = expense ? this.expenses.totalsByCategory(query)
				: this.incomes.totalsByCategory(query);
		Set<String> currencies = currencies(totals.stream().map(EntryTotals.ByCategory::currency));
		if (currencies.size() <= 1) {
			return totals.stream()
				.limit(limit)
				.map((total) -> new CategoryTotal(total.category(), total.total(), total.count(), null, null, null,
						null))
				.toList();
		}
		String base = this.currency.base();
		Map<String, EntryTotals.Converted> converted = new LinkedHashMap<>();
		(expense ? this.expenses.converted(query, EntryTotals.Grouping.CATEGORY, base)
				: this.incomes.converted(query, EntryTotals.Grouping.CATEGORY, base))
			.forEach((c) -> converted.merge(c.key(), c, (a, b) -> new EntryTotals.Converted(a.key(), base,
					a.total().add(b.total()), a.converted() + b.converted(), a.unconverted() + b.unconverted())));
		Map<String, List<EntryTotals.ByCategory>> perCategory = new LinkedHashMap<>();
		totals
			.forEach((total) -> perCategory.computeIfAbsent(total.category(), (name) -> new ArrayList<>()).add(total));
		List<CategoryTotal> rows = new ArrayList<>();
		perCategory.forEach((category, parts) -> {
			EntryTotals.Converted c = converted.getOrDefault(category, none(category, base));
			rows.add(new CategoryTotal(category, c.total(),
					parts.stream().mapToLong(EntryTotals.ByCategory::count).sum(), base, c.complete(), c.unconverted(),
					parts.stream()
						.sorted(java.util.Comparator.comparing(EntryTotals.ByCategory::currency))
						.map((part) -> new CurrencyTotal(part.currency(), part.total(), part.count()))
						.toList()));
		});
		rows.sort(
				java.util.Comparator.comparing(CategoryTotal::total).reversed().thenComparing(CategoryTotal::category));
		return (rows.size() <= limit) ? rows : List.copyOf(rows.subList(0, limit));
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

	/** The currencies of some totals, in code order. */
	@SafeVarargs
	private static Set<String> currencies(java.util.stream.Stream<String>... codes) {
		Set<String> all = new java.util.TreeSet<>();
		for (java.util.stream.Stream<String> stream : codes) {
			stream.forEach(all::add);
		}
		return all;
	}

	private static BigDecimal sum(java.util.stream.Stream<BigDecimal> amounts) {
		return amounts.reduce(zero(), BigDecimal::add);
	}

	/** The one converted figure of an ungrouped conversion (none: nothing matched). */
	private static EntryTotals.Converted one(List<EntryTotals.Converted> converted, String base) {
		return converted.isEmpty() ? none("", base) : converted.get(0);
	}

	private static EntryTotals.Converted none(String key, String base) {
		return new EntryTotals.Converted(key, base, zero(), 0, 0);
	}

	private static BigDecimal zero() {
		return BigDecimal.ZERO.setScale(2);
	}

	/**
	 * The dates and filters of a report, read as the list reads them (the same 422s): the
	 * charts follow the filters the table shows. Its order and page are the report's own.
	 */
	private static EntryQuery filters(Map<String, String> parameters, boolean expense) {
		Map<String, String> filters = new LinkedHashMap<>(parameters);
		filters.keySet().removeAll(Set.of("kind", "limit", "sort", "cursor"));
		return EntryQueries.read(filters, expense).orElseGet(() -> EntryQueries.range(null, null));
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

	/**
	 * Totals of a range. With one currency (or none) the v1 body; with several, the
	 * amounts are converted into {@code currency} (the base) and {@code by_currency}
	 * holds each currency's own.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record RangeTotals(LocalDate from, LocalDate to, @Schema(
			description = "Converted into the base currency when the entries are in several") BigDecimal expenses,
			BigDecimal incomes, BigDecimal balance, long expense_count, long income_count,
			@Schema(description = "The base currency of the converted figures (several currencies only)") String currency,
			@Schema(description = "Whether every entry could be converted") Boolean complete,
			@Schema(description = "Entries left out of the converted figures for want of a rate") Long unconverted,
			@JsonProperty("by_currency") List<CurrencyTotals> byCurrency) {
	}

	/** One currency's own figures (never converted). */
	record CurrencyTotals(String currency, BigDecimal expenses, BigDecimal incomes, BigDecimal balance,
			long expense_count, long income_count) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record MonthTotals(String month, BigDecimal expenses, BigDecimal incomes, BigDecimal balance, long expense_count,
			long income_count, Long unconverted, @JsonProperty("by_currency") List<CurrencyTotals> byCurrency) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record MonthlyReport(int year, List<MonthTotals> months, BigDecimal expenses, BigDecimal incomes,
			BigDecimal balance, String currency, Boolean complete, Long unconverted) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record CategoryTotal(String category, BigDecimal total, long count, String currency, Boolean complete,
			Long unconverted, @JsonProperty("by_currency") List<CurrencyTotal> byCurrency) {
	}

	/** One currency's own sum and count. */
	record CurrencyTotal(String currency, BigDecimal total, long count) {
	}

	record ValueCount(String value, long count) {
	}

}
