package dev.homebudget.expense;

import javax.sql.DataSource;

import dev.homebudget.support.MigratedDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcExpenseRepositoryTests extends ExpenseRepositoryContract {

	private static DataSource dataSource;

	@BeforeAll
	static void migrate() {
		dataSource = MigratedDatabase.migrated("repository_expense");
	}

	@Override
	protected ExpenseRepository emptyRepository() {
		MigratedDatabase.truncate(dataSource, "expenses");
		return new JdbcExpenseRepository(JdbcClient.create(dataSource));
	}

	@Test
	void identityMovesPastExplicitIdsAndNeverBackwards() {
		ExpenseRepository repository = emptyRepository();
		repository.keepIdentityAheadOfIds();
		assertThat(repository.create(ExpenseRepositoryContract.groceries()).id()).isEqualTo(1);
		JdbcClient jdbc = JdbcClient.create(dataSource);
		for (int id : new int[] { 5, 10 }) {
			jdbc.sql(
					"INSERT INTO expenses (id, date, business, category, amount, account) VALUES (:id, DATE '2025-01-01', 'b', 'c', 1, 'a')")
				.param("id", id)
				.update();
		}
		repository.keepIdentityAheadOfIds();
		int next = repository.create(ExpenseRepositoryContract.groceries()).id();
		assertThat(next).isEqualTo(11);
		repository.deleteById(next);
		repository.keepIdentityAheadOfIds();
		assertThat(repository.create(ExpenseRepositoryContract.groceries()).id()).isEqualTo(12);
	}

}
