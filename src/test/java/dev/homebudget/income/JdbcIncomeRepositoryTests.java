package dev.homebudget.income;

import javax.sql.DataSource;

import dev.homebudget.support.MigratedDatabase;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcIncomeRepositoryTests extends IncomeRepositoryContract {

	private static DataSource dataSource;

	@BeforeAll
	static void migrate() {
		dataSource = MigratedDatabase.migrated("repository_income");
	}

	@Override
	protected IncomeRepository emptyRepository() {
		MigratedDatabase.truncate(dataSource, "incomes");
		return new JdbcIncomeRepository(JdbcClient.create(dataSource));
	}

}
