package dev.homebudget.budget;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * When the household's budget periods start and end. A period is named by the month it
 * starts in; it starts on {@code startDay} of that month (1 to 28, so that every month
 * has one), or, with the weekend rule, on the Friday before when that day is a Saturday
 * or a Sunday; it ends the day before the next one starts.
 *
 * @param startDay the day of the month periods start on
 * @param fridayBefore whether a start on a weekend moves to the Friday before
 */
record BudgetPeriods(int startDay, boolean fridayBefore) {

	static final BudgetPeriods CALENDAR_MONTHS = new BudgetPeriods(1, false);

	BudgetPeriods {
		if (startDay < 1 || startDay > 28) {
			throw new IllegalArgumentException("start day " + startDay);
		}
	}

	/** The first day of a period. */
	LocalDate start(YearMonth period) {
		LocalDate start = period.atDay(this.startDay);
		if (this.fridayBefore) {
			if (start.getDayOfWeek() == DayOfWeek.SATURDAY) {
				return start.minusDays(1);
			}
			if (start.getDayOfWeek() == DayOfWeek.SUNDAY) {
				return start.minusDays(2);
			}
		}
		return start;
	}

	/** The first day after a period (the next period's start). */
	LocalDate end(YearMonth period) {
		return start(period.plusMonths(1));
	}

	/** The period a day belongs to. */
	YearMonth periodOf(LocalDate day) {
		YearMonth month = YearMonth.from(day);
		if (day.isBefore(start(month))) {
			return month.minusMonths(1);
		}
		if (!day.isBefore(end(month))) {
			return month.plusMonths(1);
		}
		return month;
	}

	/** Every period from {@code first} to {@code last}, in order. */
	static List<YearMonth> between(YearMonth first, YearMonth last) {
		List<YearMonth> periods = new ArrayList<>();
		for (YearMonth period = first; !period.isAfter(last); period = period.plusMonths(1)) {
			periods.add(period);
		}
		return periods;
	}

}
