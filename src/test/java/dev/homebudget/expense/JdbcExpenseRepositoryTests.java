package dev.homebudget.expense;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import dev.homebudget.ledger.EntryField;
import dev.homebudget.ledger.EntryQuery;
import dev.homebudget.ledger.EntryTotals;
import dev.homebudget.ledger.EntryValues;
import dev.homebudget.support.MigratedDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import dev.homebudget.ledger.EntryRepository;
import dev.homebudget.ledger.JdbcEntries;

class JdbcExpenseRepositoryTests extends ExpenseRepositoryContract {

	private static DataSource dataSource;

	@BeforeAll
	static void migrate() {
		dataSource = MigratedDatabase.migrated("repository_expense");
	}

	@Override
	protected EntryRepository<Expense, ExpenseDraft> emptyRepository() {
		MigratedDatabase.truncate(dataSource, "expenses");
		return new JdbcEntries<>(JdbcClient.create(dataSource), Expense.TYPE);
	}

	@Test
	void identityMovesPastExplicitIdsAndNeverBackwards() {
		EntryRepository<Expense, ExpenseDraft> repository = emptyRepository();
		repository.keepIdentityAheadOfIds();
		assertThat(repository.create(groceries()).id()).isEqualTo(1);
		JdbcClient jdbc = JdbcClient.create(dataSource);
		for (int id : new int[] { 5, 10 }) {
			jdbc.sql(
					"INSERT INTO expenses (id, date, business, category, amount, account) VALUES (:id, DATE '2025-01-01', 'b', 'c', 1, 'a')")
				.param("id", id)
				.update();
		}
		repository.keepIdentityAheadOfIds();
		int next = repository.create(groceries()).id();
		assertThat(next).isEqualTo(11);
		repository.deleteById(next);
		repository.keepIdentityAheadOfIds();
		assertThat(repository.create(groceries()).id()).isEqualTo(12);
	}

	@Test
	void entriesAreWrittenWithTheNameOfTheCategoryTheyMatchAndLinkedToIt() {
		EntryRepository<Expense, ExpenseDraft> repository = emptyRepository();
		Expense first = repository
			.create(draft(LocalDate.of(2025, 1, 1), "Shop", "Épicerie Fine", new BigDecimal("1.00")));
		Expense typed = repository
			.create(draft(LocalDate.of(2025, 1, 2), "Shop", "  epicerie   FINE ", new BigDecimal("2.00")));
		assertThat(typed.category()).isEqualTo("Épicerie Fine");
		Expense changed = repository
			.update(first.id(), EntryValues.builder().put(EntryField.CATEGORY, "ÉPICERIE fine").build())
			.orElseThrow();
		assertThat(changed.category()).isEqualTo("Épicerie Fine");
		// a mirror or an import keeps the text it copies; the row still joins the
		// category
		repository.putAll(List.of(new Expense(9000, LocalDate.of(2025, 1, 3), null, "epicerie fine",
				new BigDecimal("4.00"), "Cash", "\u20aa", null, 0)));
		assertThat(repository.findById(9000).orElseThrow().category()).isEqualTo("epicerie fine");
		JdbcClient jdbc = JdbcClient.create(dataSource);
		assertThat(jdbc.sql("SELECT count(DISTINCT category_id) FROM expenses").query(Integer.class).single())
			.isEqualTo(1);
		assertThat(repository.totalsByCategory(null, null))
			.containsExactly(new EntryTotals.ByCategory("Épicerie Fine", "ILS", new BigDecimal("7.00"), 3));
		// moving the category's entries rewrites their text and version in one statement
		int category = jdbc.sql("SELECT category_id FROM expenses WHERE id = 9000").query(Integer.class).single();
		jdbc.sql("UPDATE categories SET name = 'Deli', name_key = 'deli' WHERE id = :id")
			.param("id", category)
			.update();
		assertThat(repository.moveCategory(category, category, "Deli")).containsExactlyInAnyOrder(first.id(),
				typed.id(), 9000);
		assertThat(repository.findAll()).extracting(Expense::category).containsOnly("Deli");
		assertThat(jdbc.sql("SELECT DISTINCT category_id FROM expenses").query(Integer.class).list())
			.containsExactly(category);
	}

	private static ExpenseDraft draft(LocalDate date, String business, String category, BigDecimal amount) {
		return new ExpenseDraft(date, business, category, amount, "Cash", "\u20aa", null);
	}

	@Test
	void shouldNeverReachAnotherHouseholdsRows() {
		EntryRepository<Expense, ExpenseDraft> first = emptyRepository();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		int second = jdbc.sql("INSERT INTO households (name) VALUES ('second') RETURNING id")
			.query(Integer.class)
			.single();
		EntryRepository<Expense, ExpenseDraft> other = first.forHousehold(second);
		Expense mine = first.create(groceries());
		Expense theirs = other.create(moreGroceries());
		List<Integer> both = List.of(mine.id(), theirs.id());

		assertThat(other.findAll()).containsExactly(theirs);
		assertThat(other.findAllById(both)).containsExactly(theirs);
		assertThat(other.findById(mine.id())).isEmpty();
		assertThat(other.existsById(mine.id())).isFalse();
		assertThat(other.update(mine.id(), EntryValues.builder().put(EntryField.NOTES, "moved").build())).isEmpty();
		assertThat(other.updateIfVersion(mine.id(), List.of(0),
				EntryValues.builder().put(EntryField.NOTES, "moved").build()))
			.isEmpty();
		assertThat(other.deleteById(mine.id())).isFalse();
		assertThat(other.deleteIfVersion(mine.id(), List.of(0))).isFalse();
		assertThat(other.count()).isEqualTo(1);
		assertThat(other.distinctValues(EntryField.CATEGORY, 10)).extracting(EntryTotals.ValueCount::value)
			.containsExactly(theirs.category());
		assertThat(other.total(null, null).get(0).total()).isEqualByComparingTo(theirs.amount());
		assertThat(other.find(EntryQuery.all())).containsExactly(theirs);
		assertThat(other.stats(EntryQuery.all()).get(0).count()).isEqualTo(1);
		assertThat(other.distinctValues(EntryField.ACCOUNT, 10)).hasSize(1);
		other.putAll(List.of(new Expense(mine.id(), mine.date(), "overwritten", mine.category(), mine.amount(),
				mine.account(), mine.currency(), mine.notes(), 0)));
		assertThat(first.findById(mine.id())).contains(mine);
		assertThat(other.deleteAllById(both)).isEqualTo(1);
		assertThat(first.findAll()).containsExactly(mine);
		jdbc.sql("DELETE FROM households WHERE id = :id").param("id", second).update();
	}

}
