package dev.homebudget.expense;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

import dev.homebudget.shared.EntryField;
import dev.homebudget.shared.EntryValues;

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

	public Expense withId(int id) {
		return new Expense(id, this.date, this.business, this.category, this.amount, this.account, this.currency,
				this.notes, 0);
	}

}
