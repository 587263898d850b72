package dev.homebudget.currency;

import dev.homebudget.config.StorageMode;
import dev.homebudget.config.StorageProperties.StorageBackend;
import dev.homebudget.household.CurrentHousehold;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The base currency of the current household: what every converted total is in. Kept in
 * PostgreSQL; where the JSON files are the primary store it is the original's ILS (₪).
 */
@Component
public class HouseholdCurrency {

	/** The original's currency, the base of every household until it chooses another. */
	public static final String DEFAULT_BASE = "ILS";

	private final JdbcClient jdbc;

	private final CurrentHousehold household;

	private final StorageMode storage;

	HouseholdCurrency(JdbcClient jdbc, CurrentHousehold household, StorageMode storage) {
		this.jdbc = jdbc;
		this.household = household;
		this.storage = storage;
	}

	public String base() {
		if (!postgresPrimary()) {
			return DEFAULT_BASE;
		}
		return this.jdbc.sql("SELECT base_currency FROM households WHERE id = :id")
			.param("id", this.household.forReading())
			.query(String.class)
			.optional()
			.orElse(DEFAULT_BASE);
	}

	/** Whether exchange rates are kept (PostgreSQL as the primary store). */
	public boolean postgresPrimary() {
		return this.storage.phase().primary() == StorageBackend.POSTGRES;
	}

}
