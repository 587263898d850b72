package dev.homebudget.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.homebudget.HomeBudgetApplication;
import dev.homebudget.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application wired to the shared test database, as other tests will use it.
 */
@SpringBootTest(classes = HomeBudgetApplication.class, properties = "budget.database.pool-size=3")
class HomeBudgetApplicationDatabaseTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("budget.database.url", () -> TestDatabase.jdbcUrl("application_tests"));
	}

	@Autowired
	private DataSource dataSource;

	@Autowired
	private ActiveDatabase activeDatabase;

	@Autowired
	private Flyway flyway;

	@Test
	void applicationUsesTheConfiguredDatabase() {
		// the pool, behind a proxy that takes a connection at the first statement
		assertThat(this.dataSource).isInstanceOf(LazyConnectionDataSourceProxy.class);
		HikariDataSource pool = (HikariDataSource) ((LazyConnectionDataSourceProxy) this.dataSource)
			.getTargetDataSource();
		assertThat(pool.getMaximumPoolSize()).isEqualTo(3);
		assertThat(new JdbcTemplate(this.dataSource).queryForObject("select current_database()", String.class))
			.isEqualTo("application_tests");
		assertThat(this.activeDatabase.embedded()).isFalse();
		javax.sql.DataSource migrations = this.flyway.getConfiguration().getDataSource();
		assertThat(migrations).isNotSameAs(this.dataSource);
		JdbcTemplate migrationJdbc = new JdbcTemplate(migrations);
		assertThat(migrationJdbc.queryForObject("select current_database()", String.class))
			.isEqualTo("application_tests");
		assertThat(migrationJdbc.queryForObject("show statement_timeout", String.class)).isEqualTo("1h");
		assertThat(migrationJdbc.queryForObject("show lock_timeout", String.class)).isEqualTo("10s");
		assertThat(new JdbcTemplate(this.dataSource).queryForObject("show statement_timeout", String.class))
			.isEqualTo("5s");
	}

}
