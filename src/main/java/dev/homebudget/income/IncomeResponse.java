package dev.homebudget.income;

import java.math.BigDecimal;

/**
 * The v1 JSON of an income; keys in the original's order. The amount is written as an
 * exact number with two decimals.
 */
record IncomeResponse(int id, String date, String category, BigDecimal amount, String account, String currency,
		String notes) {

	static IncomeResponse from(Income income) {
		return new IncomeResponse(income.id(), income.date().toString(), income.category(), income.amount(),
				income.account(), income.currency(), income.notes());
	}

}
