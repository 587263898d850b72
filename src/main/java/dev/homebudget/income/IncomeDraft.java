package dev.homebudget.income;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

import dev.homebudget.ledger.EntryField;
import dev.homebudget.ledger.EntryValues;

/**
 * An income not stored yet: every field but the id, which the store assigns.
 */
public record IncomeDraft(LocalDate date, String category, BigDecimal amount, String account, String currency,
		String notes) {

	public IncomeDraft {
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(category, "category");
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(account, "account");
		Objects.requireNonNull(currency, "currency");
	}

	static IncomeDraft from(EntryValues values) {
		return new IncomeDraft(values.date(), values.text(EntryField.CATEGORY), values.amount(),
				values.text(EntryField.ACCOUNT), values.text(EntryField.CURRENCY), values.text(EntryField.NOTES));
	}

	/** The fields of a stored income, without its id and version. */
	static IncomeDraft of(Income income) {
		return new IncomeDraft(income.date(), income.category(), income.amount(), income.account(), income.currency(),
				income.notes());
	}

	/** Every field, for a statement that writes them all. */
	EntryValues values() {
		return EntryValues.builder()
			.put(EntryField.DATE, this.date)
			.put(EntryField.CATEGORY, this.category)
			.put(EntryField.AMOUNT, this.amount)
			.put(EntryField.ACCOUNT, this.account)
			.put(EntryField.CURRENCY, this.currency)
			.put(EntryField.NOTES, this.notes)
			.build();
	}

	public Income withId(int id) {
		return new Income(id, this.date, this.category, this.amount, this.account, this.currency, this.notes, 0);
	}

}
