package dev.homebudget.config;

/**
 * The storage settings do not name a phase. Startup stops with the description and the
 * action, written for the person who set the variables.
 */
public class StorageSettingException extends RuntimeException {

	private final String action;

	public StorageSettingException(String description, String action) {
		super(description);
		this.action = action;
	}

	public String action() {
		return this.action;
	}

}
