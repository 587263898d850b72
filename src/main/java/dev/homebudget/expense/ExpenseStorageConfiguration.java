package dev.homebudget.expense;

import dev.homebudget.household.CurrentHousehold;
import dev.homebudget.ledger.EntryRepository;
import dev.homebudget.ledger.EntryStorage;
import dev.homebudget.settle.ExpenseSplits;
import dev.homebudget.settle.SplitCsv;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What expenses are built on, chosen once at startup: the repository the ledger's storage
 * provides for them (from the storage phase), and whether they carry payers (from the
 * auth mode and the phase).
 */
@Configuration(proxyBeanMethods = false)
class ExpenseStorageConfiguration {

	@Bean
	EntryRepository<Expense, ExpenseDraft> expenseRepository(EntryStorage storage) {
		return storage.repository(Expense.TYPE);
	}

	/** Who paid and for whom: kept in sign-in mode on PostgreSQL alone, nowhere else. */
	@Bean
	ExpensePayers expensePayers(ExpenseSplits splits, ExpenseService expenses, CurrentHousehold household,
			SplitCsv splitCsv, PlatformTransactionManager transactionManager) {
		return splits.active() ? new HouseholdPayers(expenses, household, splits, splitCsv, transactionManager)
				: new WithoutPayers(expenses);
	}

}
