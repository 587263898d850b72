package dev.homebudget.auth;

/**
 * An auth setting that must stop startup, with the sentence for the operator and what to
 * do about it (see {@link AuthFailureAnalyzer}).
 */
class AuthSettingException extends RuntimeException {

	private final String action;

	AuthSettingException(String message, String action) {
		super(message);
		this.action = action;
	}

	String action() {
		return this.action;
	}

}
