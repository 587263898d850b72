package dev.homebudget.transition.transfer;

/**
 * A transfer tool (import-json, reconcile, export-json) cannot go on: the database
 * refused a statement, another import is running, or the files cannot be written. The
 * message is meant for the operator.
 */
public class TransferException extends RuntimeException {

	public TransferException(String message) {
		super(message);
	}

	public TransferException(String message, Throwable cause) {
		super(message, cause);
	}

}
