package dev.homebudget.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.Freq;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

/**
 * The dates of a schedule: an RFC 5545 rule (lib-recur does the calendar arithmetic) from
 * a start date, up to an end date or a count, each moved off a weekend as the schedule
 * says. Dates only: the rule may not name hours, minutes or seconds.
 */
final class Recurrence {

	/** Occurrences looked at in one pass at most (a daily rule covers 27 years). */
	static final int MAX_ITERATIONS = 10_000;

	/** How many days the weekend rule moves a date at most. */
	static final int MAX_SHIFT = 2;

	// (lib-recur: RecurrenceRule must be loaded before its Part enum, so no static
	// field here names a Part)
	private final RecurrenceRule rule;

	private final LocalDate start;

	private final LocalDate end;

	private final Integer count;

	private final Weekend weekend;

	/** What to do with a date on a Saturday or Sunday. */
	enum Weekend {

		KEEP, BEFORE, AFTER;

		static Weekend parse(String text) {
			for (Weekend value : values()) {
				if (value.name().toLowerCase(Locale.ROOT).equals(text)) {
					return value;
				}
			}
			return null;
		}

		String value() {
			return name().toLowerCase(Locale.ROOT);
		}

		LocalDate apply(LocalDate date) {
			DayOfWeek day = date.getDayOfWeek();
			if (this == KEEP || (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY)) {
				return date;
			}
			if (this == BEFORE) {
				return date.minusDays((day == DayOfWeek.SATURDAY) ? 1 : 2);
			}
			return date.plusDays((day == DayOfWeek.SATURDAY) ? 2 : 1);
		}

	}

	/**
	 * One date of the schedule.
	 *
	 * @param seq its number, from 1 (the "3" of "3 of 12")
	 * @param due the date the rule gives: the occurrence's key
	 * @param date the date its entry gets, after the weekend rule
	 */
	record Occurrence(int seq, LocalDate due, LocalDate date) {

	}

	private Recurrence(RecurrenceRule rule, LocalDate start, LocalDate end, Integer count, Weekend weekend) {
		this.rule = rule;
		this.start = start;
		this.end = end;
		this.count = count;
		this.weekend = weekend;
	}

	/**
	 * A schedule's dates.
	 * @throws IllegalArgumentException with a sentence for a rule that is not RFC 5545 or
	 * not for whole days
	 */
	static Recurrence of(String rrule, LocalDate start, LocalDate end, Integer count, Weekend weekend) {
		return new Recurrence(parse(rrule), start, end, count, weekend);
	}

	/**
	 * Checks a rule.
	 * @throws IllegalArgumentException with a sentence saying what is wrong
	 */
	static RecurrenceRule parse(String rrule) {
		String text = rrule.strip();
		if (text.regionMatches(true, 0, "RRULE:", 0, 6)) {
			text = text.substring(6);
		}
		RecurrenceRule rule;
		try {
			rule = new RecurrenceRule(text, RecurrenceRule.RfcMode.RFC5545_STRICT);
		}
		catch (InvalidRecurrenceRuleException | RuntimeException ex) {
			throw new IllegalArgumentException("not an RFC 5545 recurrence rule (e.g. FREQ=MONTHLY;BYMONTHDAY=-1)");
		}
		Freq freq = rule.getFreq();
		if (freq == Freq.HOURLY || freq == Freq.MINUTELY || freq == Freq.SECONDLY
				|| rule.hasPart(RecurrenceRule.Part.BYHOUR) || rule.hasPart(RecurrenceRule.Part.BYMINUTE)
				|| rule.hasPart(RecurrenceRule.Part.BYSECOND)) {
			throw new IllegalArgumentException("a schedule repeats on days: FREQ is DAILY, WEEKLY, MONTHLY or YEARLY, "
					+ "without BYHOUR, BYMINUTE or BYSECOND");
		}
		if (rule.getCount() != null || rule.getUntil() != null) {
			throw new IllegalArgumentException(
					"give the end as \"end\" or \"count\", not as UNTIL or COUNT in the rule");
		}
		return rule;
	}

	/**
	 * The occurrences whose rule date is on or after {@code fromDue} and whose entry date
	 * is on or before {@code toDate}, in order, at most {@code limit}.
	 */
	List<Occurrence> between(LocalDate fromDue, LocalDate toDate, int limit) {
		List<Occurrence> found = new ArrayList<>();
		LocalDate lastDue = toDate.plusDays(MAX_SHIFT);
		int seq = 0;
		try {
			RecurrenceRuleIterator iterator = this.rule.iterator(
					new DateTime(this.start.getYear(), this.start.getMonthValue() - 1, this.start.getDayOfMonth()));
			for (int i = 0; i < MAX_ITERATIONS && iterator.hasNext() && found.size() < limit; i++) {
				DateTime next = iterator.nextDateTime();
				LocalDate due = LocalDate.of(next.getYear(), next.getMonth() + 1, next.getDayOfMonth());
				if (due.isBefore(this.start)) {
					continue;
				}
				seq++;
				if ((this.count != null && seq > this.count) || (this.end != null && due.isAfter(this.end))
						|| due.isAfter(lastDue)) {
					break;
				}
				LocalDate date = this.weekend.apply(due);
				if (!due.isBefore(fromDue) && !date.isAfter(toDate)) {
					found.add(new Occurrence(seq, due, date));
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// lib-recur gives up on a rule whose dates it keeps filtering away (February
			// 30th): it has no more dates
		}
		return found;
	}

	/** The occurrence with this rule date, if the schedule has one. */
	java.util.Optional<Occurrence> at(LocalDate due) {
		return between(due, due.plusDays(MAX_SHIFT), 1).stream().filter((o) -> o.due().equals(due)).findFirst();
	}

	/** The first occurrence whose rule date is on or after {@code fromDue}, if any. */
	java.util.Optional<Occurrence> next(LocalDate fromDue) {
		return between(fromDue, LocalDate.of(9999, 12, 28), 1).stream().findFirst();
	}

}
