package dev.homebudget.transition;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

import dev.homebudget.ledger.EntryField;
import dev.homebudget.ledger.EntryQuery;
import dev.homebudget.ledger.EntryTotals;
import dev.homebudget.ledger.EntryValues;

/**
 * One JSON file as a table: the JSON analogue of {@code shared.EntryTable}. The file is
 * read once, when the store opens; reads are answered from memory; every write rewrites
 * the whole file atomically (see {@link JsonDirectory#replace}) while holding the
 * ledger's lock, so writes are serialised and a failed write changes neither the file nor
 * what readers see.
 * <p>
 * New ids are {@code max(id) + 1}, as in the original (so deleting the highest id and
 * creating again reuses it). Row versions (the ETags) are not in the original's file: the
 * rows are loaded at the store's {@link VersionFloor}, above every version handed out
 * before, and every write first makes sure the versions it hands out stay below its
 * durable reservation. So an ETag from before a restart never matches a row that changed
 * since (it may be refused although the row did not change, when anything was written).
 *
 * @param <T> the row type the feature works with
 */
public final class JsonLedger<T> {

	/** Builds a feature's row from a record and its version. */
	@FunctionalInterface
	public interface RowMapper<T> {

		T map(JsonEntry entry, int version);

	}

	/**
	 * Records each write before the file is replaced, so that a crash right after the
	 * replacement still leaves a trace of the write (P1: the repair journal of the
	 * PostgreSQL mirror).
	 */
	@FunctionalInterface
	public interface WriteJournal {

		/**
		 * Called under the ledger's lock before the file is replaced; throwing aborts the
		 * write.
		 */
		PendingWrite open(String operation, Set<Integer> ids);

	}

	/** A write recorded by a {@link WriteJournal}. */
	public interface PendingWrite {

		/** The file was replaced. */
		void written();

		/** The file could not be replaced: nothing changed. */
		void abandoned(RuntimeException failure);

	}

	/** A journal that records nothing. */
	public static final WriteJournal NO_JOURNAL = (operation, ids) -> new PendingWrite() {

		@Override
		public void written() {
		}

		@Override
		public void abandoned(RuntimeException failure) {
		}

	};

	private final JsonDirectory directory;

	private final LedgerFile file;

	private final RowMapper<T> mapper;

	private final VersionFloor versions;

	private final ReentrantLock writeLock = new ReentrantLock();

	private volatile State state;

	private volatile WriteJournal journal = NO_JOURNAL;

	private volatile RuntimeException lastWriteFailure;

	/** The size of the content the failed write could not store. */
	private volatile int failedWriteSize;

	JsonLedger(JsonDirectory directory, LedgerFile file, List<JsonEntry> entries, RowMapper<T> mapper,
			VersionFloor versions) {
		this.directory = directory;
		this.file = file;
		this.mapper = mapper;
		this.versions = versions;
		Map<Integer, Row> rows = new LinkedHashMap<>();
		entries.forEach((entry) -> rows.put(entry.id(), row(entry, versions.base())));
		this.state = new State(rows);
	}

	public LedgerFile file() {
		return this.file;
	}

	/** Records every later write with {@code journal} before it replaces the file. */
	public void journalWritesWith(WriteJournal journal) {
		this.journal = journal;
	}

	/** The failure of the latest write, or null when it succeeded (or none was made). */
	public RuntimeException lastWriteFailure() {
		return this.lastWriteFailure;
	}

	/**
	 * Whether the file can be written: true unless the latest write failed; then checked
	 * anew, by writing (and removing) a temporary file as large as the one that did not
	 * fit, so a disk that has space again is noticed without waiting for a write of this
	 * file to succeed.
	 */
	public boolean writable() {
		if (this.lastWriteFailure == null) {
			return true;
		}
		this.writeLock.lock();
		try {
			if (this.lastWriteFailure == null) {
				return true;
			}
			if (!this.directory.canWrite(this.file.fileName(), this.failedWriteSize)) {
				return false;
			}
			this.lastWriteFailure = null;
			return true;
		}
		finally {
			this.writeLock.unlock();
		}
	}

	// --- reads, from an immutable snapshot ---

	/** Every record, in the file's order. */
	public List<JsonEntry> entries() {
		return this.state.entries();
	}

	public List<T> findAll() {
		State snapshot = this.state;
		return map(snapshot, snapshot.newestFirst());
	}

	public Optional<T> findById(int id) {
		return Optional.ofNullable(this.state.rows.get(id)).map(this::map);
	}

	/** The existing rows among the ids, in the order of the ids (duplicates once). */
	public List<T> findAllById(Collection<Integer> ids) {
		Map<Integer, Row> rows = this.state.rows;
		List<T> found = new ArrayList<>();
		for (Integer id : new LinkedHashSet<>(ids)) {
			Row row = rows.get(id);
			if (row != null) {
				found.add(map(row));
			}
		}
		return found;
	}

	public boolean existsById(int id) {
		return this.state.rows.containsKey(id);
	}

	public long count() {
		return this.state.rows.size();
	}

	public List<T> find(EntryQuery query) {
		State snapshot = this.state;
		return map(snapshot, LedgerQueries.find(snapshot.entries(), query, this.file.hasBusiness()));
	}

	public List<EntryTotals.Total> total(LocalDate from, LocalDate to) {
		return LedgerQueries.total(this.state.entries(), from, to);
	}

	public List<EntryTotals.ByCategory> totalsByCategory(LocalDate from, LocalDate to) {
		return LedgerQueries.totalsByCategory(this.state.entries(), from, to);
	}

	public List<EntryTotals.ByCategory> totalsByCategory(EntryQuery query) {
		return LedgerQueries.totalsByCategory(this.state.entries(),
				LedgerQueries.filter(query, this.file.hasBusiness()));
	}

	public List<EntryTotals.Converted> converted(EntryQuery query, EntryTotals.Grouping grouping, String base) {
		return LedgerQueries.converted(this.state.entries(), query, this.file.hasBusiness(), grouping, base);
	}

	public List<EntryTotals.ByMonth> totalsByMonth(int year) {
		return LedgerQueries.totalsByMonth(this.state.entries(), year);
	}

	public List<EntryTotals.Stats> stats(EntryQuery query) {
		return LedgerQueries.stats(this.state.entries(), query, this.file.hasBusiness());
	}

	public List<EntryTotals.ValueCount> distinctValues(EntryField field, int limit) {
		return LedgerQueries.distinctValues(this.state.entries(), field, limit);
	}

	// --- writes: one whole-file replacement each, under the lock ---

	/** Stores a new record under the next id ({@code max(id) + 1}). */
	public T create(IntFunction<JsonEntry> withId) {
		return createAll(List.of(withId)).get(0);
	}

	/** Stores new records under consecutive ids, in one replacement: all or none. */
	public List<T> createAll(List<IntFunction<JsonEntry>> withIds) {
		if (withIds.isEmpty()) {
			return List.of();
		}
		return write("create", (rows) -> {
			int next = maxId(rows) + 1;
			List<Row> created = new ArrayList<>();
			for (IntFunction<JsonEntry> withId : withIds) {
				JsonEntry entry = withId.apply(next++);
				Row row = row(entry, 0);
				rows.put(entry.id(), row);
				created.add(row);
			}
			return new Change<>(created.stream().map(this::map).toList(),
					created.stream().map((row) -> row.entry.id()).toList());
		});
	}

	/** Applies the present fields; empty if the id does not exist. */
	public Optional<T> update(int id, EntryValues changes) {
		return updateIfVersion(id, null, changes);
	}

	/**
	 * As {@link #update}, only if the stored version is one of {@code versions} (any
	 * version when null).
	 */
	public Optional<T> updateIfVersion(int id, Collection<Integer> versions, EntryValues changes) {
		Row current = this.state.rows.get(id);
		if (current == null || (versions != null && !versions.contains(current.version))) {
			return Optional.empty();
		}
		if (changes.isEmpty()) {
			return Optional.of(map(current));
		}
		return write("update", (rows) -> {
			Row row = rows.get(id);
			if (row == null || (versions != null && !versions.contains(row.version))) {
				return new Change<Optional<T>>(Optional.empty(), List.of());
			}
			Row updated = row(apply(row.entry, changes), row.version + 1);
			rows.put(id, updated);
			return new Change<>(Optional.of(map(updated)), List.of(id));
		});
	}

	public boolean deleteById(int id) {
		return deleteIfVersion(id, null);
	}

	/** Deletes the row only if its version is one of {@code versions} (any when null). */
	public boolean deleteIfVersion(int id, Collection<Integer> versions) {
		Row current = this.state.rows.get(id);
		if (current == null || (versions != null && !versions.contains(current.version))) {
			return false;
		}
		return write("delete", (rows) -> {
			Row row = rows.get(id);
			if (row == null || (versions != null && !versions.contains(row.version))) {
				return new Change<>(false, List.of());
			}
			rows.remove(id);
			return new Change<>(true, List.of(id));
		});
	}

	/** Deletes every existing row among the ids; returns how many were deleted. */
	public int deleteAllById(Collection<Integer> ids) {
		Set<Integer> wanted = new LinkedHashSet<>(ids);
		wanted.retainAll(this.state.rows.keySet());
		if (wanted.isEmpty()) {
			return 0;
		}
		return write("bulk_delete", (rows) -> {
			List<Integer> deleted = new ArrayList<>();
			for (Integer id : wanted) {
				if (rows.remove(id) != null) {
					deleted.add(id);
				}
			}
			return new Change<>(deleted.size(), deleted);
		});
	}

	/**
	 * Stores each record under its own id: replaces the record with that id (in place,
	 * bumping its version) or appends it.
	 */
	public void putAll(Collection<JsonEntry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		write("put", (rows) -> {
			List<Integer> ids = new ArrayList<>();
			for (JsonEntry entry : entries) {
				Row existing = rows.get(entry.id());
				rows.put(entry.id(), row(entry, (existing != null) ? existing.version + 1 : 0));
				ids.add(entry.id());
			}
			return new Change<>(null, ids);
		});
	}

	/**
	 * Mirrors a store that assigns its own ids and versions, in one replacement of the
	 * file: each present row is stored under its id with its version (replaced in place
	 * or appended), and each absent id is deleted.
	 * @param present rows of the primary
	 * @param record a row's record
	 * @param version a row's version in the primary
	 * @param absent ids the primary does not hold
	 */
	public <S> void mirror(Collection<S> present, Function<S, JsonEntry> record, ToIntFunction<S> version,
			Collection<Integer> absent) {
		if (present.isEmpty() && absent.isEmpty()) {
			return;
		}
		write("put", (rows) -> {
			List<Integer> ids = new ArrayList<>();
			for (S row : present) {
				JsonEntry entry = record.apply(row);
				rows.put(entry.id(), row(entry, version.applyAsInt(row)));
				ids.add(entry.id());
			}
			for (Integer id : absent) {
				if (rows.remove(id) != null) {
					ids.add(id);
				}
			}
			return new Change<>(null, ids);
		});
	}

	private <R> R write(String operation, Function<Map<Integer, Row>, Change<R>> change) {
		PendingWrite pending;
		Change<R> result;
		this.writeLock.lock();
		try {
			Map<Integer, Row> rows = new LinkedHashMap<>(this.state.rows);
			result = change.apply(rows);
			if (result.ids().isEmpty()) {
				return result.value();
			}
			State next = new State(rows);
			byte[] content = next.content();
			try {
				this.versions.reserve(highestVersion(rows, result.ids()));
			}
			catch (RuntimeException ex) {
				failed(ex, content);
				throw ex;
			}
			pending = this.journal.open(operation, new LinkedHashSet<>(result.ids()));
			try {
				this.directory.replace(this.file, content);
			}
			catch (RuntimeException ex) {
				failed(ex, content);
				pending.abandoned(ex);
				throw ex;
			}
			this.lastWriteFailure = null;
			this.state = next;
		}
		finally {
			this.writeLock.unlock();
		}
		pending.written();
		return result.value();
	}

	private void failed(RuntimeException failure, byte[] content) {
		this.failedWriteSize = content.length;
		this.lastWriteFailure = failure;
	}

	private JsonEntry apply(JsonEntry entry, EntryValues changes) {
		LocalDate date = entry.date();
		String business = entry.business();
		String category = entry.category();
		BigDecimal amount = entry.amount();
		String account = entry.account();
		String currency = entry.currency();
		String notes = entry.notes();
		for (EntryField field : changes.fields()) {
			Object value = changes.get(field);
			switch (field) {
				case DATE -> date = (LocalDate) value;
				case BUSINESS -> {
					if (!this.file.hasBusiness()) {
						throw new IllegalArgumentException(this.file.fileName() + " has no business field");
					}
					business = (String) value;
				}
				case CATEGORY -> category = (String) value;
				case AMOUNT -> amount = (BigDecimal) value;
				case ACCOUNT -> account = (String) value;
				case CURRENCY -> currency = (String) value;
				case NOTES -> notes = (String) value;
			}
		}
		return new JsonEntry(entry.id(), date, business, category, amount, account, currency, notes);
	}

	/** The highest version the write hands out (0 when it only deletes). */
	private static int highestVersion(Map<Integer, Row> rows, List<Integer> ids) {
		int highest = 0;
		for (Integer id : ids) {
			Row row = rows.get(id);
			if (row != null) {
				highest = Math.max(highest, row.version);
			}
		}
		return highest;
	}

	private static int maxId(Map<Integer, Row> rows) {
		int max = 0;
		for (Integer id : rows.keySet()) {
			max = Math.max(max, id);
		}
		return max;
	}

	private T map(Row row) {
		return this.mapper.map(row.entry, row.version);
	}

	private List<T> map(State snapshot, List<JsonEntry> entries) {
		Map<Integer, Row> rows = snapshot.rows;
		List<T> mapped = new ArrayList<>(entries.size());
		for (JsonEntry entry : entries) {
			Row row = rows.get(entry.id());
			mapped.add(this.mapper.map(entry, (row != null) ? row.version : 0));
		}
		return mapped;
	}

	private Row row(JsonEntry entry, int version) {
		return new Row(entry, version, JsonLedgerFormat.record(this.file, entry));
	}

	/**
	 * A record, its version, and its text in the file (kept, so a write only formats what
	 * changed).
	 */
	private record Row(JsonEntry entry, int version, String text) {
	}

	private record Change<R>(R value, List<Integer> ids) {
	}

	/** The rows in the file's order, and (computed on first use) newest first. */
	private static final class State {

		private final Map<Integer, Row> rows;

		private final List<JsonEntry> entries;

		private volatile List<JsonEntry> newestFirst;

		State(Map<Integer, Row> rows) {
			this.rows = Collections.unmodifiableMap(rows);
			this.entries = rows.values().stream().map(Row::entry).toList();
		}

		List<JsonEntry> entries() {
			return this.entries;
		}

		byte[] content() {
			return JsonLedgerFormat.assemble(this.rows.values().stream().map(Row::text).toList());
		}

		List<JsonEntry> newestFirst() {
			List<JsonEntry> sorted = this.newestFirst;
			if (sorted == null) {
				List<JsonEntry> copy = new ArrayList<>(this.entries);
				copy.sort(LedgerQueries.NEWEST_FIRST);
				sorted = List.copyOf(copy);
				this.newestFirst = sorted;
			}
			return sorted;
		}

	}

}
