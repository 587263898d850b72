package dev.homebudget.ledger;

import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;

import dev.homebudget.web.RequestValidationException;
import dev.homebudget.web.ValidationIssue;

/**
 * Path ids. A non-integer is the original's 422 {@code int_parsing} on
 * {@code ["path", "<name>"]}; an integer outside the id column's range cannot name a row,
 * so it yields empty and the caller answers 404.
 */
public final class EntryIds {

	private static final Pattern INTEGER_TEXT = Pattern.compile("[+-]?\\d{1,100}");

	private EntryIds() {
	}

	public static OptionalInt parse(String raw, String parameterName) {
		if (raw == null || !INTEGER_TEXT.matcher(raw).matches()) {
			throw new RequestValidationException(new ValidationIssue("int_parsing", List.of("path", parameterName),
					"Input should be a valid integer, unable to parse string as an integer", raw, null));
		}
		try {
			int id = Integer.parseInt(raw);
			return (id > 0) ? OptionalInt.of(id) : OptionalInt.empty();
		}
		catch (NumberFormatException ex) {
			return OptionalInt.empty();
		}
	}

}
