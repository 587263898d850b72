package dev.homebudget.schedule;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Schedule dates against known calendars: month ends, February 29 in leap years, the n-th
 * weekday, every N weeks, yearly, counts and end dates, and the weekend rule.
 */
class ScheduleRecurrenceTests {

	private static List<LocalDate> dates(String rule, String start, String end, Integer count,
			Recurrence.Weekend weekend, int limit) {
		return Recurrence.of(rule, LocalDate.parse(start), (end != null) ? LocalDate.parse(end) : null, count, weekend)
			.between(LocalDate.parse(start), LocalDate.parse("2200-01-01"), limit)
			.stream()
			.map(Recurrence.Occurrence::date)
			.toList();
	}

	private static List<LocalDate> days(String... days) {
		return java.util.Arrays.stream(days).map(LocalDate::parse).toList();
	}

	@Test
	void theLastDayOfEveryMonthIncludingLeapFebruaries() {
		assertThat(dates("FREQ=MONTHLY;BYMONTHDAY=-1", "2027-11-30", null, null, Recurrence.Weekend.KEEP, 6))
			.isEqualTo(days("2027-11-30", "2027-12-31", "2028-01-31", "2028-02-29", "2028-03-31", "2028-04-30"));
		assertThat(dates("FREQ=MONTHLY;BYMONTHDAY=-1", "2026-01-31", null, 3, Recurrence.Weekend.KEEP, 10))
			.isEqualTo(days("2026-01-31", "2026-02-28", "2026-03-31"));
	}

	@Test
	void february29thComesEveryFourYearsAndTheCenturyRuleHolds() {
		assertThat(dates("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "2024-02-29", null, null, Recurrence.Weekend.KEEP, 3))
			.isEqualTo(days("2024-02-29", "2028-02-29", "2032-02-29"));
		assertThat(dates("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "2096-02-29", null, null, Recurrence.Weekend.KEEP, 2))
			.isEqualTo(days("2096-02-29", "2104-02-29"));
	}

	@Test
	void theNthWeekdayOfTheMonth() {
		// the second Tuesday, and the last Friday
		assertThat(dates("FREQ=MONTHLY;BYDAY=2TU", "2026-01-01", null, 4, Recurrence.Weekend.KEEP, 10))
			.isEqualTo(days("2026-01-13", "2026-02-10", "2026-03-10", "2026-04-14"));
		assertThat(dates("FREQ=MONTHLY;BYDAY=-1FR", "2026-01-01", null, 3, Recurrence.Weekend.KEEP, 10))
			.isEqualTo(days("2026-01-30", "2026-02-27", "2026-03-27"));
	}

	@Test
	void dailyWeeklyEveryTwoWeeksAndYearlyWithAnEndDate() {
		assertThat(dates("FREQ=DAILY", "2026-02-27", "2026-03-02", null, Recurrence.Weekend.KEEP, 10))
			.isEqualTo(days("2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"));
		assertThat(
				dates("FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "2026-01-02", "2026-02-13", null, Recurrence.Weekend.KEEP, 10))
			.isEqualTo(days("2026-01-02", "2026-01-16", "2026-01-30", "2026-02-13"));
		assertThat(dates("FREQ=YEARLY", "2026-03-15", null, 3, Recurrence.Weekend.KEEP, 10))
			.isEqualTo(days("2026-03-15", "2027-03-15", "2028-03-15"));
		// the 31st: months without one are left out (RFC 5545); -1 is "the last day"
		assertThat(dates("FREQ=MONTHLY;BYMONTHDAY=31", "2026-01-31", null, 3, Recurrence.Weekend.KEEP, 10))
			.isEqualTo(days("2026-01-31", "2026-03-31", "2026-05-31"));
	}

	@Test
	void theWeekendRuleMovesSaturdaysAndSundaysBeforeOrAfter() {
		// 2026-02-28 is a Saturday, 2026-05-31 a Sunday
		assertThat(dates("FREQ=MONTHLY;BYMONTHDAY=-1", "2026-02-28", null, 4, Recurrence.Weekend.BEFORE, 10))
			.isEqualTo(days("2026-02-27", "2026-03-31", "2026-04-30", "2026-05-29"));
		assertThat(dates("FREQ=MONTHLY;BYMONTHDAY=-1", "2026-02-28", null, 4, Recurrence.Weekend.AFTER, 10))
			.isEqualTo(days("2026-03-02", "2026-03-31", "2026-04-30", "2026-06-01"));
		Recurrence.Occurrence moved = Recurrence
			.of("FREQ=MONTHLY;BYMONTHDAY=-1", LocalDate.parse("2026-02-28"), null, null, Recurrence.Weekend.BEFORE)
			.at(LocalDate.parse("2026-05-31"))
			.orElseThrow();
		assertThat(moved)
			.isEqualTo(new Recurrence.Occurrence(4, LocalDate.parse("2026-05-31"), LocalDate.parse("2026-05-29")));
	}

	@Test
	void betweenCountsOccurrencesFromTheStartAndStopsAtTheEntryDate() {
		Recurrence monthly = Recurrence.of("FREQ=MONTHLY", LocalDate.parse("2026-01-10"), null, 12,
				Recurrence.Weekend.KEEP);
		List<Recurrence.Occurrence> found = monthly.between(LocalDate.parse("2026-03-01"),
				LocalDate.parse("2026-05-10"), 100);
		assertThat(found).extracting(Recurrence.Occurrence::seq).containsExactly(3, 4, 5);
		assertThat(monthly.next(LocalDate.parse("2026-12-11"))).isEmpty();
		assertThat(monthly.at(LocalDate.parse("2026-03-11"))).isEmpty();
	}

	@Test
	void rulesThatAreNotWholeDaysOrNotRfc5545AreRefused() {
		for (String rule : List.of("FREQ=HOURLY", "FREQ=DAILY;BYHOUR=9", "every month", "FREQ=MONTHLY;COUNT=3",
				"FREQ=MONTHLY;UNTIL=20270101", "")) {
			assertThatIllegalArgumentException().as(rule).isThrownBy(() -> Recurrence.parse(rule));
		}
		assertThat(Recurrence.parse("RRULE:FREQ=WEEKLY;BYDAY=MO,TH")).isNotNull();
	}

	@Test
	void aRuleThatGivesNoDateEndsQuickly() {
		assertTimeoutPreemptively(Duration.ofSeconds(10),
				() -> assertThat(Recurrence
					.of("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", LocalDate.parse("2026-01-01"), null, null,
							Recurrence.Weekend.KEEP)
					.next(LocalDate.parse("2026-01-01"))).isEmpty());
	}

}
