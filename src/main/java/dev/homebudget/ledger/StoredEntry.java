package dev.homebudget.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What every stored expense and income has: the id its store assigned, the fields both
 * kinds share, and the version that counts its updates.
 */
public interface StoredEntry {

	int id();

	LocalDate date();

	/** Where an expense was spent; null for a kind without it (an income). */
	default String business() {
		return null;
	}

	String category();

	BigDecimal amount();

	String account();

	String currency();

	String notes();

	int version();

}
