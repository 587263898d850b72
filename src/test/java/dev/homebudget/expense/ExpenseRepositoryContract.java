package dev.homebudget.expense;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import dev.homebudget.ledger.EntryField;
import dev.homebudget.ledger.EntryQuery;
import dev.homebudget.ledger.EntryQueries;
import dev.homebudget.ledger.EntrySort;
import dev.homebudget.ledger.EntryTotals;
import dev.homebudget.ledger.EntryValues;
import dev.homebudget.ledger.Households;
import dev.homebudget.ledger.PageCursor;
import dev.homebudget.support.EntryRepositoryContract;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import dev.homebudget.ledger.EntryRepository;

/**
 * The repository suite for every {@link EntryRepository<Expense, ExpenseDraft>}
 * implementation, with what only expenses have: a business, stats, and the query API's
 * text search over it.
 */
abstract class ExpenseRepositoryContract
		extends EntryRepositoryContract<Expense, ExpenseDraft, EntryRepository<Expense, ExpenseDraft>> {

	@Override
	protected ExpenseDraft draft(LocalDate date, String business, String category, BigDecimal amount, String account,
			String currency, String notes) {
		return new ExpenseDraft(date, business, category, amount, account, currency, notes);
	}

	@Override
	protected Expense withId(ExpenseDraft draft, int id) {
		return draft.withId(id);
	}

	@Override
	protected ExpenseDraft draftOf(Expense expense) {
		return ExpenseDraft.of(expense);
	}

	@Test
	void shouldLeaveTheBusinessNullWhenAbsent() {
		assertThat(this.repository.create(moreGroceries()).business()).isNull();
	}

	@Test
	void shouldClearTheBusiness() {
		Expense created = this.repository.create(groceries());
		EntryValues changes = EntryValues.builder().put(EntryField.BUSINESS, null).build();
		assertThat(this.repository.update(created.id(), changes).orElseThrow().business()).isNull();
	}

	// --- queries: the JSON store must answer exactly as PostgreSQL (C collation) does

	private List<Expense> seedForQueries() {
		return this.repository.createAll(List.of(
				new ExpenseDraft(LocalDate.of(2025, 3, 1), "Shop A", "bread", new BigDecimal("10.00"), "acct", "\u20aa",
						"Weekly 100% organic"),
				new ExpenseDraft(LocalDate.of(2025, 3, 15), "Shop B", "Food", new BigDecimal("25.50"), "acct", "\u20aa",
						"MARKET"),
				new ExpenseDraft(LocalDate.of(2025, 3, 15), null, "\u00e9picerie", new BigDecimal("3000.00"), "other",
						"\u20aa", null),
				new ExpenseDraft(LocalDate.of(2025, 4, 2), "Caf\u00c9", "Zoo", new BigDecimal("7.25"), "acct", "$",
						"caf\u00e9_night"),
				new ExpenseDraft(LocalDate.of(2024, 2, 28), "Shop A", "Food", new BigDecimal("99.99"), "acct", "\u20aa",
						"")));
	}

	private List<Integer> ids(List<Expense> rows) {
		return rows.stream().map(Expense::id).toList();
	}

	@Test
	void shouldFilterSortAndPageLikeTheDatabase() {
		List<Expense> rows = seedForQueries();
		EntryQuery all = EntryQuery.all();
		assertThat(ids(this.repository.find(all))).containsExactly(rows.get(3).id(), rows.get(2).id(), rows.get(1).id(),
				rows.get(0).id(), rows.get(4).id());
		EntryQuery byCategory = new EntryQuery(null, null, null, null, null, null, null, null,
				new EntrySort(EntrySort.Column.CATEGORY, false), null, null);
		// C collation: upper case before lower case before accented letters
		assertThat(this.repository.find(byCategory)).extracting(Expense::category)
			.containsExactly("Food", "Food", "Zoo", "bread", "\u00e9picerie");
		EntryQuery march = new EntryQuery(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31), null, "acct", null, null,
				new BigDecimal("10.00"), new BigDecimal("25.50"), new EntrySort(EntrySort.Column.AMOUNT, true), 1,
				null);
		assertThat(ids(this.repository.find(march))).containsExactly(rows.get(1).id());
		EntryQuery next = march.after(new PageCursor(march.sort(), new BigDecimal("25.50"), rows.get(1).id()));
		assertThat(ids(this.repository.find(next))).containsExactly(rows.get(0).id());
		assertThat(this.repository
			.find(next.after(new PageCursor(march.sort(), new BigDecimal("10.00"), rows.get(0).id())))).isEmpty();
	}

	@Test
	void shouldSearchTextFoldingAsciiLettersOnly() {
		List<Expense> rows = seedForQueries();
		assertThat(ids(this.repository.find(text("market")))).containsExactly(rows.get(1).id());
		assertThat(ids(this.repository.find(text("100%")))).containsExactly(rows.get(0).id());
		assertThat(ids(this.repository.find(text("shop a")))).containsExactly(rows.get(0).id(), rows.get(4).id());
		// PostgreSQL's lower() under C folds ASCII only: É and é stay different
		assertThat(ids(this.repository.find(text("CAF\u00c9")))).containsExactly(rows.get(3).id());
		assertThat(ids(this.repository.find(text("caf\u00e9_")))).containsExactly(rows.get(3).id());
		assertThat(this.repository.find(text("\u00c9PICERIE"))).isEmpty();
		assertThat(ids(this.repository.find(new EntryQuery(null, null, "Food", null, "Shop A", null, null, null,
				EntrySort.NEWEST_FIRST, null, null))))
			.containsExactly(rows.get(4).id());
		// a category matches in any case, with any spaces, without accents
		assertThat(ids(this.repository.find(new EntryQuery(null, null, " FOOD ", null, null, null, null, null,
				EntrySort.NEWEST_FIRST, null, null))))
			.containsExactly(rows.get(1).id(), rows.get(4).id());
		assertThat(ids(this.repository.find(new EntryQuery(null, null, "Epicerie", null, null, null, null, null,
				EntrySort.NEWEST_FIRST, null, null))))
			.containsExactly(rows.get(2).id());
	}

	@Test
	void shouldFindNoUnattributedRowByPayer() {
		seedForQueries();
		// rows stored here name no payer (the JSON files have no place for one)
		EntryQuery all = EntryQuery.all();
		EntryQuery paidBy = new EntryQuery(null, null, null, null, null, null, null, null, EntrySort.NEWEST_FIRST, null,
				null, 1, null);
		EntryQuery forOne = new EntryQuery(null, null, null, null, null, null, null, null, EntrySort.NEWEST_FIRST, null,
				null, null, new EntryQuery.Beneficiary(1));
		EntryQuery shared = new EntryQuery(null, null, null, null, null, null, null, null, EntrySort.NEWEST_FIRST, null,
				null, null, EntryQuery.Beneficiary.SHARED);
		assertThat(this.repository.find(all)).hasSize(5);
		assertThat(this.repository.find(paidBy)).isEmpty();
		assertThat(this.repository.find(forOne)).isEmpty();
		assertThat(this.repository.find(shared)).isEmpty();
		assertThat(this.repository.stats(shared)).isEmpty();
	}

	private static EntryQuery text(String text) {
		return new EntryQuery(null, null, null, null, null, text, null, null, EntrySort.NEWEST_FIRST, null, null);
	}

	@Test
	void shouldAggregateExactly() {
		seedForQueries();
		// every sum is of one currency: the Zoo expense is in dollars
		assertThat(this.repository.total(LocalDate.of(2025, 1, 1), null)).containsExactly(
				new EntryTotals.Total("ILS", new BigDecimal("3035.50"), 3),
				new EntryTotals.Total("USD", new BigDecimal("7.25"), 1));
		assertThat(this.repository.total(LocalDate.of(2030, 1, 1), null)).isEmpty();
		assertThat(this.repository.totalsByCategory(null, LocalDate.of(2025, 12, 31))).containsExactly(
				new EntryTotals.ByCategory("\u00e9picerie", "ILS", new BigDecimal("3000.00"), 1),
				new EntryTotals.ByCategory("Food", "ILS", new BigDecimal("125.49"), 2),
				new EntryTotals.ByCategory("bread", "ILS", new BigDecimal("10.00"), 1),
				new EntryTotals.ByCategory("Zoo", "USD", new BigDecimal("7.25"), 1));
		assertThat(this.repository.totalsByMonth(2025)).containsExactly(
				new EntryTotals.ByMonth(YearMonth.of(2025, 3), "ILS", new BigDecimal("3035.50"), 3),
				new EntryTotals.ByMonth(YearMonth.of(2025, 4), "USD", new BigDecimal("7.25"), 1));
		// without a rate the dollars stay out of a shekel total, and are counted
		assertThat(this.repository.converted(EntryQuery.all(), EntryTotals.Grouping.NONE, "ILS"))
			.containsExactly(new EntryTotals.Converted("", "ILS", new BigDecimal("3135.49"), 4, 1));
		assertThat(this.repository.converted(EntryQuery.all(), EntryTotals.Grouping.MONTH, "USD")).containsExactly(
				new EntryTotals.Converted("2024-02", "USD", new BigDecimal("0.00"), 0, 1),
				new EntryTotals.Converted("2025-03", "USD", new BigDecimal("0.00"), 0, 3),
				new EntryTotals.Converted("2025-04", "USD", new BigDecimal("7.25"), 1, 0));
		assertThat(this.repository
			.stats(new EntryQuery(null, null, null, "acct", null, null, null, null, EntrySort.NEWEST_FIRST, 1, null)))
			.containsExactly(
					new EntryTotals.Stats("ILS", 3, new BigDecimal("135.49"), new BigDecimal("45.16"),
							new BigDecimal("10.00"), new BigDecimal("99.99")),
					new EntryTotals.Stats("USD", 1, new BigDecimal("7.25"), new BigDecimal("7.25"),
							new BigDecimal("7.25"), new BigDecimal("7.25")));
		assertThat(this.repository.stats(text("nothing"))).isEmpty();
		// per category of the rows a filter matches (the charts follow the table's
		// filters)
		assertThat(this.repository.totalsByCategory(
				new EntryQuery(null, null, null, "acct", null, null, null, null, EntrySort.NEWEST_FIRST, 1, null)))
			.containsExactly(new EntryTotals.ByCategory("Food", "ILS", new BigDecimal("125.49"), 2),
					new EntryTotals.ByCategory("bread", "ILS", new BigDecimal("10.00"), 1),
					new EntryTotals.ByCategory("Zoo", "USD", new BigDecimal("7.25"), 1));
		assertThat(this.repository.totalsByCategory(text("nothing"))).isEmpty();
		assertThat(this.repository.totalsByCategory(EntryQueries.range(null, LocalDate.of(2025, 12, 31))))
			.isEqualTo(this.repository.totalsByCategory(null, LocalDate.of(2025, 12, 31)));
		assertThat(this.repository.distinctValues(EntryField.BUSINESS, 2))
			.containsExactly(new EntryTotals.ValueCount("Shop A", 2), new EntryTotals.ValueCount("Caf\u00c9", 1));
		assertThat(this.repository.distinctValues(EntryField.NOTES, 10)).hasSize(3);
		assertThat(this.repository.totalsByCategory(null, null)).extracting(EntryTotals.ByCategory::category)
			.containsExactlyInAnyOrder("Food", "Zoo", "bread", "\u00e9picerie");
	}

	@Test
	void shouldHoldTheFirstHouseholdsRowsInItsFirstHouseholdView() {
		EntryRepository<Expense, ExpenseDraft> first = this.repository.forHousehold(Households.FIRST);
		Expense created = first.create(groceries());
		assertThat(this.repository.findById(created.id())).contains(created);
		assertThat(first.findAll()).containsExactlyElementsOf(this.repository.findAll());
	}

}
