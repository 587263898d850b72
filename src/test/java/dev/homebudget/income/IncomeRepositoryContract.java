package dev.homebudget.income;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import dev.homebudget.ledger.EntryField;
import dev.homebudget.ledger.EntryQuery;
import dev.homebudget.ledger.EntrySort;
import dev.homebudget.ledger.EntryTotals;
import dev.homebudget.ledger.Households;
import dev.homebudget.support.EntryRepositoryContract;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import dev.homebudget.ledger.EntryRepository;

/**
 * The repository suite for every {@link EntryRepository<Income, IncomeDraft>}
 * implementation, with the queries over an income's fields (no business).
 */
abstract class IncomeRepositoryContract
		extends EntryRepositoryContract<Income, IncomeDraft, EntryRepository<Income, IncomeDraft>> {

	@Override
	protected IncomeDraft draft(LocalDate date, String business, String category, BigDecimal amount, String account,
			String currency, String notes) {
		return new IncomeDraft(date, category, amount, account, currency, notes);
	}

	@Override
	protected Income withId(IncomeDraft draft, int id) {
		return draft.withId(id);
	}

	@Override
	protected IncomeDraft draftOf(Income income) {
		return IncomeDraft.of(income);
	}

	@Test
	void shouldQueryAndAggregateLikeTheDatabase() {
		List<Income> rows = this.repository.createAll(List.of(
				new IncomeDraft(LocalDate.of(2025, 3, 1), "pay", new BigDecimal("10.00"), "acct", "\u20aa",
						"Bonus 100%"),
				new IncomeDraft(LocalDate.of(2025, 3, 15), "Salary", new BigDecimal("25.50"), "acct", "\u20aa", null),
				new IncomeDraft(LocalDate.of(2025, 4, 2), "\u00e9t\u00e9", new BigDecimal("7.25"), "other", "$",
						"BONUS")));
		EntryQuery byCategory = new EntryQuery(null, null, null, null, "ignored", null, null, null,
				new EntrySort(EntrySort.Column.CATEGORY, true), null, null);
		assertThat(this.repository.find(byCategory)).extracting(Income::id)
			.containsExactly(rows.get(2).id(), rows.get(0).id(), rows.get(1).id());
		EntryQuery bonus = new EntryQuery(null, null, null, null, null, "bonus", null, null, EntrySort.NEWEST_FIRST,
				null, null);
		assertThat(this.repository.find(bonus)).extracting(Income::id)
			.containsExactly(rows.get(2).id(), rows.get(0).id());
		assertThat(this.repository.totalsByCategory(null, null)).extracting(EntryTotals.ByCategory::category)
			.containsExactly("Salary", "pay", "\u00e9t\u00e9");
		assertThat(this.repository.totalsByMonth(2025)).extracting(EntryTotals.ByMonth::total)
			.containsExactly(new BigDecimal("35.50"), new BigDecimal("7.25"));
		assertThat(this.repository.distinctValues(EntryField.ACCOUNT, 5))
			.containsExactly(new EntryTotals.ValueCount("acct", 2), new EntryTotals.ValueCount("other", 1));
	}

	@Test
	void shouldHoldTheFirstHouseholdsRowsInItsFirstHouseholdView() {
		EntryRepository<Income, IncomeDraft> first = this.repository.forHousehold(Households.FIRST);
		Income created = first.create(groceries());
		assertThat(this.repository.findById(created.id())).contains(created);
		assertThat(first.findAll()).containsExactlyElementsOf(this.repository.findAll());
	}

}
