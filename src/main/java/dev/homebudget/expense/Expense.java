package dev.homebudget.expense;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A stored expense. The amount is exact, with two decimals.
 */
public record Expense(int id, LocalDate date, String business, String category, BigDecimal amount, String account,
		String currency, String notes) {

	public Expense {
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(category, "category");
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(account, "account");
		Objects.requireNonNull(currency, "currency");
	}

}
