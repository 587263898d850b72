package dev.homebudget.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseFailuresTests {

	@ParameterizedTest
	@ValueSource(strings = { "08006", "08001", "57P01", "57014", "55P03", "53300", "40P01" })
	void shouldTreatConnectionTimeoutAndLockStatesAsUnavailable(String state) {
		assertThat(DatabaseFailures.isUnavailable(wrapped(state))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "42P01", "23505", "22001" })
	void shouldNotHideProgrammingOrDataErrors(String state) {
		assertThat(DatabaseFailures.isUnavailable(wrapped(state))).isFalse();
	}

	@Test
	void shouldSeeThroughARollbackThatFailedOnAClosedConnection() {
		TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed"));
		rollback.initApplicationException(new DataAccessResourceFailureException("terminating connection"));
		assertThat(DatabaseFailures.isUnavailable(rollback)).isTrue();
	}

	@Test
	void shouldTreatARollbackAfterAFailedCommitOnAClosedConnectionAsUnavailable() {
		// The commit failed with 57P01 during a restart; Spring rolled back, the pool had
		// closed the broken connection, and the rollback failure replaced the commit's
		// (DatabaseOutageTests, T15).
		assertThat(DatabaseFailures.isUnavailable(
				new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"))))
			.isTrue();
		assertThat(DatabaseFailures.isUnavailable(
				new TransactionSystemException("JDBC commit failed", new SQLException("duplicate key", "23505"))))
			.isFalse();
	}

	@Test
	void shouldTreatPoolTimeoutsAsUnavailableAndOtherFailuresNot() {
		assertThat(DatabaseFailures.isUnavailable(new IllegalStateException(new SQLTransientConnectionException(
				"home-budget - Connection is not available, request timed out after 1000ms"))))
			.isTrue();
		assertThat(DatabaseFailures.isUnavailable(new IllegalStateException("boom"))).isFalse();
	}

	private static Exception wrapped(String state) {
		return new UncategorizedSQLException("task", "SELECT 1", new SQLException("reason", state));
	}

}
