package dev.homebudget.transition;

import dev.homebudget.config.StorageMode;
import dev.homebudget.ledger.EntryRepository;
import dev.homebudget.ledger.EntryStorage;
import dev.homebudget.ledger.EntryType;
import dev.homebudget.ledger.PostgresEntryStorage;
import dev.homebudget.ledger.StoredEntry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Where entries are kept in the JSON-era phases, per phase: the JSON files alone (P0),
 * the JSON files mirrored to PostgreSQL (P1), or PostgreSQL mirrored to the JSON files
 * (P2). The ledger chooses it at startup for those phases; in P3 it is never asked.
 */
@Component
class JsonEraStorage implements EntryStorage.JsonEra {

	private final StorageMode mode;

	private final PostgresEntryStorage postgres;

	private final ObjectProvider<JsonStore> jsonStore;

	private final StorageMirrors mirrors;

	JsonEraStorage(StorageMode mode, PostgresEntryStorage postgres, ObjectProvider<JsonStore> jsonStore,
			StorageMirrors mirrors) {
		this.mode = mode;
		this.postgres = postgres;
		this.jsonStore = jsonStore;
		this.mirrors = mirrors;
	}

	@Override
	public <E extends StoredEntry, D> EntryRepository<E, D> repository(EntryType<E, D> type) {
		LedgerFile file = LedgerFile.of(type.kind());
		EntryRepository<E, D> database = this.postgres.repository(type);
		return switch (this.mode.phase()) {
			// JSON files only
			case P0 -> JsonFileEntries.of(this.jsonStore.getObject(), type);
			// JSON primary: each write is journalled before the file is replaced, then
			// copied to PostgreSQL with its JSON id
			case P1 -> {
				JsonFileEntries<E, D> json = JsonFileEntries.of(this.jsonStore.getObject(), type);
				EntryMirror mirror = this.mirrors.create(file,
						MirrorCopier.of(json::findAllById, StoredEntry::id, database::putAll, database::deleteAllById));
				json.ledger().journalWritesWith(mirror.ledgerJournal());
				yield json;
			}
			// PostgreSQL primary: committed writes are copied to the JSON file (one
			// replacement per batch of queued writes), and sampled reads are compared
			// with
			// it
			case P2 -> {
				JsonFileEntries<E, D> json = JsonFileEntries.of(this.jsonStore.getObject(), type);
				EntryMirror mirror = this.mirrors.create(file,
						MirrorCopier.replacing(database::findAllById, StoredEntry::id, json::mirror));
				yield new MirroredEntries<>(database, mirror, json, this.mirrors.shadowReads(file));
			}
			case P3 -> throw new IllegalStateException("phase P3 keeps entries in PostgreSQL alone");
		};
	}

}
