package dev.homebudget.auth;

/** How callers are identified; {@code budget.auth.mode} (env {@code BUDGET_AUTH}). */
public enum AuthMode {

	/**
	 * No sign-in: every caller is the one household, as in the original. Only allowed on
	 * a loopback address, or in the JSON-era storage phases P0 and P1.
	 */
	SINGLE_USER,

	/** Accounts: browser sessions (form sign-in) or personal API tokens. */
	SIGN_IN

}
