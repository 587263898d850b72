package dev.homebudget.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The arithmetic of one category's budget over its periods, from the first period it was
 * planned in to the one asked for: nothing stored, so it always agrees with the entries.
 * Available = carried in + assigned − spent; what carries out of a period follows the
 * category's carry rule of that period.
 */
final class BudgetMath {

	private BudgetMath() {
	}

	/** A carry rule: the mode with its optional cap and floor. */
	record CarryRule(Carry carry, BigDecimal cap, BigDecimal floor) {

		static final CarryRule NONE = new CarryRule(Carry.NONE, null, null);

	}

	/** A target: save an amount by a date, or refill up to an amount each period. */
	record Target(String kind, BigDecimal amount, LocalDate date) {

		static final Target NONE = new Target("none", null, null);

	}

	/**
	 * What one period's plan line says; null fields leave the earlier rule in force.
	 *
	 * @param assigned the amount assigned (null: nothing)
	 * @param carry a new carry rule from this period on, or null
	 * @param target a new target from this period on, or null
	 * @param member a new member rule (0: everyone) from this period on, or null
	 */
	record Line(BigDecimal assigned, CarryRule carry, Target target, Integer member) {

	}

	/** One period of one category. */
	record Period(YearMonth period, BigDecimal carriedIn, BigDecimal assigned, BigDecimal spent, BigDecimal available,
			BigDecimal carriedOut, CarryRule carry, Target target, int member) {

	}

	/**
	 * Where a run starts: what is carried into its first period and the rules in force
	 * entering it.
	 */
	record Start(BigDecimal carried, CarryRule carry, Target target, int member) {

		/** Before the first period a category was planned in. */
		static final Start FIRST = new Start(zero(), CarryRule.NONE, Target.NONE, 0);

		/** Entering the period after {@code period}. */
		static Start after(Period period) {
			return new Start(period.carriedOut(), period.carry(), period.target(), period.member());
		}

	}

	/**
	 * Runs a category's periods in order, from the first period it was planned in.
	 * @param periods every period from the first to the last asked for
	 * @param lines the plan lines by period (absent: nothing assigned, rules unchanged)
	 * @param spent the category's spending by period (absent: none)
	 */
	static List<Period> run(List<YearMonth> periods, Map<YearMonth, Line> lines, Map<YearMonth, BigDecimal> spent) {
		return run(periods, lines, spent, Start.FIRST);
	}

	/**
	 * Runs a category's periods in order from a known start.
	 * @param start what is carried into the first period, and the rules in force
	 */
	static List<Period> run(List<YearMonth> periods, Map<YearMonth, Line> lines, Map<YearMonth, BigDecimal> spent,
			Start start) {
		List<Period> result = new ArrayList<>();
		BigDecimal carried = start.carried();
		CarryRule rule = start.carry();
		Target target = start.target();
		int member = start.member();
		for (YearMonth period : periods) {
			Line line = lines.get(period);
			BigDecimal assigned = zero();
			if (line != null) {
				if (line.assigned() != null) {
					assigned = line.assigned();
				}
				if (line.carry() != null) {
					rule = line.carry();
				}
				if (line.target() != null) {
					target = line.target();
				}
				if (line.member() != null) {
					member = line.member();
				}
			}
			BigDecimal out = spent.getOrDefault(period, zero());
			BigDecimal available = carried.add(assigned).subtract(out).setScale(2);
			BigDecimal carriedOut = rule.carry().carried(available, rule.cap(), rule.floor());
			result.add(new Period(period, carried, assigned, out, available, carriedOut, rule, target, member));
			carried = carriedOut;
		}
		return result;
	}

	/**
	 * What a period must be assigned to stay on target (zero without one): for "save by",
	 * what is still missing spread over the periods left up to the date's period; for
	 * "refill", what brings the carried amount up to the target.
	 * @param periodsLeft periods from this one to the target date's, this one included
	 */
	static BigDecimal need(Period period, long periodsLeft) {
		Target target = period.target();
		if (target.amount() == null) {
			return zero();
		}
		BigDecimal missing = target.amount().subtract(period.carriedIn());
		if (missing.signum() <= 0) {
			return zero();
		}
		return switch (target.kind()) {
			case "save_by" -> missing.divide(BigDecimal.valueOf(Math.max(1, periodsLeft)), 2, RoundingMode.UP);
			case "refill" -> missing.setScale(2);
			default -> zero();
		};
	}

	static BigDecimal zero() {
		return BigDecimal.ZERO.setScale(2);
	}

}
