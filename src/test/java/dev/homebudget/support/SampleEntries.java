package dev.homebudget.support;

import java.math.BigDecimal;
import java.time.LocalDate;

import dev.homebudget.ledger.EntryField;
import dev.homebudget.ledger.EntryValues;

/**
 * The entry the storage fault tests write through a service: the same fields each time,
 * told apart by their notes.
 */
public final class SampleEntries {

	private SampleEntries() {
	}

	/** A complete expense or income in shekels, with the given notes. */
	public static EntryValues values(String notes) {
		return EntryValues.builder()
			.put(EntryField.DATE, LocalDate.of(2025, 11, 2))
			.put(EntryField.BUSINESS, "ampm")
			.put(EntryField.CATEGORY, "Food")
			.put(EntryField.AMOUNT, new BigDecimal("100.00"))
			.put(EntryField.ACCOUNT, "12345")
			.put(EntryField.CURRENCY, "\u20aa")
			.put(EntryField.NOTES, notes)
			.build();
	}

}
