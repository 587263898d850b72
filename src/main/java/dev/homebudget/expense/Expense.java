package dev.homebudget.expense;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

import dev.homebudget.ledger.EntryKind;
import dev.homebudget.ledger.EntryType;
import dev.homebudget.ledger.StoredEntry;

/**
 * A stored expense. The amount is exact, with two decimals; the version counts updates
 * (optimistic concurrency, exposed as the ETag).
 */
public record Expense(int id, LocalDate date, String business, String category, BigDecimal amount, String account,
		String currency, String notes, int version) implements StoredEntry {

	/** How the ledger builds expenses. */
	public static final EntryType<Expense, ExpenseDraft> TYPE = new EntryType<>(EntryKind.EXPENSE, Expense::new,
			ExpenseDraft::values);

	public Expense {
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(category, "category");
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(account, "account");
		Objects.requireNonNull(currency, "currency");
	}

}
