package dev.homebudget.expense;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import dev.homebudget.shared.EntryField;
import dev.homebudget.shared.EntryValues;
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

}
