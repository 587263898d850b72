package dev.homebudget.income;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import dev.homebudget.household.Households;
import dev.homebudget.shared.EntryField;
import dev.homebudget.shared.EntryQuery;
import dev.homebudget.shared.EntrySort;
import dev.homebudget.shared.EntryTotals;
import dev.homebudget.shared.EntryValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One behaviour suite for every {@link IncomeRepository} implementation (the original's
 * repository tests, contract §9.3). Subclasses provide an empty repository.
 */
abstract class IncomeRepositoryContract {

	private IncomeRepository repository;

	/** A repository with no incomes in it. */
	protected abstract IncomeRepository emptyRepository();

	@BeforeEach
	void setUp() {
		this.repository = emptyRepository();
	}

	static IncomeDraft groceries() {
		return new IncomeDraft(LocalDate.of(2025, 11, 10), "Groceries", new BigDecimal("100.50"), "Visa 1234", "\u20aa",
				"Weekly shopping");
	}

	static IncomeDraft moreGroceries() {
		return new IncomeDraft(LocalDate.of(2025, 11, 20), "Groceries", new BigDecimal("50.00"), "Cash", "\u20aa",
				null);
	}

	static IncomeDraft fuel() {
		return new IncomeDraft(LocalDate.of(2025, 12, 5), "Transport", new BigDecimal("200.00"), "Visa 1234", "$",
				"Fuel");
	}

	private List<Income> seedThree() {
		return List.of(this.repository.create(groceries()), this.repository.create(moreGroceries()),
				this.repository.create(fuel()));
	}

	@Test
	void shouldRoundTripEveryField() {
		Income created = this.repository.create(groceries());
		assertThat(created.id()).isPositive();
		assertThat(this.repository.findById(created.id())).contains(groceries().withId(created.id()));
	}

	@Test
	void shouldLeaveOptionalFieldsNull() {
		Income created = this.repository.create(moreGroceries());
		assertThat(created.notes()).isNull();
	}

	@Test
	void shouldFindNothingForMissingId() {
		assertThat(this.repository.findById(999)).isEmpty();
		assertThat(this.repository.existsById(999)).isFalse();
	}

	@Test
	void shouldListNewestFirstAndPage() {
		List<Income> seeded = seedThree();
		assertThat(this.repository.findAll()).extracting(Income::id)
			.containsExactly(seeded.get(2).id(), seeded.get(1).id(), seeded.get(0).id());
		assertThat(this.repository.findPage(2, 2)).extracting(Income::id).containsExactly(seeded.get(0).id());
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
		Income created = this.repository.create(groceries());
		EntryValues changes = EntryValues.builder()
			.put(EntryField.AMOUNT, new BigDecimal("75.25"))
			.put(EntryField.NOTES, "changed")
			.build();
		Income updated = this.repository.update(created.id(), changes).orElseThrow();
		assertThat(updated.amount()).isEqualByComparingTo("75.25");
		assertThat(updated.notes()).isEqualTo("changed");
		assertThat(updated.category()).isEqualTo("Groceries");
		assertThat(this.repository.findById(created.id())).contains(updated);
	}

	@Test
	void shouldClearNullableFields() {
		Income created = this.repository.create(groceries());
		EntryValues changes = EntryValues.builder().put(EntryField.NOTES, null).build();
		assertThat(this.repository.update(created.id(), changes).orElseThrow().notes()).isNull();
	}

	@Test
	void shouldNotUpdateMissingId() {
		EntryValues changes = EntryValues.builder().put(EntryField.NOTES, "x").build();
		assertThat(this.repository.update(999, changes)).isEmpty();
		assertThat(this.repository.update(999, EntryValues.builder().build())).isEmpty();
	}

	@Test
	void shouldDelete() {
		Income created = this.repository.create(groceries());
		assertThat(this.repository.deleteById(created.id())).isTrue();
		assertThat(this.repository.findById(created.id())).isEmpty();
		assertThat(this.repository.deleteById(created.id())).isFalse();
	}

	@Test
	void shouldBulkDeleteOnlyExistingRows() {
		List<Income> seeded = seedThree();
		assertThat(this.repository.deleteAllById(List.of(seeded.get(0).id(), seeded.get(1).id()))).isEqualTo(2);
		assertThat(this.repository.count()).isEqualTo(1);
		assertThat(this.repository.deleteAllById(List.of(999, 1000))).isZero();
		assertThat(this.repository.deleteAllById(List.of())).isZero();
	}

	@Test
	void shouldCountAndTellExistence() {
		List<Income> seeded = seedThree();
		assertThat(this.repository.count()).isEqualTo(3);
		assertThat(this.repository.existsById(seeded.get(0).id())).isTrue();
	}

	@Test
	void shouldFindByInclusiveDateRangeNewestFirst() {
		seedThree();
		assertThat(this.repository.findByDateRange(LocalDate.of(2025, 11, 1), LocalDate.of(2025, 11, 30)))
			.extracting(Income::date)
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
			this.repository.create(new IncomeDraft(LocalDate.of(2025, 1, 1), "Cents", amount, "A", "\u20aa", null));
		}
		assertThat(this.repository.totalByCategory("Cents")).isEqualByComparingTo(expected);
	}

	@Test
	void shouldFindExistingRowsAmongIds() {
		List<Income> seeded = seedThree();
		assertThat(
				this.repository.findAllById(List.of(seeded.get(0).id(), seeded.get(2).id(), seeded.get(0).id(), 999)))
			.extracting(Income::id)
			.containsExactlyInAnyOrder(seeded.get(0).id(), seeded.get(2).id());
		assertThat(this.repository.findAllById(List.of())).isEmpty();
	}

	@Test
	void shouldCreateAllWithDistinctIdsInOrder() {
		List<Income> created = this.repository.createAll(List.of(groceries(), fuel()));
		assertThat(created).extracting(Income::category).containsExactly("Groceries", "Transport");
		assertThat(created.get(0).id()).isNotEqualTo(created.get(1).id());
		assertThat(this.repository.count()).isEqualTo(2);
	}

	@Test
	void shouldPutRowsUnderTheirOwnIdsAndKeepNewIdsAhead() {
		Income existing = this.repository.create(groceries());
		Income inserted = groceries().withId(existing.id() + 40);
		this.repository.putAll(List.of(fuel().withId(existing.id()), inserted));
		assertThat(this.repository.findById(existing.id()))
			.hasValueSatisfying((row) -> assertThat(IncomeDraft.of(row)).isEqualTo(fuel()));
		assertThat(this.repository.findById(inserted.id()))
			.hasValueSatisfying((row) -> assertThat(IncomeDraft.of(row)).isEqualTo(groceries()));
		assertThat(this.repository.create(moreGroceries()).id()).isGreaterThan(inserted.id());
	}

	@Test
	void shouldBumpTheVersionOnUpdateAndMatchVersionsOnConditionalWrites() {
		Income created = this.repository.create(groceries());
		EntryValues notes = EntryValues.builder().put(EntryField.NOTES, "v1").build();
		assertThat(this.repository.updateIfVersion(created.id(), List.of(5), notes)).isEmpty();
		assertThat(this.repository.updateIfVersion(created.id(), List.of(0), notes).orElseThrow().version())
			.isEqualTo(1);
		assertThat(this.repository.deleteIfVersion(created.id(), List.of(0))).isFalse();
		assertThat(this.repository.deleteIfVersion(created.id(), List.of(1))).isTrue();
	}

	@Test
	void shouldQueryAndAggregateLikeTheDatabase() {
		List<Income> rows = this.repository.createAll(List.of(
				new IncomeDraft(LocalDate.of(2025, 3, 1), "salary", new BigDecimal("10.00"), "acct", "\u20aa",
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
			.containsExactly("Salary", "salary", "\u00e9t\u00e9");
		assertThat(this.repository.totalsByMonth(2025)).extracting(EntryTotals.ByMonth::total)
			.containsExactly(new BigDecimal("35.50"), new BigDecimal("7.25"));
		assertThat(this.repository.distinctValues(EntryField.ACCOUNT, 5))
			.containsExactly(new EntryTotals.ValueCount("acct", 2), new EntryTotals.ValueCount("other", 1));
	}

	@Test
	void shouldHoldTheFirstHouseholdsRowsInItsFirstHouseholdView() {
		IncomeRepository first = this.repository.forHousehold(Households.FIRST);
		Income created = first.create(groceries());
		assertThat(this.repository.findById(created.id())).contains(created);
		assertThat(first.findAll()).containsExactlyElementsOf(this.repository.findAll());
	}

}
