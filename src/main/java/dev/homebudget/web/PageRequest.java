package dev.homebudget.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code limit} and {@code cursor} of a paged list other than the entries
 * (settlements, invitations): at most {@value #MAX_LIMIT} items per page, the next page
 * announced by a signed cursor (see {@link SignedCursor}) naming the list it belongs to
 * and the position of the last item.
 *
 * @param limit the page size
 * @param after the position after which the page starts (the cursor's fields after the
 * list's name), or null for the first page
 */
public record PageRequest(int limit, List<String> after) {

	public static final int MAX_LIMIT = 1000;

	private static final Pattern INTEGER = Pattern.compile("\\d{1,4}");

	/**
	 * Reads the parameters of a page of {@code list}.
	 * @param fields how many fields a position of this list has
	 * @throws RequestValidationException 422 on {@code ["query","limit"]} or
	 * {@code ["query","cursor"]}
	 */
	public static PageRequest read(Map<String, String> parameters, String list, int fields, int defaultLimit) {
		List<ValidationIssue> issues = new ArrayList<>();
		int limit = defaultLimit;
		String rawLimit = parameters.get("limit");
		if (rawLimit != null && !rawLimit.isEmpty()) {
			String text = rawLimit.strip();
			int value = INTEGER.matcher(text).matches() ? Integer.parseInt(text) : -1;
			if (value < 1 || value > MAX_LIMIT) {
				issues.add(new ValidationIssue("value_error", List.of("query", "limit"),
						"Value error, limit must be an integer between 1 and " + MAX_LIMIT,
						(rawLimit.length() <= 100) ? rawLimit : rawLimit.substring(0, 100), null));
			}
			else {
				limit = value;
			}
		}
		if (!issues.isEmpty()) {
			throw new RequestValidationException(issues);
		}
		String cursor = parameters.get("cursor");
		if (cursor == null || cursor.isEmpty()) {
			return new PageRequest(limit, null);
		}
		List<String> parts = List.of(SignedCursor.verify(cursor).split("\n", -1));
		if (parts.size() != fields + 1 || !parts.get(0).equals(list)) {
			throw SignedCursor.invalid(cursor, "cursor does not belong to this list");
		}
		return new PageRequest(limit, parts.subList(1, parts.size()));
	}

	/** The cursor of the page after an item at {@code position} of {@code list}. */
	public static String cursor(String list, Object... position) {
		StringBuilder payload = new StringBuilder(list);
		for (Object field : position) {
			payload.append('\n').append(field);
		}
		return SignedCursor.sign(payload.toString());
	}

}
