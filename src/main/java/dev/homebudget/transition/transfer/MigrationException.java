package dev.homebudget.transition.transfer;

/**
 * A migration tool cannot go on: the database refused a statement, another import is
 * running, or the files cannot be written. The message is meant for the operator.
 */
public class MigrationException extends RuntimeException {

	public MigrationException(String message) {
		super(message);
	}

	public MigrationException(String message, Throwable cause) {
		super(message, cause);
	}

}
