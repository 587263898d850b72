package dev.homebudget.ledger;

import dev.homebudget.ops.DatabaseMetrics;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Entries in PostgreSQL alone: the storage of phase P3, and the PostgreSQL side that the
 * JSON era mirrors to or from.
 */
@Component
public class PostgresEntryStorage implements EntryStorage {

	private final JdbcClient jdbc;

	private final DatabaseMetrics metrics;

	PostgresEntryStorage(JdbcClient jdbc, DatabaseMetrics metrics) {
		this.jdbc = jdbc;
		this.metrics = metrics;
	}

	/**
	 * The first household's rows of one kind (see {@link EntryRepository#forHousehold});
	 * every call is timed as {@code <kind>.<method>}, for example {@code expense.create}.
	 */
	@Override
	public <E extends StoredEntry, D> EntryRepository<E, D> repository(EntryType<E, D> type) {
		return this.metrics.timed(new JdbcEntries<>(this.jdbc, type), type.kind().entryName());
	}

}
