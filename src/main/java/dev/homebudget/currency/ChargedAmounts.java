package dev.homebudget.currency;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The amount an entry was actually charged in a base currency ({@code charged_amount} and
 * {@code charged_currency} of expenses and incomes, V21); one household's rows per call.
 */
@Component
class ChargedAmounts {

	private final JdbcClient jdbc;

	ChargedAmounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Which entries: the table is chosen here, never from user text. */
	enum Kind {

		EXPENSE("expenses"), INCOME("incomes");

		private final String table;

		Kind(String table) {
			this.table = table;
		}

	}

	/**
	 * An entry's own amount and currency, what it was charged (or nulls) and its version.
	 */
	record Charged(int id, BigDecimal amount, String currency, BigDecimal chargedAmount, String chargedCurrency,
			int version) {

	}

	private static final RowMapper<Charged> CHARGED = (rs, row) -> new Charged(rs.getInt("id"),
			rs.getBigDecimal("amount"), rs.getString("currency"), rs.getBigDecimal("charged_amount"),
			rs.getString("charged_currency"), rs.getInt("version"));

	Optional<Charged> find(Kind kind, int household, int id) {
		return this.jdbc
			.sql("SELECT id, amount, COALESCE(currency_code, 'XXX') AS currency, charged_amount, charged_currency, "
					+ "version FROM " + kind.table + " WHERE household_id = :household AND id = :id")
			.param("household", household)
			.param("id", id)
			.query(CHARGED)
			.optional();
	}

	/**
	 * Records (or with a null amount clears) what an entry was charged, if its version is
	 * one of {@code versions} (any when null), and bumps its version.
	 * @return the entry afterwards, or empty when it does not exist or its version
	 * differs
	 */
	Optional<Charged> set(Kind kind, int household, int id, BigDecimal amount, String currency,
			List<Integer> versions) {
		return this.jdbc
			.sql("UPDATE " + kind.table + " SET charged_amount = :amount, charged_currency = :currency, "
					+ "version = version + 1 WHERE household_id = :household AND id = :id"
					+ ((versions == null) ? "" : " AND version = ANY(:versions)")
					+ " RETURNING id, amount, COALESCE(currency_code, 'XXX') AS currency, charged_amount, "
					+ "charged_currency, version")
			.param("household", household)
			.param("id", id)
			.param("amount", amount, java.sql.Types.NUMERIC)
			.param("currency", currency, java.sql.Types.CHAR)
			.param("versions", dev.homebudget.ledger.EntrySql.integerArray((versions == null) ? List.of() : versions))
			.query(CHARGED)
			.optional();
	}

}
