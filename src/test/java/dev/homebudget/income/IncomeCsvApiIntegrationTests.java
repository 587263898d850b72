package dev.homebudget.income;

import dev.homebudget.support.EntryCsvContract;

class IncomeCsvApiIntegrationTests extends EntryCsvContract {

	@Override
	protected String resource() {
		return "income";
	}

	@Override
	protected boolean hasBusiness() {
		return false;
	}

}
