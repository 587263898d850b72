package dev.homebudget.expense;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.homebudget.settle.Split;

/**
 * The v1 JSON of an expense; keys in the original's order. The amount is written as an
 * exact number with two decimals.
 */
record ExpenseResponse(int id, String date, String business, String category, BigDecimal amount, String account,
		String currency, String notes, @JsonUnwrapped Split split) {

	/**
	 * With {@code entered_by}, {@code paid_by}, {@code for_whom} and {@code shares} after
	 * the v1 keys when the split is kept (sign-in mode, phase P3); without them
	 * otherwise.
	 */
	static ExpenseResponse from(Expense expense, Split split) {
		return new ExpenseResponse(expense.id(), expense.date().toString(), expense.business(), expense.category(),
				expense.amount(), expense.account(), expense.currency(), expense.notes(), split);
	}

}
