package dev.homebudget.database;

/**
 * The embedded PostgreSQL server could not be prepared, started or stopped. Messages are
 * written for the person running the application: they say what is wrong and what to do.
 */
public class EmbeddedPostgresException extends RuntimeException {

	public EmbeddedPostgresException(String message) {
		super(message);
	}

	public EmbeddedPostgresException(String message, Throwable cause) {
		super(message, cause);
	}

}
