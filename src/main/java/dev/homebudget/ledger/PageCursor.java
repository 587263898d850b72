package dev.homebudget.ledger;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import dev.homebudget.web.InvalidValue;
import dev.homebudget.web.SignedCursor;

/**
 * Opaque keyset cursor: the sort key and id of the last row of a page, and the order it
 * belongs to, signed (see {@link SignedCursor}) so that only cursors this server wrote
 * are read. A cursor from another order is refused rather than silently misread, and
 * every key is checked strictly again (an amount shaped as {@code NUMERIC(10,2)}, a date
 * of four-digit years, a category as the column holds it) so that no cursor, whatever it
 * says, costs more than reading a few characters.
 */
public record PageCursor(EntrySort sort, Object key, int id) {

	private static final String VERSION = "2";

	/** Up to 8 digits before the point and 2 after: what NUMERIC(10,2) holds. */
	private static final Pattern AMOUNT = Pattern.compile("-?\\d{1,8}(\\.\\d{1,2})?");

	private static final Pattern ID = Pattern.compile("[1-9]\\d{0,9}");

	public String encode() {
		String key = (this.key instanceof BigDecimal amount) ? amount.toPlainString() : String.valueOf(this.key);
		// the key last: a category may hold line breaks
		return SignedCursor.sign(VERSION + "\n" + this.sort.token() + "\n" + this.id + "\n" + key);
	}

	/**
	 * Decodes a cursor made for {@code sort}; a 422 {@code ["query","cursor"]} otherwise.
	 */
	public static PageCursor decode(String token, EntrySort sort) {
		String[] parts = SignedCursor.verify(token).split("\n", 4);
		if (parts.length != 4 || !VERSION.equals(parts[0]) || !sort.token().equals(parts[1])) {
			throw SignedCursor.invalid(token, "cursor does not belong to this sort order");
		}
		if (!ID.matcher(parts[2]).matches() || Long.parseLong(parts[2]) > Integer.MAX_VALUE) {
			throw SignedCursor.invalid(token, "malformed cursor");
		}
		try {
			Object key = switch (sort.column()) {
				case DATE -> EntryDates.parse(parts[3]);
				case AMOUNT -> amount(parts[3]);
				case CATEGORY -> FieldRules.text(EntryField.CATEGORY, parts[3]);
			};
			return new PageCursor(sort, key, Integer.parseInt(parts[2]));
		}
		catch (InvalidValue ex) {
			throw SignedCursor.invalid(token, "malformed cursor");
		}
	}

	private static BigDecimal amount(String text) throws InvalidValue {
		if (!AMOUNT.matcher(text).matches()) {
			throw new InvalidValue("value_error", "not an amount");
		}
		return new BigDecimal(text);
	}

}
