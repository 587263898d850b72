package dev.homebudget.income;

import javax.sql.DataSource;

import dev.homebudget.support.MigratedDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import dev.homebudget.ledger.EntryRepository;
import dev.homebudget.ledger.JdbcEntries;

class JdbcIncomeRepositoryTests extends IncomeRepositoryContract {

	private static DataSource dataSource;

	@BeforeAll
	static void migrate() {
		dataSource = MigratedDatabase.migrated("repository_income");
	}

	@Override
	protected EntryRepository<Income, IncomeDraft> emptyRepository() {
		MigratedDatabase.truncate(dataSource, "incomes");
		return new JdbcEntries<>(JdbcClient.create(dataSource), Income.TYPE);
	}

	@Test
	void identityMovesPastExplicitIdsAndNeverBackwards() {
		EntryRepository<Income, IncomeDraft> repository = emptyRepository();
		repository.keepIdentityAheadOfIds();
		assertThat(repository.create(groceries()).id()).isEqualTo(1);
		JdbcClient jdbc = JdbcClient.create(dataSource);
		for (int id : new int[] { 5, 10 }) {
			jdbc.sql(
					"INSERT INTO incomes (id, date, category, amount, account) VALUES (:id, DATE '2025-01-01', 'c', 1, 'a')")
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

}
