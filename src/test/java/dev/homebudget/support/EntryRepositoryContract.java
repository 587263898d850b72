package dev.homebudget.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import dev.homebudget.ledger.EntryField;
import dev.homebudget.ledger.EntryQuery;
import dev.homebudget.ledger.EntryRepository;
import dev.homebudget.ledger.EntrySort;
import dev.homebudget.ledger.EntryTotals;
import dev.homebudget.ledger.EntryValues;
import dev.homebudget.ledger.StoredEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One behaviour suite for every repository of expenses and incomes, in PostgreSQL and in
 * the JSON files (the original's repository tests, contract §9.3). The expense and income
 * suites extend it with what only their kind has.
 *
 * @param <E> a stored entry
 * @param <D> an entry not stored yet
 * @param <R> the repository type
 */
public abstract class EntryRepositoryContract<E extends StoredEntry, D, R extends EntryRepository<E, D>> {

	protected R repository;

	/** A repository with nothing in it. */
	protected abstract R emptyRepository();

	/** A draft; {@code business} is dropped where the kind has none (incomes). */
	protected abstract D draft(LocalDate date, String business, String category, BigDecimal amount, String account,
			String currency, String notes);

	/** What the store holds for a draft saved under {@code id}, version 0. */
	protected abstract E withId(D draft, int id);

	/** The fields of a stored entry, without id and version. */
	protected abstract D draftOf(E entry);

	@BeforeEach
	void setUp() {
		this.repository = emptyRepository();
	}

	public D groceries() {
		return draft(LocalDate.of(2025, 11, 10), "SuperSal", "Groceries", new BigDecimal("100.50"), "Visa 1234",
				"\u20aa", "Weekly shopping");
	}

	public D moreGroceries() {
		return draft(LocalDate.of(2025, 11, 20), null, "Groceries", new BigDecimal("50.00"), "Cash", "\u20aa", null);
	}

	public D fuel() {
		return draft(LocalDate.of(2025, 12, 5), "Paz", "Transport", new BigDecimal("200.00"), "Visa 1234", "$", "Fuel");
	}

	protected final List<E> seedThree() {
		return List.of(this.repository.create(groceries()), this.repository.create(moreGroceries()),
				this.repository.create(fuel()));
	}

	@Test
	void shouldRoundTripEveryField() {
		E created = this.repository.create(groceries());
		assertThat(created.id()).isPositive();
		assertThat(this.repository.findById(created.id())).contains(withId(groceries(), created.id()));
	}

	@Test
	void shouldLeaveOptionalFieldsNull() {
		E created = this.repository.create(moreGroceries());
		assertThat(created.notes()).isNull();
	}

	@Test
	void shouldFindNothingForMissingId() {
		assertThat(this.repository.findById(999)).isEmpty();
		assertThat(this.repository.existsById(999)).isFalse();
	}

	@Test
	void shouldListNewestFirstAndPage() {
		List<E> seeded = seedThree();
		assertThat(this.repository.findAll()).extracting(StoredEntry::id)
			.containsExactly(seeded.get(2).id(), seeded.get(1).id(), seeded.get(0).id());
		assertThat(this.repository.find(EntryQuery.all().withLimit(2))).extracting(StoredEntry::id)
			.containsExactly(seeded.get(2).id(), seeded.get(1).id());
	}

	@Test
	void shouldFilterByCategory() {
		seedThree();
		assertThat(this.repository.find(inCategory("Transport"))).hasSize(1);
		assertThat(this.repository.find(inCategory("Groceries"))).hasSize(2);
		assertThat(this.repository.stats(inCategory("Groceries")).get(0).count()).isEqualTo(2);
	}

	@Test
	void shouldUpdateOnlyPresentFields() {
		E created = this.repository.create(groceries());
		EntryValues changes = EntryValues.builder()
			.put(EntryField.AMOUNT, new BigDecimal("75.25"))
			.put(EntryField.NOTES, "changed")
			.build();
		E updated = this.repository.update(created.id(), changes).orElseThrow();
		assertThat(updated.amount()).isEqualByComparingTo("75.25");
		assertThat(updated.notes()).isEqualTo("changed");
		assertThat(updated.category()).isEqualTo("Groceries");
		assertThat(this.repository.findById(created.id())).contains(updated);
	}

	@Test
	void shouldClearNullableFields() {
		E created = this.repository.create(groceries());
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
		E created = this.repository.create(groceries());
		assertThat(this.repository.deleteById(created.id())).isTrue();
		assertThat(this.repository.findById(created.id())).isEmpty();
		assertThat(this.repository.deleteById(created.id())).isFalse();
	}

	@Test
	void shouldBulkDeleteOnlyExistingRows() {
		List<E> seeded = seedThree();
		assertThat(this.repository.deleteAllById(List.of(seeded.get(0).id(), seeded.get(1).id()))).isEqualTo(2);
		assertThat(this.repository.count()).isEqualTo(1);
		assertThat(this.repository.deleteAllById(List.of(999, 1000))).isZero();
		assertThat(this.repository.deleteAllById(List.of())).isZero();
	}

	@Test
	void shouldCountAndTellExistence() {
		List<E> seeded = seedThree();
		assertThat(this.repository.count()).isEqualTo(3);
		assertThat(this.repository.existsById(seeded.get(0).id())).isTrue();
	}

	@Test
	void shouldFindByInclusiveDateRangeNewestFirst() {
		seedThree();
		assertThat(this.repository.find(between(LocalDate.of(2025, 11, 1), LocalDate.of(2025, 11, 30))))
			.extracting(StoredEntry::date)
			.containsExactly(LocalDate.of(2025, 11, 20), LocalDate.of(2025, 11, 10));
		assertThat(this.repository.find(between(LocalDate.of(2025, 11, 10), LocalDate.of(2025, 11, 10)))).hasSize(1);
	}

	@Test
	void shouldTotalExactly() {
		seedThree();
		assertThat(this.repository.stats(inCategory("Groceries")).get(0).total()).isEqualByComparingTo("150.50");
		// 50.00 shekels and 200.00 dollars are never 250.00 of anything
		assertThat(this.repository.total(LocalDate.of(2025, 11, 15), LocalDate.of(2025, 12, 31))).containsExactly(
				new EntryTotals.Total("ILS", new BigDecimal("50.00"), 1),
				new EntryTotals.Total("USD", new BigDecimal("200.00"), 1));
		assertThat(this.repository.stats(inCategory("None"))).isEmpty();
	}

	@Test
	void shouldListDistinctCategoriesMostUsedFirst() {
		seedThree();
		assertThat(this.repository.distinctValues(EntryField.CATEGORY, 10)).extracting(EntryTotals.ValueCount::value)
			.containsExactly("Groceries", "Transport");
	}

	private static EntryQuery inCategory(String category) {
		return new EntryQuery(null, null, category, null, null, null, null, null, EntrySort.NEWEST_FIRST, null, null);
	}

	private static EntryQuery between(LocalDate from, LocalDate to) {
		return new EntryQuery(from, to, null, null, null, null, null, null, EntrySort.NEWEST_FIRST, null, null);
	}

	@Test
	void shouldKeepCentsExactForManyRows() {
		BigDecimal expected = BigDecimal.ZERO;
		for (int i = 0; i < 100; i++) {
			BigDecimal amount = new BigDecimal("0.10").add(new BigDecimal(i).movePointLeft(2));
			expected = expected.add(amount);
			this.repository.create(draft(LocalDate.of(2025, 1, 1), null, "Cents", amount, "A", "\u20aa", null));
		}
		assertThat(this.repository.stats(inCategory("Cents")).get(0).total()).isEqualByComparingTo(expected);
	}

	@Test
	void shouldFindExistingRowsAmongIds() {
		List<E> seeded = seedThree();
		assertThat(
				this.repository.findAllById(List.of(seeded.get(0).id(), seeded.get(2).id(), seeded.get(0).id(), 999)))
			.extracting(StoredEntry::id)
			.containsExactlyInAnyOrder(seeded.get(0).id(), seeded.get(2).id());
		assertThat(this.repository.findAllById(List.of())).isEmpty();
	}

	@Test
	void shouldCreateAllWithDistinctIdsInOrder() {
		List<E> created = this.repository.createAll(List.of(groceries(), fuel()));
		assertThat(created).extracting(StoredEntry::category).containsExactly("Groceries", "Transport");
		assertThat(created.get(0).id()).isNotEqualTo(created.get(1).id());
		assertThat(this.repository.count()).isEqualTo(2);
		assertThat(this.repository.createAll(List.of())).isEmpty();
	}

	/**
	 * Many drafts at once (one INSERT per run of drafts with the same fields, in
	 * PostgreSQL): the store holds exactly what creating them one by one would, in their
	 * order, amounts and unicode text unchanged.
	 */
	@Test
	void shouldCreateManyInOrderAsOneByOne() {
		List<D> drafts = new java.util.ArrayList<>();
		for (int i = 0; i < 1203; i++) {
			BigDecimal amount = new BigDecimal("1234567.89").subtract(BigDecimal.valueOf(i * 7L, i % 3));
			drafts.add(switch (i % 4) {
				case 0 -> groceries();
				case 1 -> draft(LocalDate.of(2024, 2, 29).plusDays(i), "קפה " + i, "Café", amount, "Visa", "$",
						(i % 8 == 1) ? null : "note, \"quoted\" {" + i + "}");
				case 2 -> moreGroceries();
				default -> draft(LocalDate.of(2031, 1, 1), null, "Transport", amount.negate(), "Cash", "€", "");
			});
		}
		List<E> created = this.repository.createAll(drafts);
		assertThat(created).hasSize(drafts.size());
		assertThat(created).extracting(StoredEntry::id).doesNotHaveDuplicates().isSorted();
		for (int i = 0; i < drafts.size(); i++) {
			assertThat(created.get(i)).isEqualTo(withId(drafts.get(i), created.get(i).id()));
			assertThat(this.repository.findById(created.get(i).id())).contains(created.get(i));
		}
		assertThat(this.repository.count()).isEqualTo(drafts.size());
	}

	@Test
	void shouldPutRowsUnderTheirOwnIdsAndKeepNewIdsAhead() {
		E existing = this.repository.create(groceries());
		E replaced = withId(fuel(), existing.id());
		E inserted = withId(groceries(), existing.id() + 40);
		this.repository.putAll(List.of(replaced, inserted));
		assertThat(this.repository.findById(existing.id()))
			.hasValueSatisfying((row) -> assertThat(draftOf(row)).isEqualTo(fuel()));
		assertThat(this.repository.findById(inserted.id()))
			.hasValueSatisfying((row) -> assertThat(draftOf(row)).isEqualTo(groceries()));
		assertThat(this.repository.create(moreGroceries()).id()).isGreaterThan(inserted.id());
		this.repository.putAll(List.of());
		assertThat(this.repository.count()).isEqualTo(3);
	}

	@Test
	void shouldBumpTheVersionOnUpdateAndMatchVersionsOnConditionalWrites() {
		E created = this.repository.create(groceries());
		assertThat(created.version()).isZero();
		EntryValues notes = EntryValues.builder().put(EntryField.NOTES, "v1").build();
		assertThat(this.repository.updateIfVersion(created.id(), List.of(5), notes)).isEmpty();
		E updated = this.repository.updateIfVersion(created.id(), List.of(0), notes).orElseThrow();
		assertThat(updated.version()).isEqualTo(1);
		assertThat(this.repository.updateIfVersion(created.id(), List.of(1), EntryValues.builder().build()))
			.contains(updated);
		assertThat(this.repository.deleteIfVersion(created.id(), List.of(0))).isFalse();
		assertThat(this.repository.deleteIfVersion(created.id(), List.of(1))).isTrue();
		assertThat(this.repository.updateIfVersion(created.id(), List.of(1), notes)).isEmpty();
	}

}
