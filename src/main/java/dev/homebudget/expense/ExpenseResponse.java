package dev.homebudget.expense;

import java.math.BigDecimal;

/**
 * The v1 JSON of an expense; keys in the original's order. The amount is written as an
 * exact number with two decimals.
 */
record ExpenseResponse(int id, String date, String business, String category, BigDecimal amount, String account,
		String currency, String notes) {

	static ExpenseResponse from(Expense expense) {
		return new ExpenseResponse(expense.id(), expense.date().toString(), expense.business(), expense.category(),
				expense.amount(), expense.account(), expense.currency(), expense.notes());
	}

}
