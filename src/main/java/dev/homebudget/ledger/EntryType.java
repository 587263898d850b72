package dev.homebudget.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * How the ledger builds one kind of entry as its feature's own records: stores are
 * written once for both kinds and use this to make the feature's stored entries and to
 * read its drafts.
 *
 * @param <E> the feature's stored entry
 * @param <D> the feature's entry not stored yet
 * @param kind which kind, and so which table and fields
 * @param entries makes a stored entry from every field ({@code business} is null for a
 * kind without it)
 * @param drafts every field of a draft
 */
public record EntryType<E extends StoredEntry, D>(EntryKind kind, Entries<E> entries, Function<D, EntryValues> drafts) {

	/** Makes a stored entry from every field. */
	@FunctionalInterface
	public interface Entries<E> {

		E entry(int id, LocalDate date, String business, String category, BigDecimal amount, String account,
				String currency, String notes, int version);

	}

	/**
	 * Every field of a stored entry (its kind's fields), for a statement that writes them
	 * all.
	 */
	public EntryValues valuesOf(E entry) {
		EntryValues.Builder values = EntryValues.builder();
		for (EntryField field : this.kind.fields()) {
			values.put(field, switch (field) {
				case DATE -> entry.date();
				case BUSINESS -> entry.business();
				case CATEGORY -> entry.category();
				case AMOUNT -> entry.amount();
				case ACCOUNT -> entry.account();
				case CURRENCY -> entry.currency();
				case NOTES -> entry.notes();
			});
		}
		return values.build();
	}

	/** Every field of a draft. */
	public EntryValues valuesOfDraft(D draft) {
		return this.drafts.apply(draft);
	}

	/** The stored entry of a draft's fields under an id and version. */
	public E entry(int id, EntryValues values, int version) {
		return this.entries.entry(id, values.date(), values.text(EntryField.BUSINESS), values.text(EntryField.CATEGORY),
				values.amount(), values.text(EntryField.ACCOUNT), values.text(EntryField.CURRENCY),
				values.text(EntryField.NOTES), version);
	}

}
