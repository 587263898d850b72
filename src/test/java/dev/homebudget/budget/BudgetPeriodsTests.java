package dev.homebudget.budget;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payday periods across month ends, leap years and weekends; what each carry rule
 * carries.
 */
class BudgetPeriodsTests {

	@Test
	void calendarMonthsStartOnTheFirst() {
		BudgetPeriods months = BudgetPeriods.CALENDAR_MONTHS;
		assertThat(months.start(YearMonth.of(2024, 2))).isEqualTo(LocalDate.of(2024, 2, 1));
		assertThat(months.end(YearMonth.of(2024, 2))).isEqualTo(LocalDate.of(2024, 3, 1));
		assertThat(months.periodOf(LocalDate.of(2024, 2, 29))).isEqualTo(YearMonth.of(2024, 2));
		assertThat(months.periodOf(LocalDate.of(2024, 12, 31))).isEqualTo(YearMonth.of(2024, 12));
	}

	@Test
	void aPaydayPeriodRunsFromTheTenthToTheNinth() {
		BudgetPeriods payday = new BudgetPeriods(10, false);
		assertThat(payday.start(YearMonth.of(2026, 1))).isEqualTo(LocalDate.of(2026, 1, 10));
		assertThat(payday.end(YearMonth.of(2026, 1))).isEqualTo(LocalDate.of(2026, 2, 10));
		assertThat(payday.periodOf(LocalDate.of(2026, 1, 9))).isEqualTo(YearMonth.of(2025, 12));
		assertThat(payday.periodOf(LocalDate.of(2026, 1, 10))).isEqualTo(YearMonth.of(2026, 1));
		assertThat(payday.periodOf(LocalDate.of(2026, 2, 9))).isEqualTo(YearMonth.of(2026, 1));
		// December's period runs into January of the next year
		assertThat(payday.periodOf(LocalDate.of(2027, 1, 5))).isEqualTo(YearMonth.of(2026, 12));
		BudgetPeriods late = new BudgetPeriods(28, false);
		// February 2024 has 29 days, 2025 has 28: the period still starts on the 28th
		assertThat(late.end(YearMonth.of(2024, 1))).isEqualTo(LocalDate.of(2024, 2, 28));
		assertThat(late.periodOf(LocalDate.of(2024, 2, 29))).isEqualTo(YearMonth.of(2024, 2));
		assertThat(late.periodOf(LocalDate.of(2025, 3, 1))).isEqualTo(YearMonth.of(2025, 2));
	}

	@Test
	void aStartOnAWeekendMovesToTheFridayBefore() {
		BudgetPeriods payday = new BudgetPeriods(10, true);
		// 2026-01-10 is a Saturday, 2026-05-10 a Sunday, 2026-02-10 a Tuesday
		assertThat(payday.start(YearMonth.of(2026, 1))).isEqualTo(LocalDate.of(2026, 1, 9));
		assertThat(payday.start(YearMonth.of(2026, 5))).isEqualTo(LocalDate.of(2026, 5, 8));
		assertThat(payday.start(YearMonth.of(2026, 2))).isEqualTo(LocalDate.of(2026, 2, 10));
		assertThat(payday.periodOf(LocalDate.of(2026, 1, 9))).isEqualTo(YearMonth.of(2026, 1));
		assertThat(payday.periodOf(LocalDate.of(2026, 5, 9))).isEqualTo(YearMonth.of(2026, 5));
		assertThat(payday.end(YearMonth.of(2026, 4))).isEqualTo(LocalDate.of(2026, 5, 8));
		// a first of the month on a weekend moves into the month before
		BudgetPeriods first = new BudgetPeriods(1, true);
		assertThat(first.start(YearMonth.of(2026, 2))).isEqualTo(LocalDate.of(2026, 1, 30));
		assertThat(first.periodOf(LocalDate.of(2026, 1, 31))).isEqualTo(YearMonth.of(2026, 2));
	}

	@Test
	void eachCarryRuleCarriesWhatItSays() {
		BigDecimal left = new BigDecimal("120.00");
		BigDecimal over = new BigDecimal("-40.00");
		assertThat(Carry.NONE.carried(left, null, null)).isEqualByComparingTo("0");
		assertThat(Carry.SURPLUS.carried(left, null, null)).isEqualByComparingTo("120.00");
		assertThat(Carry.SURPLUS.carried(over, null, null)).isEqualByComparingTo("0");
		assertThat(Carry.BOTH.carried(over, null, null)).isEqualByComparingTo("-40.00");
		assertThat(Carry.SURPLUS.carried(left, new BigDecimal("100"), null)).isEqualByComparingTo("100");
		assertThat(Carry.BOTH.carried(over, null, new BigDecimal("-25"))).isEqualByComparingTo("-25");
	}

}
