package dev.homebudget.config;

import dev.homebudget.config.StorageProperties.StorageBackend;

/**
 * The four steps of the move from the original's JSON files to PostgreSQL (reliability
 * spec §1.7). Exactly one store is the source of truth in each phase: it answers every
 * read and assigns ids; the other store, when there is one, is a mirror that receives a
 * copy of each write.
 */
public enum StoragePhase {

	/** JSON files only, as the original ran. */
	P0("JSON only", StorageBackend.JSON, null),

	/**
	 * JSON files are the truth and assign ids; every write is mirrored to PostgreSQL with
	 * the same id.
	 */
	P1("dual-write, JSON primary", StorageBackend.JSON, StorageBackend.POSTGRES),

	/**
	 * PostgreSQL is the truth and assigns ids; every committed write is mirrored to the
	 * JSON files, so that going back to P1 loses nothing.
	 */
	P2("PostgreSQL primary, JSON mirror", StorageBackend.POSTGRES, StorageBackend.JSON),

	/** PostgreSQL only: the default of a new install. */
	P3("PostgreSQL only", StorageBackend.POSTGRES, null);

	private final String description;

	private final StorageBackend primary;

	private final StorageBackend mirror;

	StoragePhase(String description, StorageBackend primary, StorageBackend mirror) {
		this.description = description;
		this.primary = primary;
		this.mirror = mirror;
	}

	static StoragePhase of(boolean useDatabase, boolean dualWrite) {
		if (useDatabase) {
			return dualWrite ? P2 : P3;
		}
		return dualWrite ? P1 : P0;
	}

	public String description() {
		return this.description;
	}

	/** The store that answers reads and assigns ids. */
	public StorageBackend primary() {
		return this.primary;
	}

	/** The store that receives a copy of each write; null when there is none. */
	public StorageBackend mirror() {
		return this.mirror;
	}

	public boolean hasMirror() {
		return this.mirror != null;
	}

	/** Whether the JSON files are read or written in this phase. */
	public boolean usesJson() {
		return this.primary == StorageBackend.JSON || this.mirror == StorageBackend.JSON;
	}

}
