package dev.homebudget.currency;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/** The exchange_rates table, one household's rows per call. */
@Component
class ExchangeRates {

	private static final String COLUMNS = "id, day, currency, quote, rate, source, created_at";

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	ExchangeRates(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/**
	 * One unit of {@code currency} was worth {@code rate} units of {@code quote} on
	 * {@code day}.
	 */
	record Rate(int id, LocalDate day, String currency, String quote, BigDecimal rate, String source,
			OffsetDateTime createdAt) {

	}

	/** A rate not stored yet. */
	record NewRate(LocalDate day, String currency, String quote, BigDecimal rate) {

	}

	/** The newest first, filtered; at most {@code limit}. */
	List<Rate> list(int household, String currency, String quote, LocalDate from, LocalDate to, int limit) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM exchange_rates WHERE household_id = :household
				  AND (CAST(:currency AS text) IS NULL OR currency = :currency)
				  AND (CAST(:quote AS text) IS NULL OR quote = :quote)
				  AND (CAST(:from AS date) IS NULL OR day >= :from)
				  AND (CAST(:to AS date) IS NULL OR day <= :to)
				ORDER BY day DESC, currency, quote LIMIT :limit""")
			.param("household", household)
			.param("currency", currency, java.sql.Types.VARCHAR)
			.param("quote", quote, java.sql.Types.VARCHAR)
			.param("from", from, java.sql.Types.DATE)
			.param("to", to, java.sql.Types.DATE)
			.param("limit", limit)
			.query(ExchangeRates::rate)
			.list();
	}

	/** Stores a rate, replacing the one of the same day and pair. */
	Rate put(int household, NewRate rate, String source) {
		return this.jdbc.sql("""
				INSERT INTO exchange_rates (household_id, day, currency, quote, rate, source)
				VALUES (:household, :day, :currency, :quote, :rate, :source)
				ON CONFLICT (household_id, currency, quote, day)
				DO UPDATE SET rate = EXCLUDED.rate, source = EXCLUDED.source, created_at = now()
				RETURNING""" + " " + COLUMNS)
			.param("household", household)
			.param("day", rate.day())
			.param("currency", rate.currency())
			.param("quote", rate.quote())
			.param("rate", rate.rate())
			.param("source", source)
			.query(ExchangeRates::rate)
			.single();
	}

	/**
	 * Stores many rates in one statement after a COPY into a scratch table, replacing
	 * those of the same day and pair; in the caller's transaction.
	 * @return how many were stored
	 */
	int putAll(int household, List<NewRate> rates) throws java.sql.SQLException, IOException {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			try (var statement = connection.createStatement()) {
				statement.execute("CREATE TEMPORARY TABLE IF NOT EXISTS rates_upload (day date, currency char(3), "
						+ "quote char(3), rate numeric(24, 12)) ON COMMIT DROP");
			}
			StringBuilder rows = new StringBuilder();
			for (NewRate rate : rates) {
				rows.append(rate.day())
					.append('\t')
					.append(rate.currency())
					.append('\t')
					.append(rate.quote())
					.append('\t')
					.append(rate.rate().toPlainString())
					.append('\n');
			}
			Reader reader = new StringReader(rows.toString());
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("COPY rates_upload (day, currency, quote, rate) FROM STDIN", reader);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
		// a file may name the same day and pair twice: the last one wins
		return this.jdbc.sql("""
				INSERT INTO exchange_rates (household_id, day, currency, quote, rate, source)
				SELECT DISTINCT ON (currency, quote, day) :household, day, currency, quote, rate, 'import'
				FROM (SELECT *, row_number() OVER () AS n FROM rates_upload) u
				ORDER BY currency, quote, day, n DESC
				ON CONFLICT (household_id, currency, quote, day)
				DO UPDATE SET rate = EXCLUDED.rate, source = EXCLUDED.source, created_at = now()""")
			.param("household", household)
			.update();
	}

	boolean delete(int household, int id) {
		return this.jdbc.sql("DELETE FROM exchange_rates WHERE household_id = :household AND id = :id")
			.param("household", household)
			.param("id", id)
			.update() == 1;
	}

	Optional<BigDecimal> rate(int household, String from, String to, LocalDate day) {
		return this.jdbc.sql("SELECT fx_rate(:household, :from, :to, :day)")
			.param("household", household)
			.param("from", from)
			.param("to", to)
			.param("day", day)
			.query(BigDecimal.class)
			.optional();
	}

	String baseCurrency(int household) {
		return this.jdbc.sql("SELECT base_currency FROM households WHERE id = :id")
			.param("id", household)
			.query(String.class)
			.single();
	}

	void setBaseCurrency(int household, String currency) {
		this.jdbc.sql("UPDATE households SET base_currency = :currency WHERE id = :id")
			.param("id", household)
			.param("currency", currency)
			.update();
	}

	private static Rate rate(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		BigDecimal rate = rs.getBigDecimal("rate").stripTrailingZeros();
		return new Rate(rs.getInt("id"), rs.getObject("day", LocalDate.class), rs.getString("currency"),
				rs.getString("quote"), (rate.scale() < 0) ? rate.setScale(0) : rate, rs.getString("source"),
				rs.getObject("created_at", OffsetDateTime.class));
	}

}
