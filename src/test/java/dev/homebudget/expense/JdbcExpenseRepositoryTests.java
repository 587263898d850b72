package dev.homebudget.expense;

import javax.sql.DataSource;

import dev.homebudget.support.MigratedDatabase;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.jdbc.core.simple.JdbcClient;

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

}
