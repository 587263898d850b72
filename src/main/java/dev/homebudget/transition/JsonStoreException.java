package dev.homebudget.transition;

import java.nio.file.Path;

import dev.homebudget.web.StoreUnavailableException;

/**
 * A JSON file cannot be read, parsed or written. The message names the file, so that an
 * operator knows which one to look at; the store never answers with empty or demo data
 * instead. The message goes to the log and the startup report, never into an HTTP
 * response: a client gets a fixed sentence (see {@link StoreUnavailableException}).
 */
public class JsonStoreException extends StoreUnavailableException {

	static final String RESTORE_ACTION = "Fix or restore the file named above (from a backup, or regenerate it from "
			+ "PostgreSQL with ./hbw export-json). The app never replaces a file it cannot read with empty or demo "
			+ "data, and starts only when the file is whole.";

	private final transient Path file;

	private final String action;

	public JsonStoreException(Path file, String reason) {
		this(file, reason, null);
	}

	public JsonStoreException(Path file, String reason, Throwable cause) {
		this(file, reason, RESTORE_ACTION, cause);
	}

	public JsonStoreException(Path file, String reason, String action, Throwable cause) {
		super(file + ": " + reason, cause);
		this.file = file;
		this.action = action;
	}

	public Path file() {
		return this.file;
	}

	/** What the operator should do about it. */
	public String action() {
		return this.action;
	}

}
