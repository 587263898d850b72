package dev.homebudget.income;

import dev.homebudget.ledger.EntryRepository;
import dev.homebudget.ledger.EntryStorage;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where incomes are kept: the repository the ledger's storage, chosen at startup from the
 * storage phase, provides for them.
 */
@Configuration(proxyBeanMethods = false)
class IncomeStorageConfiguration {

	@Bean
	EntryRepository<Income, IncomeDraft> incomeRepository(EntryStorage storage) {
		return storage.repository(Income.TYPE);
	}

}
