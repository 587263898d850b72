package dev.homebudget.rules;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import dev.homebudget.ledger.Currencies;

/**
 * One rule of a household: when every condition present holds, its actions fill in the
 * fields they name. Conditions absent hold for every row.
 */
record Rule(int id, String name, boolean enabled, int position, boolean stop, Conditions conditions, Actions actions,
		int version) {

	/** The conditions; a null one is not checked. */
	record Conditions(String kind, TextMatch payee, AmountRange amount, String account, String currency) {

		boolean any() {
			return this.kind != null || this.payee != null || this.amount != null || this.account != null
					|| this.currency != null;
		}

	}

	/** The fields a rule fills in; a null one is left alone. */
	record Actions(String category, String business, String account, Integer paidBy, Integer forWhom, String note) {

		boolean any() {
			return this.category != null || this.business != null || this.account != null || this.paidBy != null
					|| this.forWhom != null || this.note != null;
		}

		boolean namesMembers() {
			return this.paidBy != null || this.forWhom != null;
		}

	}

	/** Inclusive bounds of the (positive) amount, in one currency when it is named. */
	record AmountRange(BigDecimal min, BigDecimal max, String currency) {

		boolean holds(BigDecimal amount, String rowCurrency) {
			if (amount == null) {
				return false;
			}
			if (this.currency != null && !sameCurrency(this.currency, rowCurrency)) {
				return false;
			}
			BigDecimal size = amount.abs();
			return (this.min == null || size.compareTo(this.min) >= 0)
					&& (this.max == null || size.compareTo(this.max) <= 0);
		}

	}

	/** Whether a condition holds; a pattern stopped for taking too long holds not. */
	enum Match {

		YES, NO, TOO_SLOW

	}

	Match test(RuleSubject row) {
		Conditions c = this.conditions;
		if (c.kind() != null && !c.kind().equals(row.kind())) {
			return Match.NO;
		}
		if (c.account() != null && !sameText(c.account(), row.account())) {
			return Match.NO;
		}
		if (c.currency() != null && !sameCurrency(c.currency(), row.currency())) {
			return Match.NO;
		}
		if (c.amount() != null && !c.amount().holds(row.amount(), row.currency())) {
			return Match.NO;
		}
		return (c.payee() != null) ? c.payee().test(row.payee()) : Match.YES;
	}

	/** Same text once spaces are collapsed and case ignored. */
	static boolean sameText(String a, String b) {
		return a != null && b != null && TextMatch.normal(a).equals(TextMatch.normal(b));
	}

	/** The same currency, by code ("₪", "NIS" and "ILS" are one), else as text. */
	static boolean sameCurrency(String a, String b) {
		if (a == null || b == null) {
			return false;
		}
		String codeA = Currencies.code(a).orElse(TextMatch.normal(a).toUpperCase(Locale.ROOT));
		String codeB = Currencies.code(b).orElse(TextMatch.normal(b).toUpperCase(Locale.ROOT));
		return Objects.equals(codeA, codeB);
	}

	/**
	 * A payee condition: {@code contains} and {@code equals} compare case-insensitively
	 * with runs of spaces as one; {@code regex} is a Java pattern, found anywhere in the
	 * text (anchor it with ^ and $), ignoring case, read with a step budget.
	 */
	record TextMatch(String op, String value, Pattern pattern, long budget) {

		static final String CONTAINS = "contains";

		static final String EQUALS = "equals";

		static final String REGEX = "regex";

		/** The longest pattern or text a condition takes. */
		static final int MAX_LENGTH = 500;

		private static final Pattern SPACES = Pattern.compile("\\s+");

		static TextMatch of(String op, String value) {
			return of(op, value, BoundedText.DEFAULT_BUDGET);
		}

		/**
		 * @throws java.util.regex.PatternSyntaxException for a regex that does not
		 * compile
		 */
		static TextMatch of(String op, String value, long budget) {
			Pattern pattern = REGEX.equals(op) ? Pattern.compile(value, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
					: null;
			return new TextMatch(op, value, pattern, budget);
		}

		Match test(String text) {
			if (text == null) {
				return Match.NO;
			}
			String spaced = SPACES.matcher(text).replaceAll(" ").strip();
			if (this.pattern != null) {
				try {
					return this.pattern.matcher(new BoundedText(spaced, this.budget)).find() ? Match.YES : Match.NO;
				}
				catch (BoundedText.TooSlow ex) {
					return Match.TOO_SLOW;
				}
			}
			String normal = spaced.toLowerCase(Locale.ROOT);
			String wanted = normal(this.value);
			boolean holds = EQUALS.equals(this.op) ? normal.equals(wanted) : normal.contains(wanted);
			return holds ? Match.YES : Match.NO;
		}

		static String normal(String text) {
			return SPACES.matcher(text).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
		}

	}

}
