package dev.homebudget.income;

/** v1 envelope {@code {"status":"created|updated","income":{...}}}. */
record IncomeEnvelope(String status, IncomeResponse income) {

	static IncomeEnvelope created(Income income) {
		return new IncomeEnvelope("created", IncomeResponse.from(income));
	}

	static IncomeEnvelope updated(Income income) {
		return new IncomeEnvelope("updated", IncomeResponse.from(income));
	}

}
