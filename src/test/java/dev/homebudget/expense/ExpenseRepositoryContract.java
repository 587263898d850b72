package dev.homebudget.expense;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import dev.homebudget.household.Households;
import dev.homebudget.shared.EntryField;
import dev.homebudget.shared.EntryQuery;
import dev.homebudget.shared.EntrySort;
import dev.homebudget.shared.EntryTotals;
import dev.homebudget.shared.EntryValues;
import dev.homebudget.shared.PageCursor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One behaviour suite for every {@link ExpenseRepository} implementation (the original's
 * repository tests, contract §9.3). Subclasses provide an empty repository.
 */
abstract class ExpenseRepositoryContract {

	private ExpenseRepository repository;

	/** A repository with no expenses in it. */
	protected abstract ExpenseRepository emptyRepository();

	@BeforeEach
	void setUp() {
		this.repository = emptyRepository();
	}

	static ExpenseDraft groceries() {
		return new ExpenseDraft(LocalDate.of(2025, 11, 10), "SuperSal", "Groceries", new BigDecimal("100.50"),
				"Visa 1234", "\u20aa", "Weekly shopping");
	}

	static ExpenseDraft moreGroceries() {
		return new ExpenseDraft(LocalDate.of(2025, 11, 20), null, "Groceries", new BigDecimal("50.00"), "Cash",
				"\u20aa", null);
	}

	static ExpenseDraft fuel() {
		return new ExpenseDraft(LocalDate.of(2025, 12, 5), "Paz", "Transport", new BigDecimal("200.00"), "Visa 1234",
				"$", "Fuel");
	}

	private List<Expense> seedThree() {
		return List.of(this.repository.create(groceries()), this.repository.create(moreGroceries()),
				this.repository.create(fuel()));
	}

	@Test
	void shouldRoundTripEveryField() {
		Expense created = this.repository.create(groceries());
		assertThat(created.id()).isPositive();
		assertThat(this.repository.findById(created.id())).contains(groceries().withId(created.id()));
	}

	@Test
	void shouldLeaveOptionalFieldsNull() {
		Expense created = this.repository.create(moreGroceries());
		assertThat(created.business()).isNull();
		assertThat(created.notes()).isNull();
	}

	@Test
	void shouldFindNothingForMissingId() {
		assertThat(this.repository.findById(999)).isEmpty();
		assertThat(this.repository.existsById(999)).isFalse();
	}

	@Test
	void shouldListNewestFirstAndPage() {
		List<Expense> seeded = seedThree();
		assertThat(this.repository.findAll()).extracting(Expense::id)
			.containsExactly(seeded.get(2).id(), seeded.get(1).id(), seeded.get(0).id());
		assertThat(this.repository.findPage(2, 2)).extracting(Expense::id).containsExactly(seeded.get(0).id());
		assertThat(this.repository.findPage(0, 2)).hasSize(2);
	}

	@Test
	void shouldFilterByCategory() {
		seedThree();
		assertThat(this.repository.findByCategory("Transport")).hasSize(1);
		assertThat(this.repository.findByCategory("Groceries")).hasSize(2);
		assertThat(this.repository.countByCategory("Groceries")).isEqualTo(2);
	}

	@Test
	void shouldUpdateOnlyPresentFields() {
		Expense created = this.repository.create(groceries());
		EntryValues changes = EntryValues.builder()
			.put(EntryField.AMOUNT, new BigDecimal("75.25"))
			.put(EntryField.NOTES, "changed")
			.build();
		Expense updated = this.repository.update(created.id(), changes).orElseThrow();
		assertThat(updated.amount()).isEqualByComparingTo("75.25");
		assertThat(updated.notes()).isEqualTo("changed");
		assertThat(updated.category()).isEqualTo("Groceries");
		assertThat(this.repository.findById(created.id())).contains(updated);
	}

	@Test
	void shouldClearNullableFields() {
		Expense created = this.repository.create(groceries());
		EntryValues changes = EntryValues.builder().put(EntryField.BUSINESS, null).build();
		assertThat(this.repository.update(created.id(), changes).orElseThrow().business()).isNull();
	}

	@Test
	void shouldNotUpdateMissingId() {
		EntryValues changes = EntryValues.builder().put(EntryField.NOTES, "x").build();
		assertThat(this.repository.update(999, changes)).isEmpty();
		assertThat(this.repository.update(999, EntryValues.builder().build())).isEmpty();
	}

	@Test
	void shouldDelete() {
		Expense created = this.repository.create(groceries());
		assertThat(this.repository.deleteById(created.id())).isTrue();
		assertThat(this.repository.findById(created.id())).isEmpty();
		assertThat(this.repository.deleteById(created.id())).isFalse();
	}

	@Test
	void shouldBulkDeleteOnlyExistingRows() {
		List<Expense> seeded = seedThree();
		assertThat(this.repository.deleteAllById(List.of(seeded.get(0).id(), seeded.get(1).id()))).isEqualTo(2);
		assertThat(this.repository.count()).isEqualTo(1);
		assertThat(this.repository.deleteAllById(List.of(999, 1000))).isZero();
		assertThat(this.repository.deleteAllById(List.of())).isZero();
	}

	@Test
	void shouldCountAndTellExistence() {
		List<Expense> seeded = seedThree();
		assertThat(this.repository.count()).isEqualTo(3);
		assertThat(this.repository.existsById(seeded.get(0).id())).isTrue();
	}

	@Test
	void shouldFindByInclusiveDateRangeNewestFirst() {
		seedThree();
		assertThat(this.repository.findByDateRange(LocalDate.of(2025, 11, 1), LocalDate.of(2025, 11, 30)))
			.extracting(Expense::date)
			.containsExactly(LocalDate.of(2025, 11, 20), LocalDate.of(2025, 11, 10));
		assertThat(this.repository.findByDateRange(LocalDate.of(2025, 11, 10), LocalDate.of(2025, 11, 10))).hasSize(1);
	}

	@Test
	void shouldTotalExactly() {
		seedThree();
		assertThat(this.repository.totalByCategory("Groceries")).isEqualByComparingTo("150.50");
		assertThat(this.repository.totalByDateRange(LocalDate.of(2025, 11, 15), LocalDate.of(2025, 12, 31)))
			.isEqualByComparingTo("250.00");
		assertThat(this.repository.totalByCategory("None")).isEqualByComparingTo("0");
	}

	@Test
	void shouldListDistinctSortedCategories() {
		seedThree();
		assertThat(this.repository.categories()).containsExactly("Groceries", "Transport");
	}

	@Test
	void shouldKeepCentsExactForManyRows() {
		BigDecimal expected = BigDecimal.ZERO;
		for (int i = 0; i < 100; i++) {
			BigDecimal amount = new BigDecimal("0.10").add(new BigDecimal(i).movePointLeft(2));
			expected = expected.add(amount);
			this.repository
				.create(new ExpenseDraft(LocalDate.of(2025, 1, 1), null, "Cents", amount, "A", "\u20aa", null));
		}
		assertThat(this.repository.totalByCategory("Cents")).isEqualByComparingTo(expected);
	}

	@Test
	void shouldFindExistingRowsAmongIds() {
		List<Expense> seeded = seedThree();
		assertThat(
				this.repository.findAllById(List.of(seeded.get(0).id(), seeded.get(2).id(), seeded.get(0).id(), 999)))
			.extracting(Expense::id)
			.containsExactlyInAnyOrder(seeded.get(0).id(), seeded.get(2).id());
		assertThat(this.repository.findAllById(List.of())).isEmpty();
	}

	@Test
	void shouldCreateAllWithDistinctIdsInOrder() {
		List<Expense> created = this.repository.createAll(List.of(groceries(), fuel()));
		assertThat(created).extracting(Expense::category).containsExactly("Groceries", "Transport");
		assertThat(created.get(0).id()).isNotEqualTo(created.get(1).id());
		assertThat(this.repository.count()).isEqualTo(2);
		assertThat(this.repository.createAll(List.of())).isEmpty();
	}

	@Test
	void shouldPutRowsUnderTheirOwnIdsAndKeepNewIdsAhead() {
		Expense existing = this.repository.create(groceries());
		Expense replaced = fuel().withId(existing.id());
		Expense inserted = groceries().withId(existing.id() + 40);
		this.repository.putAll(List.of(replaced, inserted));
		assertThat(this.repository.findById(existing.id()))
			.hasValueSatisfying((row) -> assertThat(ExpenseDraft.of(row)).isEqualTo(fuel()));
		assertThat(this.repository.findById(inserted.id()))
			.hasValueSatisfying((row) -> assertThat(ExpenseDraft.of(row)).isEqualTo(groceries()));
		assertThat(this.repository.create(moreGroceries()).id()).isGreaterThan(inserted.id());
		this.repository.putAll(List.of());
		assertThat(this.repository.count()).isEqualTo(3);
	}

	@Test
	void shouldBumpTheVersionOnUpdateAndMatchVersionsOnConditionalWrites() {
		Expense created = this.repository.create(groceries());
		assertThat(created.version()).isZero();
		EntryValues notes = EntryValues.builder().put(EntryField.NOTES, "v1").build();
		assertThat(this.repository.updateIfVersion(created.id(), List.of(5), notes)).isEmpty();
		Expense updated = this.repository.updateIfVersion(created.id(), List.of(0), notes).orElseThrow();
		assertThat(updated.version()).isEqualTo(1);
		assertThat(this.repository.updateIfVersion(created.id(), List.of(1), EntryValues.builder().build()))
			.contains(updated);
		assertThat(this.repository.deleteIfVersion(created.id(), List.of(0))).isFalse();
		assertThat(this.repository.deleteIfVersion(created.id(), List.of(1))).isTrue();
		assertThat(this.repository.updateIfVersion(created.id(), List.of(1), notes)).isEmpty();
	}

	// --- queries: the JSON store must answer exactly as PostgreSQL (C collation) does

	private List<Expense> seedForQueries() {
		return this.repository.createAll(List.of(
				new ExpenseDraft(LocalDate.of(2025, 3, 1), "Shop A", "food", new BigDecimal("10.00"), "acct", "\u20aa",
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
			.containsExactly("Food", "Food", "Zoo", "food", "\u00e9picerie");
		EntryQuery march = new EntryQuery(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31), null, "acct", null, null,
				new BigDecimal("10.00"), new BigDecimal("25.50"), new EntrySort(EntrySort.Column.AMOUNT, true), 1,
				null);
		assertThat(ids(this.repository.find(march))).containsExactly(rows.get(1).id());
		EntryQuery next = march.after(new PageCursor(march.sort(), new BigDecimal("25.50"), rows.get(1).id()));
		assertThat(ids(this.repository.find(next))).containsExactly(rows.get(0).id());
		assertThat(this.repository
			.find(next.after(new PageCursor(march.sort(), new BigDecimal("10.00"), rows.get(0).id())))).isEmpty();
		assertThat(ids(this.repository.findPage(1, 2))).containsExactly(rows.get(2).id(), rows.get(1).id());
		assertThat(this.repository.findPage(10, 2)).isEmpty();
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
		assertThat(this.repository.stats(shared))
			.isEqualTo(new EntryTotals.Stats(0, new BigDecimal("0.00"), null, null, null));
	}

	private static EntryQuery text(String text) {
		return new EntryQuery(null, null, null, null, null, text, null, null, EntrySort.NEWEST_FIRST, null, null);
	}

	@Test
	void shouldAggregateExactly() {
		seedForQueries();
		assertThat(this.repository.total(LocalDate.of(2025, 1, 1), null))
			.isEqualTo(new EntryTotals.Total(new BigDecimal("3042.75"), 4));
		assertThat(this.repository.total(LocalDate.of(2030, 1, 1), null))
			.isEqualTo(new EntryTotals.Total(new BigDecimal("0.00"), 0));
		assertThat(this.repository.totalsByCategory(null, LocalDate.of(2025, 12, 31))).containsExactly(
				new EntryTotals.ByCategory("\u00e9picerie", new BigDecimal("3000.00"), 1),
				new EntryTotals.ByCategory("Food", new BigDecimal("125.49"), 2),
				new EntryTotals.ByCategory("food", new BigDecimal("10.00"), 1),
				new EntryTotals.ByCategory("Zoo", new BigDecimal("7.25"), 1));
		assertThat(this.repository.totalsByMonth(2025)).containsExactly(
				new EntryTotals.ByMonth(YearMonth.of(2025, 3), new BigDecimal("3035.50"), 3),
				new EntryTotals.ByMonth(YearMonth.of(2025, 4), new BigDecimal("7.25"), 1));
		assertThat(this.repository
			.stats(new EntryQuery(null, null, null, "acct", null, null, null, null, EntrySort.NEWEST_FIRST, 1, null)))
			.isEqualTo(new EntryTotals.Stats(4, new BigDecimal("142.74"), new BigDecimal("35.69"),
					new BigDecimal("7.25"), new BigDecimal("99.99")));
		assertThat(this.repository.stats(text("nothing")))
			.isEqualTo(new EntryTotals.Stats(0, new BigDecimal("0.00"), null, null, null));
		assertThat(this.repository.distinctValues(EntryField.BUSINESS, 2))
			.containsExactly(new EntryTotals.ValueCount("Shop A", 2), new EntryTotals.ValueCount("Caf\u00c9", 1));
		assertThat(this.repository.distinctValues(EntryField.NOTES, 10)).hasSize(3);
		assertThat(this.repository.categories()).containsExactly("Food", "Zoo", "food", "\u00e9picerie");
	}

	@Test
	void shouldHoldTheFirstHouseholdsRowsInItsFirstHouseholdView() {
		ExpenseRepository first = this.repository.forHousehold(Households.FIRST);
		Expense created = first.create(groceries());
		assertThat(this.repository.findById(created.id())).contains(created);
		assertThat(first.findAll()).containsExactlyElementsOf(this.repository.findAll());
	}

}
