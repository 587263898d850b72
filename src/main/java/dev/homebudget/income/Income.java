package dev.homebudget.income;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

import dev.homebudget.ledger.EntryKind;
import dev.homebudget.ledger.EntryType;
import dev.homebudget.ledger.StoredEntry;

/**
 * A stored income. The amount is exact, with two decimals; the version counts updates
 * (optimistic concurrency, exposed as the ETag).
 */
public record Income(int id, LocalDate date, String category, BigDecimal amount, String account, String currency,
		String notes, int version) implements StoredEntry {

	/** How the ledger builds incomes (which have no business). */
	public static final EntryType<Income, IncomeDraft> TYPE = new EntryType<>(
			EntryKind.INCOME, (id, date, business, category, amount, account, currency, notes,
					version) -> new Income(id, date, category, amount, account, currency, notes, version),
			IncomeDraft::values);

	public Income {
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(category, "category");
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(account, "account");
		Objects.requireNonNull(currency, "currency");
	}

}
