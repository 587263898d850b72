package dev.homebudget.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The demo sample: what a two-person household spends and earns in about three months
 * (from the first day of the month two months before today's, up to today). The same day
 * always gives the same rows: the amounts and days come from a fixed seed, so a test, a
 * screenshot and a support question all see the same figures.
 */
final class DemoSample {

	static final String CARD = "Credit card";

	static final String BANK = "Bank account";

	static final String CASH = "Cash";

	/** Seed of the varying amounts and days: any fixed number. */
	private static final long SEED = 20261207L;

	private DemoSample() {
	}

	/** One expense or income of the sample. */
	record Row(String kind, LocalDate date, String business, String category, BigDecimal amount, String account,
			String notes) {

		boolean expense() {
			return "expense".equals(this.kind);
		}

	}

	/** The rows up to {@code today}, oldest first. */
	static List<Row> upTo(LocalDate today) {
		Random random = new Random(SEED);
		List<Row> rows = new ArrayList<>();
		LocalDate first = today.withDayOfMonth(1).minusMonths(2);
		for (LocalDate month = first; !month.isAfter(today); month = month.plusMonths(1)) {
			monthly(rows, month, random);
		}
		for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
			daily(rows, day, random);
		}
		List<Row> upToToday = new ArrayList<>(rows.stream().filter((row) -> !row.date().isAfter(today)).toList());
		upToToday.sort(Comparator.comparing(Row::date));
		return upToToday;
	}

	/** The bills and incomes of a month, on their days. */
	private static void monthly(List<Row> rows, LocalDate month, Random random) {
		rows.add(expense(month.withDayOfMonth(1), "Oakwood Apartments", "Rent", "1450.00", BANK, "Monthly rent"));
		rows.add(expense(month.withDayOfMonth(2), "City Transit", "Transport", "75.00", CARD, "Monthly pass"));
		rows.add(expense(month.withDayOfMonth(8), "FiberNet", "Utilities", "49.99", BANK, "Internet"));
		rows.add(expense(month.withDayOfMonth(12), "StreamFlix", "Subscriptions", "15.49", CARD, null));
		rows.add(expense(month.withDayOfMonth(15), "City Power & Light", "Utilities", between(random, 58, 96), BANK,
				"Electricity"));
		rows.add(expense(month.withDayOfMonth(20), "Music Box", "Subscriptions", "10.99", CARD, null));
		rows.add(expense(month.withDayOfMonth(22), "Metro Water", "Utilities", between(random, 26, 41), BANK, "Water"));
		rows.add(expense(month.withDayOfMonth(5 + random.nextInt(20)), "Pharmacy Plus", "Health",
				between(random, 9, 48), CARD, null));
		rows.add(income(payday(month), "Salary", "4200.00", BANK, "Acme Ltd. payroll"));
		rows.add(income(month.withDayOfMonth(10 + random.nextInt(10)), "Freelance", between(random, 250, 600), BANK,
				"Design job"));
	}

	/** Groceries, eating out and fuel: some days have them, most weeks several. */
	private static void daily(List<Row> rows, LocalDate day, Random random) {
		DayOfWeek weekday = day.getDayOfWeek();
		if (weekday == DayOfWeek.SATURDAY || (weekday == DayOfWeek.WEDNESDAY && random.nextInt(3) > 0)) {
			String[] shops = { "FreshMart", "Green Grocer", "Corner Market" };
			rows.add(expense(day, shops[random.nextInt(shops.length)], "Groceries", between(random, 18, 140),
					(random.nextInt(4) == 0) ? CASH : CARD, null));
		}
		if ((weekday == DayOfWeek.FRIDAY || weekday == DayOfWeek.SUNDAY) && random.nextInt(3) > 0) {
			String[] places = { "Luigi's Pizzeria", "Sushi Corner", "Bean There Café", "The Noodle Bar" };
			rows.add(expense(day, places[random.nextInt(places.length)], "Eating out", between(random, 8, 65),
					(random.nextInt(3) == 0) ? CASH : CARD, null));
		}
		if (day.getDayOfMonth() % 10 == 3) {
			rows.add(expense(day, "Shell", "Transport", between(random, 38, 72), CARD, "Fuel"));
		}
	}

	/** The 25th, or the Friday before when it falls on a weekend. */
	private static LocalDate payday(LocalDate month) {
		LocalDate day = month.withDayOfMonth(25);
		while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
			day = day.minusDays(1);
		}
		return day;
	}

	private static String between(Random random, int low, int high) {
		int cents = low * 100 + random.nextInt((high - low) * 100);
		return BigDecimal.valueOf(cents, 2).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
	}

	private static Row expense(LocalDate date, String business, String category, String amount, String account,
			String notes) {
		return new Row("expense", date, business, category, new BigDecimal(amount), account, notes);
	}

	private static Row income(LocalDate date, String category, String amount, String account, String notes) {
		return new Row("income", date, null, category, new BigDecimal(amount), account, notes);
	}

}
