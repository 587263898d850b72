package dev.homebudget.ops;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseMetricsPostProcessorTests {

	@Test
	void shouldLabelErrorsWithTheSqlStateOrAClassNameNeverAMessage() {
		assertThat(DatabaseTimingInterceptor
			.errorType(new UncategorizedSQLException("t", "SELECT", new SQLException("secret text", "57014"))))
			.isEqualTo("57014");
		assertThat(DatabaseTimingInterceptor.errorType(new CannotGetJdbcConnectionException("secret host")))
			.isEqualTo("CannotGetJdbcConnectionException");
		assertThat(DatabaseTimingInterceptor.errorType(new SQLException("odd", "not a state")))
			.isEqualTo("SQLException");
	}

	@Test
	void shouldNameOperationsByFeatureAndMethod() throws Exception {
		assertThat(DatabaseMetricsPostProcessor.operation(JdbcSampleRepository.class,
				JdbcSampleRepository.class.getDeclaredMethod("create")))
			.isEqualTo("sample.create");
		assertThat(DatabaseMetricsPostProcessor.operation(Repository.class, Repository.class.getDeclaredMethod("run")))
			.isEqualTo("repository.run");
	}

	static class JdbcSampleRepository {

		void create() {
		}

	}

	static class Repository {

		void run() {
		}

	}

}
