package dev.homebudget.expense;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;

import dev.homebudget.featureflag.FeatureFlag;
import dev.homebudget.featureflag.FeatureFlags;
import dev.homebudget.currency.HouseholdCurrency;
import dev.homebudget.ledger.Currencies;
import dev.homebudget.ledger.EntryQueries;
import dev.homebudget.ledger.EntryQuery;
import dev.homebudget.ledger.EntryQueryParameters;
import dev.homebudget.ledger.EntryTotals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/expense/summary}: the original's two demo flags made real.
 * {@code ENHANCED_EXPENSE_STATS} adds average, min and max;
 * {@code EXPENSE_AMOUNT_V2_FORMAT} picks the display format of {@code formatted}
 * ({@code 1234.50 ₪} or {@code 1,234.50 ₪}). Amounts are exact decimals, filtered like
 * the list.
 */
@RestController
@Tag(name = "expense")
class ExpenseSummaryController {

	private final ExpensePayers payers;

	private final FeatureFlags flags;

	private final ExpenseService expenses;

	private final HouseholdCurrency currency;

	ExpenseSummaryController(ExpensePayers payers, ExpenseService expenses, FeatureFlags flags,
			HouseholdCurrency currency) {
		this.payers = payers;
		this.expenses = expenses;
		this.flags = flags;
		this.currency = currency;
	}

	@GetMapping(path = "/api/v1/expense/summary", produces = "application/json")
	@Operation(operationId = "summarizeExpenses",
			summary = "Total and count (plus average, min and max with ENHANCED_EXPENSE_STATS) of the filtered expenses")
	@EntryQueryParameters
	Map<String, Object> summary(@Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
		EntryQuery query = EntryQueries.read(parameters, true).orElse(EntryQuery.all());
		boolean enhanced = this.flags.isEnabled(FeatureFlag.ENHANCED_EXPENSE_STATS);
		List<EntryTotals.Stats> perCurrency = (!enhanced && query.onlyDates() && this.currency.postgresPrimary())
				? totals(query) : this.payers.stats(query);
		boolean v2 = this.flags.isEnabled(FeatureFlag.EXPENSE_AMOUNT_V2_FORMAT);
		Map<String, Object> summary = new LinkedHashMap<>();
		Map<String, String> formatted = new LinkedHashMap<>();
		if (perCurrency.size() <= 1) {
			// one currency (or none): the v1 body, labelled with that currency
			String code = perCurrency.isEmpty() ? this.currency.base() : perCurrency.get(0).currency();
			EntryTotals.Stats stats = perCurrency.isEmpty()
					? new EntryTotals.Stats(code, 0, new BigDecimal("0.00"), null, null, null) : perCurrency.get(0);
			put(summary, formatted, "total", stats.total(), code, v2);
			summary.put("count", stats.count());
			if (enhanced && stats.count() > 0) {
				put(summary, formatted, "average", stats.average(), code, v2);
				put(summary, formatted, "min", stats.min(), code, v2);
				put(summary, formatted, "max", stats.max(), code, v2);
			}
			summary.put("formatted", formatted);
			return summary;
		}
		// several currencies: the total converted into the base currency, saying what it
		// could not convert, and each currency's own figures
		// PostgreSQL reads the base currency in the converting statement itself: one
		// round
		// trip fewer on every summary of a household with several currencies
		List<EntryTotals.Converted> converted = this.expenses.converted(query, EntryTotals.Grouping.NONE,
				this.currency.postgresPrimary() ? null : this.currency.base());
		EntryTotals.Converted total = converted.isEmpty()
				? new EntryTotals.Converted("", this.currency.base(), new BigDecimal("0.00"), 0, 0) : converted.get(0);
		String base = total.currency();
		put(summary, formatted, "total", total.total(), base, v2);
		summary.put("count", perCurrency.stream().mapToLong(EntryTotals.Stats::count).sum());
		summary.put("currency", base);
		summary.put("complete", total.complete());
		summary.put("unconverted", total.unconverted());
		List<Map<String, Object>> byCurrency = new ArrayList<>();
		for (EntryTotals.Stats stats : perCurrency) {
			Map<String, Object> one = new LinkedHashMap<>();
			one.put("currency", stats.currency());
			one.put("total", stats.total());
			one.put("count", stats.count());
			if (enhanced) {
				one.put("average", stats.average());
				one.put("min", stats.min());
				one.put("max", stats.max());
			}
			one.put("formatted", format(stats.total(), stats.currency(), v2));
			byCurrency.add(one);
		}
		summary.put("by_currency", byCurrency);
		summary.put("formatted", formatted);
		return summary;
	}

	/**
	 * Total and count per currency of a range of dates, read from the kept month totals
	 * (whole months) and the days at its edges instead of every row: all the summary
	 * needs without the average, min and max. In the order of {@code stats}: most entries
	 * first.
	 */
	private List<EntryTotals.Stats> totals(EntryQuery query) {
		return this.expenses.total(query.from(), query.to())
			.stream()
			.filter((total) -> total.count() > 0)
			.map((total) -> new EntryTotals.Stats(total.currency(), total.count(), total.total(), null, null, null))
			.sorted(Comparator.comparingLong(EntryTotals.Stats::count)
				.reversed()
				.thenComparing(EntryTotals.Stats::currency))
			.toList();
	}

	private static void put(Map<String, Object> summary, Map<String, String> formatted, String key, BigDecimal amount,
			String currency, boolean v2) {
		summary.put(key, amount);
		formatted.put(key, format(amount, currency, v2));
	}

	/**
	 * v1 {@code 1234.50 ₪}; v2 {@code 1,234.50 ₪}: exact, always two decimals, with the
	 * currency's symbol (or its code when it has none).
	 */
	static String format(BigDecimal amount, String currency, boolean v2) {
		DecimalFormat format = new DecimalFormat(v2 ? "#,##0.00" : "0.00",
				DecimalFormatSymbols.getInstance(Locale.ROOT));
		format.setRoundingMode(java.math.RoundingMode.HALF_UP);
		return format.format(amount) + " " + Currencies.symbol(currency);
	}

}
