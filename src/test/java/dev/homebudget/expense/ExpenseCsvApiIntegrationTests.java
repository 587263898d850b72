package dev.homebudget.expense;

import dev.homebudget.support.EntryCsvContract;

class ExpenseCsvApiIntegrationTests extends EntryCsvContract {

	@Override
	protected String resource() {
		return "expense";
	}

	@Override
	protected boolean hasBusiness() {
		return true;
	}

}
