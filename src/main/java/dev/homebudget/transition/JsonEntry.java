package dev.homebudget.transition;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

import dev.homebudget.ledger.EntryField;
import dev.homebudget.ledger.EntryType;
import dev.homebudget.ledger.EntryValues;
import dev.homebudget.ledger.StoredEntry;

/**
 * One record of an original JSON file, checked and typed: an expense, or an income (whose
 * {@code business} is always null). The amount is exact with two decimals.
 */
public record JsonEntry(int id, LocalDate date, String business, String category, BigDecimal amount, String account,
		String currency, String notes) {

	public JsonEntry {
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(category, "category");
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(account, "account");
		Objects.requireNonNull(currency, "currency");
	}

	/** The record of a draft's fields under an id. */
	public static JsonEntry of(int id, EntryValues values) {
		return new JsonEntry(id, values.date(), values.text(EntryField.BUSINESS), values.text(EntryField.CATEGORY),
				values.amount(), values.text(EntryField.ACCOUNT), values.text(EntryField.CURRENCY),
				values.text(EntryField.NOTES));
	}

	/** The record of a stored entry; equal entries give equal records (shadow reads). */
	public static JsonEntry of(StoredEntry entry) {
		return new JsonEntry(entry.id(), entry.date(), entry.business(), entry.category(), entry.amount(),
				entry.account(), entry.currency(), entry.notes());
	}

	/** This record as a feature's stored entry. */
	public <E extends StoredEntry> E as(EntryType<E, ?> type, int version) {
		return type.entries()
			.entry(this.id, this.date, this.business, this.category, this.amount, this.account, this.currency,
					this.notes, version);
	}

}
