package dev.homebudget.expense;

import dev.homebudget.support.EntryQueryContract;

class ExpenseQueryApiIntegrationTests extends EntryQueryContract {

	@Override
	protected String resource() {
		return "expense";
	}

	@Override
	protected boolean hasBusiness() {
		return true;
	}

}
