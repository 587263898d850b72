package dev.homebudget.transition.transfer;

import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.homebudget.transition.JsonEntry;
import dev.homebudget.transition.LedgerFile;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads whole tables as records, streamed in id order (a cursor, never the whole table in
 * memory at once), both tables from one snapshot of the database.
 */
final class DatabaseLedgers {

	private static final int FETCH_SIZE = 2000;

	/** A little above the long reads' statement timeout (15 min). */
	private static final int LONG_READ_NETWORK_TIMEOUT_MS = 16 * 60 * 1000;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate snapshot;

	DatabaseLedgers(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		// The PostgreSQL driver fetches in chunks only inside a transaction, which
		// inOneSnapshot provides.
		this.jdbc.setFetchSize(FETCH_SIZE);
		this.snapshot = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.snapshot.setReadOnly(true);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
	}

	/** Runs the reads in one read-only, repeatable-read transaction. */
	<T> T inOneSnapshot(Supplier<T> reads) {
		return this.snapshot.execute((status) -> {
			// the app's 5 s statement timeout (and the driver's socket timeout just above
			// it) guard requests; reading every row is a tool's legitimate long read. The
			// pool restores the connection's network timeout when it is returned.
			this.jdbc.execute("SET LOCAL statement_timeout = '15min'");
			this.jdbc.execute((ConnectionCallback<Void>) (connection) -> {
				connection.setNetworkTimeout(Runnable::run, LONG_READ_NETWORK_TIMEOUT_MS);
				return null;
			});
			return reads.get();
		});
	}

	/** The table's fingerprint, computed by the database; call inside a snapshot. */
	Fingerprint fingerprint(LedgerFile ledger) {
		return this.jdbc.queryForObject(LedgerTable.of(ledger).fingerprint(), (rs,
				row) -> new Fingerprint(rs.getLong(1), rs.getBigDecimal(2).setScale(2), rs.getInt(3), rs.getString(4)));
	}

	/** The highest row version of the ledger's table; call inside a snapshot. */
	int highestVersion(LedgerFile ledger) {
		return this.jdbc.queryForObject(LedgerTable.of(ledger).highestVersion(), Integer.class);
	}

	/** Every row of the ledger's table in ascending id order; call inside a snapshot. */
	void forEach(LedgerFile ledger, Consumer<JsonEntry> consumer) {
		LedgerTable table = LedgerTable.of(ledger);
		this.jdbc.query(table.selectAllById(), (RowCallbackHandler) (rs) -> consumer.accept(table.map(rs)));
	}

}
