package dev.homebudget.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code If-Match} precondition of a PUT, PATCH or DELETE (RFC 9110 §13.1.1), on the
 * row versions the API hands out as ETags ({@code "3"}). Absent means unconditional (the
 * v1 behaviour) unless strict mode requires it (428).
 */
public record IfMatch(boolean present, boolean any, List<Integer> versions) {

	private static final Pattern TAG = Pattern.compile("(?:W/)?\"(\\d{1,9})\"");

	public static final IfMatch ABSENT = new IfMatch(false, false, List.of());

	/** Parses the header; a malformed value matches no version, so it fails as stale. */
	public static IfMatch parse(String header, boolean required) {
		if (header == null || header.isBlank()) {
			if (required) {
				throw new ApiException(org.springframework.http.HttpStatus.PRECONDITION_REQUIRED,
						"This server requires an If-Match header with the ETag of the record you are changing");
			}
			return ABSENT;
		}
		if (header.strip().equals("*")) {
			return new IfMatch(true, true, List.of());
		}
		List<Integer> versions = new ArrayList<>();
		Matcher matcher = TAG.matcher(header);
		while (matcher.find()) {
			versions.add(Integer.parseInt(matcher.group(1)));
		}
		return new IfMatch(true, false, versions);
	}

	/** Whether the stored version must be checked in the update's WHERE clause. */
	public boolean constrainsVersion() {
		return this.present && !this.any;
	}

	public static String etag(int version) {
		return "\"" + version + "\"";
	}

}
