package dev.homebudget.transition;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One record of an original JSON file, checked and typed: an expense, or an income (whose
 * {@code business} is always null). The amount is exact with two decimals.
 */
public record JsonEntry(int id, LocalDate date, String business, String category, BigDecimal amount, String account,
		String currency, String notes) {

	public JsonEntry {
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(category, "category");
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(account, "account");
		Objects.requireNonNull(currency, "currency");
	}

}
