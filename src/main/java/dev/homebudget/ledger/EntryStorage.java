package dev.homebudget.ledger;

/**
 * Where the entries of every kind are kept: chosen once, at startup, from the storage
 * phase. In phase P3 that is PostgreSQL alone ({@link PostgresEntryStorage}); in the JSON
 * era (phases P0 to P2) it is the {@link JsonEra} storage that the transition module
 * plugs in, built on the JSON files and, for mirrors, on PostgreSQL. Features ask it for
 * their repository and never learn which it is.
 */
public interface EntryStorage {

	/** The repository of one kind of entry; a feature asks once, at startup. */
	<E extends StoredEntry, D> EntryRepository<E, D> repository(EntryType<E, D> type);

	/** The storage of the JSON-era phases P0, P1 and P2. */
	interface JsonEra extends EntryStorage {

	}

}
