package dev.homebudget.expense;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

import dev.homebudget.ledger.EntryField;
import dev.homebudget.ledger.EntryValues;

/**
 * An expense not stored yet: every field but the id, which the store assigns.
 */
public record ExpenseDraft(LocalDate date, String business, String category, BigDecimal amount, String account,
		String currency, String notes) {

	public ExpenseDraft {
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(category, "category");
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(account, "account");
		Objects.requireNonNull(currency, "currency");
	}

	static ExpenseDraft from(EntryValues values) {
		return new ExpenseDraft(values.date(), values.text(EntryField.BUSINESS), values.text(EntryField.CATEGORY),
				values.amount(), values.text(EntryField.ACCOUNT), values.text(EntryField.CURRENCY),
				values.text(EntryField.NOTES));
	}

	/** The fields of a stored expense, without its id and version. */
	static ExpenseDraft of(Expense expense) {
		return new ExpenseDraft(expense.date(), expense.business(), expense.category(), expense.amount(),
				expense.account(), expense.currency(), expense.notes());
	}

	/** Every field, for a statement that writes them all. */
	EntryValues values() {
		return EntryValues.builder()
			.put(EntryField.DATE, this.date)
			.put(EntryField.BUSINESS, this.business)
			.put(EntryField.CATEGORY, this.category)
			.put(EntryField.AMOUNT, this.amount)
			.put(EntryField.ACCOUNT, this.account)
			.put(EntryField.CURRENCY, this.currency)
			.put(EntryField.NOTES, this.notes)
			.build();
	}

	public Expense withId(int id) {
		return new Expense(id, this.date, this.business, this.category, this.amount, this.account, this.currency,
				this.notes, 0);
	}

}
