package dev.homebudget.currency;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import dev.homebudget.household.CurrentHousehold;
import dev.homebudget.household.HouseholdRole;
import dev.homebudget.ledger.Households;
import dev.homebudget.web.ApiException;
import dev.homebudget.web.IfMatch;
import dev.homebudget.web.InvalidValue;
import dev.homebudget.web.PreconditionFailedException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The household's base currency and its exchange rates. Kept in PostgreSQL only: where
 * the JSON files are the primary store (phases P0, P1) every use case answers 409.
 */
@Service
public class CurrencyService {

	static final String NOT_FOUND = "Exchange rate not found";

	private final ExchangeRates rates;

	private final CurrentHousehold household;

	private final HouseholdCurrency currency;

	private final TransactionTemplate transactions;

	private final ChargedAmounts charged;

	CurrencyService(ExchangeRates rates, CurrentHousehold household, HouseholdCurrency currency, ChargedAmounts charged,
			PlatformTransactionManager transactionManager) {
		this.rates = rates;
		this.charged = charged;
		this.household = household;
		this.currency = currency;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** The outcome of a file import. */
	record Imported(int imported, List<RateFiles.Rejected> rejected, long rejectedCount) {

	}

	public String baseCurrency() {
		return this.rates.baseCurrency(readable());
	}

	/** Owners choose the base currency. */
	public String setBaseCurrency(String code) {
		int household = owned();
		this.rates.setBaseCurrency(household, code);
		return code;
	}

	List<ExchangeRates.Rate> list(String currency, String quote, LocalDate from, LocalDate to, int limit) {
		return this.rates.list(readable(), currency, quote, from, to, limit);
	}

	ExchangeRates.Rate put(LocalDate day, String currency, String quote, BigDecimal rate) {
		int household = writable();
		String to = (quote != null) ? quote : this.rates.baseCurrency(household);
		if (to.equals(currency)) {
			throw dev.homebudget.web.JsonObjectBody.invalidField("currency",
					"Value error, a rate is between two different currencies (the quote defaults to the base currency "
							+ to + ")",
					currency);
		}
		return this.rates.put(household, new ExchangeRates.NewRate(day, currency, to, rate), "manual");
	}

	/** Every readable rate of a file in one transaction; unreadable rows are listed. */
	Imported importFile(Reader file) throws InvalidValue, IOException {
		int household = writable();
		RateFiles.Read read = RateFiles.read(file, this.rates.baseCurrency(household));
		Integer stored = this.transactions.execute((status) -> {
			try {
				return this.rates.putAll(household, read.rates());
			}
			catch (SQLException | IOException ex) {
				throw new IllegalStateException("storing the rates failed", ex);
			}
		});
		return new Imported((stored != null) ? stored : 0, read.rejected(), read.rejectedCount());
	}

	void delete(int id) {
		if (!this.rates.delete(writable(), id)) {
			throw new ApiException(HttpStatus.NOT_FOUND, NOT_FOUND);
		}
	}

	/** The rate a conversion on a day would use (null: none yet). */
	BigDecimal rate(String from, String to, LocalDate day) {
		return this.rates.rate(readable(), from, to, day).orElse(null);
	}

	/**
	 * An entry and what it was charged in a base currency; 404 when it does not exist.
	 */
	ChargedAmounts.Charged charged(ChargedAmounts.Kind kind, int id) {
		return this.charged.find(kind, readable(), id).orElseThrow(() -> notFound(kind));
	}

	/**
	 * Records what an entry was charged in the household's base currency (null clears
	 * it), with {@code If-Match} on the entry's version.
	 */
	ChargedAmounts.Charged charge(ChargedAmounts.Kind kind, int id, BigDecimal amount, IfMatch ifMatch) {
		int household = writable();
		return this.transactions.execute((status) -> {
			String base = this.rates.baseCurrency(household);
			return this.charged
				.set(kind, household, id, amount, (amount != null) ? base : null,
						ifMatch.constrainsVersion() ? ifMatch.versions() : null)
				.orElseThrow(() -> {
					ChargedAmounts.Charged current = this.charged.find(kind, household, id)
						.orElseThrow(() -> notFound(kind));
					return new PreconditionFailedException(current.version());
				});
		});
	}

	private static ApiException notFound(ChargedAmounts.Kind kind) {
		return new ApiException(HttpStatus.NOT_FOUND,
				(kind == ChargedAmounts.Kind.EXPENSE) ? "Expense not found" : "Income not found");
	}

	private int readable() {
		requirePostgresPrimary();
		return this.household.forReading();
	}

	private int writable() {
		requirePostgresPrimary();
		return this.household.forWriting();
	}

	private int owned() {
		requirePostgresPrimary();
		CurrentHousehold.Membership membership = this.household.membership();
		if (membership.role() != HouseholdRole.OWNER) {
			throw new ApiException(HttpStatus.FORBIDDEN, "Only an owner of the household can change its settings");
		}
		return membership.household();
	}

	private void requirePostgresPrimary() {
		if (!this.currency.postgresPrimary()) {
			throw Households.needsPostgresPrimary("Exchange rates and the base currency");
		}
	}

}
