package dev.homebudget.ledger;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import dev.homebudget.web.RequestValidationException;
import dev.homebudget.web.ValidationIssue;

/**
 * Opaque keyset cursor: the sort key and id of the last row of a page, and the order it
 * belongs to. A cursor from another order is refused rather than silently misread.
 */
public record PageCursor(EntrySort sort, Object key, int id) {

	private static final String VERSION = "1";

	public String encode() {
		String text = VERSION + "\n" + this.sort.token() + "\n" + this.key + "\n" + this.id;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Decodes a cursor made for {@code sort}; a 422 {@code ["query","cursor"]} otherwise.
	 */
	public static PageCursor decode(String token, EntrySort sort) {
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", -1);
			if (parts.length != 4 || !VERSION.equals(parts[0]) || !sort.token().equals(parts[1])) {
				throw invalid(token, "cursor does not belong to this sort order");
			}
			Object key = switch (sort.column()) {
				case DATE -> LocalDate.parse(parts[2]);
				case AMOUNT -> new BigDecimal(parts[2]);
				case CATEGORY -> parts[2];
			};
			return new PageCursor(sort, key, Integer.parseInt(parts[3]));
		}
		catch (IllegalArgumentException | java.time.DateTimeException ex) {
			throw invalid(token, "malformed cursor");
		}
	}

	private static RequestValidationException invalid(String token, String reason) {
		return new RequestValidationException(
				new ValidationIssue("value_error", List.of("query", "cursor"), "Value error, " + reason, token, null));
	}

}
