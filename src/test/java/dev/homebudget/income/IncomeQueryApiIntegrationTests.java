package dev.homebudget.income;

import dev.homebudget.support.EntryQueryContract;

class IncomeQueryApiIntegrationTests extends EntryQueryContract {

	@Override
	protected String resource() {
		return "income";
	}

	@Override
	protected boolean hasBusiness() {
		return false;
	}

}
