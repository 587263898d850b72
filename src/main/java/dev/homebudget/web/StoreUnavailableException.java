package dev.homebudget.web;

/**
 * A store of entries cannot be used right now (a JSON file that cannot be written, a disk
 * that is full). The request may succeed later, so it is answered with 503 and
 * Retry-After. The message names files and goes to the log only: response bodies carry a
 * fixed sentence, never a path.
 */
public class StoreUnavailableException extends RuntimeException {

	public StoreUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
