package dev.homebudget.transition.transfer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import dev.homebudget.ledger.EntryField;
import dev.homebudget.transition.JsonEntry;

/**
 * Realistic household ledgers, the same for the same seed and dates: categories with
 * their own businesses and amount ranges, several accounts, dates spread over the period,
 * mostly shekels, and notes the way the original stored them ({@code ""} from the web UI,
 * null from the API, and free text, some of it Hebrew). Ids ascend from 1 with the
 * occasional gap of a deleted record, as the original's {@code max(id)+1} left them.
 */
public final class HouseholdData {

	private static final String[][] SPENDING = { { "Groceries", "SuperSal", "Rami Levy", "Shufersal", "20", "900" },
			{ "Transport", "Rav-Kav", "Paz", "Gett", "5", "350" },
			{ "Dining", "Aroma", "Cafe Landwer", "\u05e7\u05e4\u05d4 \u05d2\u05e8\u05d2", "25", "450" },
			{ "Utilities", "Electric Company", "Mei Avivim", "Bezeq", "60", "1200" },
			{ "Rent", "Landlord", "Landlord", "Landlord", "3500", "7500" },
			{ "Health", "Super-Pharm", "Maccabi", "Be", "15", "800" },
			{ "Entertainment", "Cinema City", "Steimatzky", "Netflix", "30", "400" },
			{ "Clothing", "Castro", "Fox", "H&M", "40", "900" } };

	private static final String[][] EARNING = { { "Salary", "8000", "26000" }, { "Freelance", "300", "6000" },
			{ "Gifts", "50", "1500" }, { "Refunds", "10", "900" } };

	private static final String[] ACCOUNTS = { "Visa 1234", "Cash", "Bank Leumi", "Mastercard 9876", "PayPal" };

	private static final String[] NOTES = { "weekly shop",
			"\u05e7\u05e0\u05d9\u05d5\u05ea \u05e9\u05d1\u05d5\u05e2\u05d9\u05d5\u05ea", "birthday \ud83c\udf82",
			"split with \"Dana\"", "refund expected\nsee email", "paid in\ttwo parts", "receipt in C:\\scans\r\n" };

	/**
	 * Keeps the incomes' random stream apart from the expenses', so each depends only on
	 * its own count.
	 */
	private static final long INCOME_STREAM = 0x1d8e4e27c47d124fL;

	private HouseholdData() {
	}

	/** {@code count} expenses dated from {@code first} to {@code last}, inclusive. */
	public static List<JsonEntry> expenses(int count, long seed, LocalDate first, LocalDate last) {
		SplittableRandom random = new SplittableRandom(seed);
		int days = days(first, last);
		List<JsonEntry> entries = new ArrayList<>(count);
		int id = 0;
		for (int i = 0; i < count; i++) {
			id = nextId(random, id);
			String[] kind = SPENDING[random.nextInt(SPENDING.length)];
			String business = (random.nextInt(30) == 0) ? null : kind[1 + random.nextInt(3)];
			entries.add(new JsonEntry(id, first.plusDays(random.nextInt(days)), business, kind[0],
					amount(random, kind[4], kind[5]), ACCOUNTS[random.nextInt(ACCOUNTS.length)], currency(random),
					notes(random)));
		}
		return entries;
	}

	/** {@code count} incomes dated from {@code first} to {@code last}, inclusive. */
	public static List<JsonEntry> incomes(int count, long seed, LocalDate first, LocalDate last) {
		SplittableRandom random = new SplittableRandom(seed ^ INCOME_STREAM);
		int days = days(first, last);
		List<JsonEntry> entries = new ArrayList<>(count);
		int id = 0;
		for (int i = 0; i < count; i++) {
			id = nextId(random, id);
			String[] kind = EARNING[random.nextInt(EARNING.length)];
			entries.add(new JsonEntry(id, first.plusDays(random.nextInt(days)), null, kind[0],
					amount(random, kind[1], kind[2]), ACCOUNTS[random.nextInt(ACCOUNTS.length)], currency(random),
					notes(random)));
		}
		return entries;
	}

	private static int days(LocalDate first, LocalDate last) {
		if (last.isBefore(first)) {
			throw new IllegalArgumentException("the last date " + last + " is before the first " + first);
		}
		return (int) ChronoUnit.DAYS.between(first, last) + 1;
	}

	private static int nextId(SplittableRandom random, int previous) {
		return previous + 1 + ((random.nextInt(50) == 0) ? 1 + random.nextInt(3) : 0);
	}

	private static String currency(SplittableRandom random) {
		int draw = random.nextInt(50);
		return (draw < 2) ? "$" : (draw < 3) ? "\u20ac" : EntryField.DEFAULT_CURRENCY;
	}

	private static String notes(SplittableRandom random) {
		int draw = random.nextInt(20);
		if (draw < 7) {
			return "";
		}
		if (draw < 14) {
			return null;
		}
		return NOTES[random.nextInt(NOTES.length)];
	}

	/** An exact amount with two decimals between the bounds, drawn in cents. */
	private static BigDecimal amount(SplittableRandom random, String low, String high) {
		long lowCents = new BigDecimal(low).movePointRight(2).longValueExact();
		long highCents = new BigDecimal(high).movePointRight(2).longValueExact();
		return BigDecimal.valueOf(random.nextLong(lowCents, highCents + 1), 2);
	}

}
