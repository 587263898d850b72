package dev.homebudget.config;

import java.util.regex.Pattern;

/**
 * Hides the password of a database URL completely, whatever characters it holds. The
 * original parsed the URL and a {@code #} in the password cut the parse short, so part of
 * the password was shown; here the user-info ends at the <em>last</em> {@code @}, and a
 * {@code password=} query parameter (a JDBC URL) is masked too.
 */
public final class DsnMasker {

	static final String MASK = "****";

	private static final Pattern QUERY_PASSWORD = Pattern.compile("(?i)([?&;]password=)[^&;]*");

	private DsnMasker() {
	}

	public static String mask(String url) {
		if (url == null || url.isEmpty()) {
			return url;
		}
		String masked = QUERY_PASSWORD.matcher(url).replaceAll("$1" + MASK);
		int schemeEnd = masked.indexOf("://");
		int at = masked.lastIndexOf('@');
		if (at < 0) {
			return masked;
		}
		if (schemeEnd < 0 || at < schemeEnd + 3) {
			// user-info without a recognisable scheme: cannot tell what is secret, hide
			// it all
			return MASK;
		}
		int authorityStart = schemeEnd + 3;
		String userInfo = masked.substring(authorityStart, at);
		int colon = userInfo.indexOf(':');
		if (colon < 0) {
			return masked;
		}
		return masked.substring(0, authorityStart) + userInfo.substring(0, colon) + ":" + MASK + masked.substring(at);
	}

}
