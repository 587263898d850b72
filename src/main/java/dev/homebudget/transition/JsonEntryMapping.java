package dev.homebudget.transition;

import java.util.function.BiFunction;
import java.util.function.Function;

import dev.homebudget.ledger.StoredEntry;

/**
 * How entries of one kind become records of the JSON files.
 *
 * @param <E> a stored entry
 * @param <D> an entry not stored yet
 * @param withId the record of a draft under an id
 * @param draftOf the fields of a stored entry, without its id and version
 */
public record JsonEntryMapping<E extends StoredEntry, D>(BiFunction<Integer, D, JsonEntry> withId,
		Function<E, D> draftOf) {

	public JsonEntry entry(int id, D draft) {
		return this.withId.apply(id, draft);
	}

	/** The record of a stored entry; equal entries give equal records (shadow reads). */
	public JsonEntry entryOf(E entry) {
		return entry(entry.id(), this.draftOf.apply(entry));
	}

}
