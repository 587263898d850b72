package dev.homebudget.transition;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Durable record of writes that reached the primary store but may not have reached the
 * mirror. An entry is opened before (P1) or together with (P2) the primary write, and
 * resolved once the mirror holds the same state; an entry left open is a difference the
 * repair command copies across. So a mirror failure is data, not a log line, and even a
 * crash between the two writes leaves an entry behind.
 * <p>
 * Entries hold what was written (entity, operation, ids) and when, never amounts.
 */
interface RepairJournal {

	/** Where the journal lives, for messages. */
	String location();

	/**
	 * Opens an entry. P2 calls this inside the primary's database transaction, so the
	 * entry commits or rolls back with the write.
	 */
	Entry open(String entity, String operation, Collection<Integer> ids);

	/** The mirror holds the primary's state of the entry's ids. */
	void resolve(Entry entry, String resolution);

	/**
	 * The mirror holds the primary's state of every entry's ids (one copy covered them).
	 */
	default void resolveAll(List<Entry> entries, String resolution) {
		entries.forEach((entry) -> resolve(entry, resolution));
	}

	/** A mirror write failed; the entry stays open for the repair command. */
	void fail(Entry entry, String errorKind);

	/**
	 * Whether a line can be added now (a journal file on a full disk cannot); checked
	 * anew on each call after a failure.
	 */
	default boolean writable() {
		return true;
	}

	/** Open entries, oldest first. */
	List<Entry> openEntries();

	long openCount();

	/**
	 * One journalled write.
	 *
	 * @param id the entry's number
	 * @param entity {@code expense} or {@code income}
	 * @param operation what the primary did: create, update, delete, bulk_delete, put
	 * @param ids the affected record ids
	 * @param openedAt when the write happened
	 * @param errorKind the last mirror failure, or null when none was recorded
	 * @param attempts how many mirror or repair attempts failed
	 */
	record Entry(long id, String entity, String operation, List<Integer> ids, Instant openedAt, String errorKind,
			int attempts) {

		public Entry {
			ids = List.copyOf(ids);
		}

		Entry failed(String kind) {
			return new Entry(this.id, this.entity, this.operation, this.ids, this.openedAt, kind, this.attempts + 1);
		}

		@Override
		public String toString() {
			return "#" + this.id + " " + this.entity + " " + this.operation + " " + this.ids;
		}

	}

	/** No mirror, nothing to record (P0, P3). */
	RepairJournal NONE = new RepairJournal() {

		@Override
		public String location() {
			return "none";
		}

		@Override
		public Entry open(String entity, String operation, Collection<Integer> ids) {
			throw new IllegalStateException("this phase has no mirror");
		}

		@Override
		public void resolve(Entry entry, String resolution) {
		}

		@Override
		public void fail(Entry entry, String errorKind) {
		}

		@Override
		public List<Entry> openEntries() {
			return List.of();
		}

		@Override
		public long openCount() {
			return 0;
		}

	};

}
