package dev.homebudget.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Recognises a database failure that a retry shortly may fix, wherever Spring wrapped it
 * (a commit failure arrives as a {@code TransactionSystemException}, not a
 * {@code DataAccessException}).
 */
public final class DatabaseFailures {

	/** SQLState classes: connection (08), resources (53), operator intervention (57). */
	private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53", "57");

	private static final String LOCK_NOT_AVAILABLE = "55P03";

	/** Lock not available (lock_timeout), deadlock, serialization failure. */
	private static final Set<String> TRANSIENT_STATES = Set.of("55P03", "40P01", "40001");

	/**
	 * A value a check inside the database refused (raised by a function of ours, e.g.
	 * strict categories in V19): the message says why, COLUMN names the field, DETAIL
	 * holds the value.
	 */
	private static final String REFUSED_VALUE = "HBV01";

	private DatabaseFailures() {
	}

	/**
	 * The 422 item of a value a check inside the database refused, if that is what
	 * failed: nothing was written (the statement failed, and its transaction with it).
	 */
	public static Optional<ValidationIssue> refusedValue(Throwable failure) {
		int depth = 0;
		for (Throwable cause = failure; cause != null && depth < 20; cause = cause.getCause(), depth++) {
			if (cause instanceof PSQLException sql && REFUSED_VALUE.equals(sql.getSQLState())
					&& sql.getServerErrorMessage() != null) {
				ServerErrorMessage refused = sql.getServerErrorMessage();
				String field = (refused.getColumn() != null) ? refused.getColumn() : "body";
				return Optional.of(new ValidationIssue("value_error", List.of("body", field), refused.getMessage(),
						refused.getDetail(), null));
			}
		}
		return Optional.empty();
	}

	/**
	 * A statement gave up waiting for a lock ({@code lock_timeout}, SQLState 55P03).
	 * Checked by SQLState: Spring's default translator leaves 55P03 uncategorised (an
	 * {@code UncategorizedSQLException}, not a
	 * {@code PessimisticLockingFailureException}), so catching the exception class alone
	 * misses it.
	 */
	public static boolean isLockNotAvailable(Throwable failure) {
		int depth = 0;
		for (Throwable cause = failure; cause != null && depth < 20; cause = cause.getCause(), depth++) {
			if (cause instanceof CannotAcquireLockException) {
				return true;
			}
			if (cause instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	public static boolean isUnavailable(Throwable failure) {
		int depth = 0;
		for (Throwable cause = failure; cause != null && depth < 20; cause = cause.getCause(), depth++) {
			if (cause instanceof SQLTransientConnectionException || cause instanceof DataAccessResourceFailureException
					|| cause instanceof TransientDataAccessException || cause instanceof QueryTimeoutException
					|| cause instanceof PessimisticLockingFailureException
					|| cause instanceof CannotCreateTransactionException) {
				return true;
			}
			// A rollback on a connection the server closed hides the failure that caused
			// it.
			if (cause instanceof TransactionSystemException transaction && transaction.getApplicationException() != null
					&& transaction.getApplicationException() != failure
					&& isUnavailable(transaction.getApplicationException())) {
				return true;
			}
			// A commit that failed as the server went away: Spring then rolls back, the
			// pool
			// has already closed the broken connection, and the rollback failure (an
			// SQLException without SQLState from the pool) is thrown instead of the
			// commit's.
			if (cause instanceof TransactionSystemException && cause.getCause() instanceof SQLException sql
					&& sql.getSQLState() == null) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				String state = sql.getSQLState();
				if (TRANSIENT_STATES.contains(state)
						|| (state.length() >= 2 && TRANSIENT_CLASSES.contains(state.substring(0, 2)))) {
					return true;
				}
			}
		}
		return false;
	}

}
