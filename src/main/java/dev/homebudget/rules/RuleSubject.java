package dev.homebudget.rules;

import java.math.BigDecimal;

/**
 * What a rule looks at and changes: a statement row being imported or an existing entry.
 * The amount is positive; {@code kind} says which way the money went. An income has no
 * business: its payee text is its notes (as a statement import writes it).
 */
public record RuleSubject(String kind, String business, String notes, BigDecimal amount, String currency,
		String account, String category, Integer paidBy, Integer forWhom) {

	public static final String EXPENSE = "expense";

	public static final String INCOME = "income";

	boolean expense() {
		return EXPENSE.equals(this.kind);
	}

	/** The text a payee condition reads: the business, or an income's notes. */
	String payee() {
		return expense() ? this.business : this.notes;
	}

}
