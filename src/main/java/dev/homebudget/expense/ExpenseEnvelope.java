package dev.homebudget.expense;

/** v1 envelope {@code {"status":"created|updated","expense":{...}}}. */
record ExpenseEnvelope(String status, ExpenseResponse expense) {

	static ExpenseEnvelope created(ExpenseService.WithSplit created) {
		return new ExpenseEnvelope("created", ExpenseResponse.from(created.expense(), created.split()));
	}

	static ExpenseEnvelope updated(ExpenseService.WithSplit updated) {
		return new ExpenseEnvelope("updated", ExpenseResponse.from(updated.expense(), updated.split()));
	}

}
