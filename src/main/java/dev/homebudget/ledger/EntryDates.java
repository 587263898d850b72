package dev.homebudget.ledger;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.homebudget.web.InvalidValue;

/**
 * Parses entry dates the way the original's {@code strptime(value, "%Y-%m-%d")} did: a
 * four-digit year, and month and day with or without a leading zero ({@code 2025-1-5} is
 * 2025-01-05). Impossible dates are refused with the original's messages.
 */
public final class EntryDates {

	private static final Pattern FORMAT = Pattern
		.compile("(\\d{4})-(1[0-2]|0[1-9]|[1-9])-(3[01]|[12]\\d|0[1-9]|[1-9])");

	private static final int MAX_ECHO = 64;

	private EntryDates() {
	}

	public static LocalDate parse(String text) throws InvalidValue {
		Matcher matcher = FORMAT.matcher(text);
		if (!matcher.matches()) {
			throw new InvalidValue("date_parsing",
					"time data '" + abbreviate(text) + "' does not match format '%Y-%m-%d'");
		}
		int year = Integer.parseInt(matcher.group(1));
		int month = Integer.parseInt(matcher.group(2));
		int day = Integer.parseInt(matcher.group(3));
		if (year == 0) {
			throw new InvalidValue("date_parsing", "year 0 is out of range");
		}
		if (day > YearMonth.of(year, month).lengthOfMonth()) {
			throw new InvalidValue("date_parsing", "day is out of range for month");
		}
		return LocalDate.of(year, month, day);
	}

	private static String abbreviate(String text) {
		return (text.length() <= MAX_ECHO) ? text : text.substring(0, MAX_ECHO) + "...";
	}

}
