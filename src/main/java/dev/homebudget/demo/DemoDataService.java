package dev.homebudget.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.homebudget.config.StorageMode;
import dev.homebudget.config.StorageProperties.StorageBackend;
import dev.homebudget.expense.Expense;
import dev.homebudget.expense.ExpenseEntries;
import dev.homebudget.expense.ExpenseService;
import dev.homebudget.household.CurrentHousehold;
import dev.homebudget.income.Income;
import dev.homebudget.income.IncomeService;
import dev.homebudget.ledger.EntryField;
import dev.homebudget.ledger.EntryValues;
import dev.homebudget.ledger.Households;
import dev.homebudget.settle.SplitRequest;
import dev.homebudget.web.ApiException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data use cases: load the sample into an empty household (one transaction, through
 * the expense and income services, so history, month totals and categories are as after
 * ordinary creates), say whether it is loaded, remove exactly what the load created (one
 * transaction, through the services' bulk delete: the rows go to the trash like any
 * deletion, and the categories the load created go when nothing uses them any more).
 */
@Service
class DemoDataService {

	static final String NOT_LOADED = "No demo data is loaded in this household";

	private final DemoDataStore store;

	private final CurrentHousehold household;

	private final StorageMode storage;

	private final ExpenseEntries expenseEntries;

	private final ExpenseService expenses;

	private final IncomeService incomes;

	private final TransactionTemplate transactions;

	private final Clock clock;

	@Autowired
	DemoDataService(DemoDataStore store, CurrentHousehold household, StorageMode storage, ExpenseEntries expenseEntries,
			ExpenseService expenses, IncomeService incomes, PlatformTransactionManager transactionManager) {
		this(store, household, storage, expenseEntries, expenses, incomes, transactionManager,
				Clock.systemDefaultZone());
	}

	DemoDataService(DemoDataStore store, CurrentHousehold household, StorageMode storage, ExpenseEntries expenseEntries,
			ExpenseService expenses, IncomeService incomes, PlatformTransactionManager transactionManager,
			Clock clock) {
		this.store = store;
		this.household = household;
		this.storage = storage;
		this.expenseEntries = expenseEntries;
		this.expenses = expenses;
		this.incomes = incomes;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	DemoDataStore.Counts status() {
		return this.store.counts(readable());
	}

	/**
	 * Loads the sample.
	 * @throws ApiException 409 when demo data is loaded already, when the household has
	 * entries (demo rows mixed with real ones would confuse), or when it accepts only the
	 * categories it has (strict categories)
	 */
	DemoDataStore.Counts load() {
		int household = writable();
		return this.transactions.execute((status) -> {
			DemoDataStore.Household settings = this.store.lock(household);
			if (this.store.counts(household).any()) {
				throw new ApiException(HttpStatus.CONFLICT, "Demo data is loaded already; remove it first");
			}
			if (this.store.hasEntries(household)) {
				throw new ApiException(HttpStatus.CONFLICT,
						"This household has entries already; demo data is only loaded into an empty household, "
								+ "so that it never mixes with real rows");
			}
			if (settings.strictCategories()) {
				throw new ApiException(HttpStatus.CONFLICT,
						"This household accepts only the categories it has (strict categories); turn that off "
								+ "to load demo data, whose entries bring their own categories");
			}
			Set<Integer> categoriesBefore = new HashSet<>(this.store.categoryIds(household));
			List<EntryValues> expenseValues = new ArrayList<>();
			List<SplitRequest> splits = new ArrayList<>();
			List<EntryValues> incomeValues = new ArrayList<>();
			for (DemoSample.Row row : DemoSample.upTo(LocalDate.now(this.clock))) {
				EntryValues.Builder values = EntryValues.builder()
					.put(EntryField.DATE, row.date())
					.put(EntryField.CATEGORY, row.category())
					.put(EntryField.AMOUNT, row.amount())
					.put(EntryField.ACCOUNT, row.account())
					.put(EntryField.CURRENCY, settings.baseCurrency())
					.put(EntryField.NOTES, row.notes());
				if (row.expense()) {
					expenseValues.add(values.put(EntryField.BUSINESS, row.business()).build());
					splits.add(SplitRequest.NONE);
				}
				else {
					incomeValues.add(values.build());
				}
			}
			List<Expense> created = this.expenseEntries.createAll(expenseValues, splits);
			List<Income> earned = this.incomes.createEach(incomeValues);
			this.store.mark(household, "expense", created.stream().map(Expense::id).toList());
			this.store.mark(household, "income", earned.stream().map(Income::id).toList());
			this.store.mark(household, "category",
					this.store.categoryIds(household).stream().filter((id) -> !categoriesBefore.contains(id)).toList());
			return this.store.counts(household);
		});
	}

	/**
	 * Removes the entries the load created (edited since or not) and the categories it
	 * created that nothing uses any more; nothing else.
	 * @return what was removed
	 * @throws ApiException 404 when no demo data is loaded
	 */
	DemoDataStore.Counts remove() {
		int household = writable();
		return this.transactions.execute((status) -> {
			this.store.lock(household);
			if (!this.store.counts(household).any()) {
				throw new ApiException(HttpStatus.NOT_FOUND, NOT_LOADED);
			}
			List<Integer> expenseIds = this.store.entryIds(household, "expense");
			List<Integer> incomeIds = this.store.entryIds(household, "income");
			int expensesDeleted = expenseIds.isEmpty() ? 0 : this.expenses.deleteAll(expenseIds);
			int incomesDeleted = incomeIds.isEmpty() ? 0 : this.incomes.deleteAll(incomeIds);
			int categoriesDeleted = this.store.deleteUnusedCategories(household);
			this.store.forget(household);
			return new DemoDataStore.Counts(expensesDeleted, incomesDeleted, categoriesDeleted);
		});
	}

	int readable() {
		requirePostgresPrimary();
		return this.household.forReading();
	}

	int writable() {
		requirePostgresPrimary();
		return this.household.forWriting();
	}

	private void requirePostgresPrimary() {
		if (this.storage.phase().primary() != StorageBackend.POSTGRES) {
			throw Households.needsPostgresPrimary("Demo data");
		}
	}

}
