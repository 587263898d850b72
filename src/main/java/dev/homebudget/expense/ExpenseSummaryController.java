package dev.homebudget.expense;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.homebudget.featureflag.FeatureFlag;
import dev.homebudget.featureflag.FeatureFlags;
import dev.homebudget.ledger.EntryField;
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

	ExpenseSummaryController(ExpensePayers payers, FeatureFlags flags) {
		this.payers = payers;
		this.flags = flags;
	}

	@GetMapping(path = "/api/v1/expense/summary", produces = "application/json")
	@Operation(operationId = "summarizeExpenses",
			summary = "Total and count (plus average, min and max with ENHANCED_EXPENSE_STATS) of the filtered expenses")
	@EntryQueryParameters
	Map<String, Object> summary(@Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
		EntryQuery query = EntryQueries.read(parameters, true).orElse(EntryQuery.all());
		EntryTotals.Stats stats = this.payers.stats(query);
		boolean enhanced = this.flags.isEnabled(FeatureFlag.ENHANCED_EXPENSE_STATS);
		boolean v2 = this.flags.isEnabled(FeatureFlag.EXPENSE_AMOUNT_V2_FORMAT);
		Map<String, Object> summary = new LinkedHashMap<>();
		Map<String, String> formatted = new LinkedHashMap<>();
		put(summary, formatted, "total", stats.total(), v2);
		summary.put("count", stats.count());
		if (enhanced && stats.count() > 0) {
			put(summary, formatted, "average", stats.average(), v2);
			put(summary, formatted, "min", stats.min(), v2);
			put(summary, formatted, "max", stats.max(), v2);
		}
		summary.put("formatted", formatted);
		return summary;
	}

	private static void put(Map<String, Object> summary, Map<String, String> formatted, String key, BigDecimal amount,
			boolean v2) {
		summary.put(key, amount);
		formatted.put(key, format(amount, v2));
	}

	/** v1 {@code 1234.50 ₪}; v2 {@code 1,234.50 ₪}: exact, always two decimals. */
	static String format(BigDecimal amount, boolean v2) {
		DecimalFormat format = new DecimalFormat(v2 ? "#,##0.00" : "0.00",
				DecimalFormatSymbols.getInstance(Locale.ROOT));
		format.setRoundingMode(java.math.RoundingMode.HALF_UP);
		return format.format(amount) + " " + EntryField.DEFAULT_CURRENCY;
	}

}
