package dev.homebudget.web;

/**
 * Text that PostgreSQL can store as it is: no NUL character (a text column refuses it,
 * and the statement would fail) and no unpaired surrogate (the driver would silently
 * write a replacement character). Every text that reaches the database from a request is
 * checked here first, so that it is a 422, never a 500 or a changed value.
 */
public final class StorableText {

	private StorableText() {
	}

	/**
	 * Returns the text when it can be stored as it is.
	 * @throws InvalidValue {@code value_error} otherwise
	 */
	public static String check(String text) throws InvalidValue {
		if (text.indexOf('\0') >= 0) {
			throw new InvalidValue("value_error", "Value error, text must not contain NUL (\\u0000) characters");
		}
		if (hasUnpairedSurrogate(text)) {
			throw new InvalidValue("value_error", "Value error, text must be valid Unicode (unpaired surrogate)");
		}
		return text;
	}

	private static boolean hasUnpairedSurrogate(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c)) {
				if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
					return true;
				}
				i++;
			}
			else if (Character.isLowSurrogate(c)) {
				return true;
			}
		}
		return false;
	}

}
