package dev.homebudget.ledger;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How category names compare, as the database's {@code name_key} and
 * {@code name_spelling} functions do: white space runs become one space and none
 * surrounds the name; matching also ignores case and accents (Latin diacritics and Hebrew
 * points). "Groceries", "groceries " and "GROCERIES" are one category, and so are
 * "Épicerie" and "epicerie".
 */
public final class CategoryNames {

	private static final Pattern SPACES = Pattern.compile("[ \\t\\n\\r\\f\\u000b\\u00a0]+");

	private static final Pattern MARKS = Pattern.compile("[\\u0300-\\u036f\\u0591-\\u05c7]");

	private CategoryNames() {
	}

	/** A name as a category shows it. */
	public static String spelling(String name) {
		String single = SPACES.matcher(name).replaceAll(" ");
		int start = single.startsWith(" ") ? 1 : 0;
		int end = (single.length() > start && single.endsWith(" ")) ? single.length() - 1 : single.length();
		return single.substring(start, end);
	}

	/** The name a category is matched by. */
	public static String key(String name) {
		String unaccented = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
		return spelling(unaccented).toLowerCase(Locale.ROOT);
	}

	public static boolean sameCategory(String a, String b) {
		return key(a).equals(key(b));
	}

}
