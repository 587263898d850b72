package dev.homebudget.expense;

/** v1 envelope {@code {"status":"created|updated","expense":{...}}}. */
record ExpenseEnvelope(String status, ExpenseResponse expense) {

	static ExpenseEnvelope created(Expense expense) {
		return new ExpenseEnvelope("created", ExpenseResponse.from(expense));
	}

	static ExpenseEnvelope updated(Expense expense) {
		return new ExpenseEnvelope("updated", ExpenseResponse.from(expense));
	}

}
