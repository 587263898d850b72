package dev.homebudget.auth;

/**
 * A request about an account that cannot be carried out (a name taken, a password too
 * short, no such account); the message is one sentence for the operator or the user.
 */
public class AccountException extends RuntimeException {

	AccountException(String message) {
		super(message, null, false, false);
	}

}
