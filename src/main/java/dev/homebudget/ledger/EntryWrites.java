package dev.homebudget.ledger;

import java.util.function.Supplier;

import dev.homebudget.web.ApiException;
import dev.homebudget.web.IfMatch;
import dev.homebudget.web.PreconditionFailedException;

/**
 * The write rules of expenses and incomes alike. A change or delete is one conditional
 * statement; only when it changed nothing is the record looked up again, to tell a
 * missing record (404) from a stale version (412 with the current ETag). Checks keep the
 * original's order: the shape of the body (422, in the controller), then the existence of
 * the record (404), then the meaning of the change (400).
 */
public final class EntryWrites {

	private EntryWrites() {
	}

	/** PUT: applies the fields present; an explicit null in a NOT NULL field is a 400. */
	public static <E extends StoredEntry> E replace(EntryRepository<E, ?> store, int id, EntryValues changes,
			IfMatch ifMatch, Supplier<? extends RuntimeException> notFound) {
		if (changes.firstNullInRequiredField().isPresent()) {
			requireExisting(store, id, notFound);
			EntryRequestReader.requireNotNull(changes);
		}
		return apply(store, id, changes, ifMatch, notFound);
	}

	/** PATCH: one field; an unknown field, {@code id}, or a bad value is a 400. */
	public static <E extends StoredEntry> E patch(EntryRepository<E, ?> store, int id, EntryRequestReader reader,
			PatchRequest patch, IfMatch ifMatch, Supplier<? extends RuntimeException> notFound) {
		EntryValues change;
		try {
			change = reader.readPatchValue(patch);
		}
		catch (ApiException ex) {
			requireExisting(store, id, notFound);
			throw ex;
		}
		return apply(store, id, change, ifMatch, notFound);
	}

	public static void delete(EntryRepository<?, ?> store, int id, IfMatch ifMatch,
			Supplier<? extends RuntimeException> notFound) {
		boolean deleted = ifMatch.constrainsVersion() ? store.deleteIfVersion(id, ifMatch.versions())
				: store.deleteById(id);
		if (!deleted) {
			throw ifMatch.constrainsVersion() ? staleOrMissing(store, id, notFound) : notFound.get();
		}
	}

	/**
	 * Applies the present fields (possibly none: a version check alone) in one
	 * conditional statement.
	 */
	public static <E extends StoredEntry> E apply(EntryRepository<E, ?> store, int id, EntryValues changes,
			IfMatch ifMatch, Supplier<? extends RuntimeException> notFound) {
		if (!ifMatch.constrainsVersion()) {
			return store.update(id, changes).orElseThrow(notFound);
		}
		return store.updateIfVersion(id, ifMatch.versions(), changes)
			.orElseThrow(() -> staleOrMissing(store, id, notFound));
	}

	private static RuntimeException staleOrMissing(EntryRepository<?, ?> store, int id,
			Supplier<? extends RuntimeException> notFound) {
		return store.findById(id)
			.<RuntimeException>map((current) -> new PreconditionFailedException(current.version()))
			.orElseGet(notFound);
	}

	private static void requireExisting(EntryRepository<?, ?> store, int id,
			Supplier<? extends RuntimeException> notFound) {
		if (!store.existsById(id)) {
			throw notFound.get();
		}
	}

}
