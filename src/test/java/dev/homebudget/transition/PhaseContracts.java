package dev.homebudget.transition;

import dev.homebudget.support.EntryApiContract;
import dev.homebudget.support.EntryCsvContract;
import dev.homebudget.support.EntryQueryContract;

/**
 * The v1 API suites of both resources, ready to be nested in a test class of a storage
 * phase: "the API behaves the same in every phase".
 */
final class PhaseContracts {

	private PhaseContracts() {
	}

	abstract static class ExpenseApi extends EntryApiContract {

		@Override
		protected String resource() {
			return "expense";
		}

		@Override
		protected boolean hasBusiness() {
			return true;
		}

	}

	abstract static class IncomeApi extends EntryApiContract {

		@Override
		protected String resource() {
			return "income";
		}

		@Override
		protected boolean hasBusiness() {
			return false;
		}

	}

	abstract static class ExpenseQueries extends EntryQueryContract {

		@Override
		protected String resource() {
			return "expense";
		}

		@Override
		protected boolean hasBusiness() {
			return true;
		}

	}

	abstract static class IncomeQueries extends EntryQueryContract {

		@Override
		protected String resource() {
			return "income";
		}

		@Override
		protected boolean hasBusiness() {
			return false;
		}

	}

	abstract static class ExpenseCsv extends EntryCsvContract {

		@Override
		protected String resource() {
			return "expense";
		}

		@Override
		protected boolean hasBusiness() {
			return true;
		}

	}

	abstract static class IncomeCsv extends EntryCsvContract {

		@Override
		protected String resource() {
			return "income";
		}

		@Override
		protected boolean hasBusiness() {
			return false;
		}

	}

}
