package dev.homebudget.storage;

import java.nio.file.Path;

/**
 * A JSON file cannot be read, parsed or written. The message names the file, so that an
 * operator knows which one to look at; the store never answers with empty or demo data
 * instead.
 */
public class JsonStoreException extends RuntimeException {

	private final transient Path file;

	public JsonStoreException(Path file, String reason) {
		this(file, reason, null);
	}

	public JsonStoreException(Path file, String reason, Throwable cause) {
		super(file + ": " + reason, cause);
		this.file = file;
	}

	public Path file() {
		return this.file;
	}

}
