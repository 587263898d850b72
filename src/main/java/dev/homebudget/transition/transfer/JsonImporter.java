package dev.homebudget.transition.transfer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import dev.homebudget.database.TransactionSettings;
import dev.homebudget.ledger.JdbcEntries;
import dev.homebudget.transition.JsonDirectory;
import dev.homebudget.transition.JsonEntry;
import dev.homebudget.transition.LedgerFile;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Copies the records of the JSON files into PostgreSQL under their own ids.
 * <p>
 * The directory is taken for the whole run, so no app in a JSON phase can write while the
 * files are read and copied (Ghostferry's "stop writes at cutover", literally). Records
 * go in batches, in id order: each batch is copied into a session-private staging table
 * and upserted by id in one statement, and the file's checkpoint row is advanced in the
 * same transaction. After a kill, a rerun of the same file (same SHA-256, same batch
 * size) resumes after the last committed batch; any other rerun checks every record
 * again. Either way the upsert converges: a missing row is inserted, a row whose content
 * differs from the file is updated (the file is the source of truth during an import), an
 * equal row is left untouched, and rows that are only in the database are never deleted.
 * After every batch that inserted rows the identity sequence is moved past max(id), so
 * the database never hands out an id the file already used, even after a kill.
 * <p>
 * Every record is read and checked before the first batch is written (the checkpoint
 * names the file by the fingerprint of all its records, and with
 * {@link Options#allOrNothing()} a rejected record must stop the run before it writes).
 * What overlaps is the encoding: a {@link BatchEncoder} thread turns the next batches
 * into COPY's bytes while the database writes the current one; the statements and commits
 * stay on the calling thread, in order. A batch is 5,000 records by default: each
 * statement fires the tables' statement-level triggers (history, month totals) once, so
 * fewer, larger batches cost the database less, and a kill loses at most one batch.
 * <p>
 * A run ends with a reconciliation of the files against the tables, which gives the
 * fingerprints of both sides and the rows that are only in the database.
 */
public final class JsonImporter {

	/** Key of the PostgreSQL advisory lock that keeps two imports apart. */
	private static final long IMPORT_LOCK = 0x6862775f696d706fL;

	private static final String UNIQUE_VIOLATION = "23505";

	private final DataSource dataSource;

	private final Map<String, String> writeSettings;

	private final Reconciler reconciler;

	public JsonImporter(DataSource dataSource) {
		this(dataSource, Map.of());
	}

	/**
	 * @param writeSettings settings the import's connection carries while it writes (who
	 * writes and from where, for the history's triggers)
	 */
	public JsonImporter(DataSource dataSource, Map<String, String> writeSettings) {
		this.dataSource = dataSource;
		this.reconciler = new Reconciler(dataSource);
		this.writeSettings = writeSettings;
	}

	/**
	 * How to import.
	 *
	 * @param batchSize records per batch and checkpoint
	 * @param dryRun only compare and say what would change
	 * @param allOrNothing write nothing when a record is rejected
	 * @param deleteMissing also delete the rows whose id is in neither file, so that the
	 * tables become an exact copy (for a return to dual-write after running on the JSON
	 * files alone, whose deletes never reached the database)
	 */
	public record Options(int batchSize, boolean dryRun, boolean allOrNothing, boolean deleteMissing) {

		public static final int DEFAULT_BATCH_SIZE = 5000;

		public Options {
			if (batchSize < 1) {
				throw new IllegalArgumentException("the batch size must be at least 1");
			}
		}

		public Options(int batchSize, boolean dryRun, boolean allOrNothing) {
			this(batchSize, dryRun, allOrNothing, false);
		}

		public static Options defaults() {
			return new Options(DEFAULT_BATCH_SIZE, false, false);
		}

	}

	/**
	 * A named point of the import: the batch with this number has been committed with its
	 * checkpoint.
	 *
	 * @param ledger the file
	 * @param batch the number of the committed batch, from 1
	 * @param batches the file's number of batches
	 * @param rowsDone records of the file committed so far
	 * @param rows usable records of the file
	 */
	public record Checkpoint(LedgerFile ledger, int batch, int batches, int rowsDone, int rows) {

		public String name() {
			return this.ledger.fileName() + " batch " + this.batch + "/" + this.batches;
		}

	}

	/**
	 * Follows the import: a progress display, or a test that stops it at a checkpoint.
	 */
	public interface Listener {

		/** A file's batches are about to run; {@code resumedAfterBatch} are done. */
		default void started(LedgerFile ledger, int rows, int batches, int resumedAfterBatch) {
		}

		/** A batch and its checkpoint are committed. */
		default void checkpoint(Checkpoint checkpoint) {
		}

	}

	/**
	 * What happened to one file.
	 *
	 * @param json the file as read
	 * @param inserted rows inserted (with a resumed run: including the earlier run's)
	 * @param updated rows overwritten because their content differed from the file
	 * @param unchanged rows already equal to the file, left untouched
	 * @param deleted ids of rows deleted because the file does not hold them (only with
	 * {@link Options#deleteMissing()})
	 * @param batches the file's number of batches
	 * @param resumedAfterBatch batches an interrupted earlier run had committed; 0 when
	 * this run started from the beginning
	 * @param note what was found of an earlier run, or null
	 */
	public record LedgerResult(LedgerSnapshot json, int inserted, int updated, int unchanged, List<Integer> deleted,
			int batches, int resumedAfterBatch, String note) {

		public LedgerResult {
			deleted = List.copyOf(deleted);
		}

		LedgerResult withDeleted(List<Integer> ids) {
			return new LedgerResult(this.json, this.inserted, this.updated, this.unchanged, ids, this.batches,
					this.resumedAfterBatch, this.note);
		}

	}

	/** What a run did. */
	public enum Outcome {

		/** The records were written. */
		IMPORTED,

		/** Nothing was written, as asked; the counts say what an import would do. */
		DRY_RUN,

		/**
		 * Nothing was written because records were rejected and the run was
		 * all-or-nothing; the counts say what an import would do.
		 */
		REFUSED

	}

	/**
	 * The outcome of a run.
	 *
	 * @param outcome whether the database was written to
	 * @param ledgers one result per file
	 * @param verification the files against the tables after the run
	 * @param timings how long each part took
	 */
	public record Report(Outcome outcome, List<LedgerResult> ledgers, Reconciliation verification, Timings timings) {

		public Report {
			ledgers = List.copyOf(ledgers);
		}

		/** From reading the files to the end of the verification. */
		public Duration elapsed() {
			return this.timings.reading().plus(this.timings.writing()).plus(this.timings.verifying());
		}

		public boolean written() {
			return this.outcome == Outcome.IMPORTED;
		}

		public LedgerResult of(LedgerFile ledger) {
			return this.ledgers.stream().filter((result) -> result.json().ledger() == ledger).findFirst().orElseThrow();
		}

		public int rejected() {
			return this.ledgers.stream().mapToInt((result) -> result.json().rejections().size()).sum();
		}

		/** Rows only in the database (never deleted by an import). */
		public List<Reconciliation.Mismatch> onlyInDatabase() {
			return mismatches(Reconciliation.Kind.MISSING_IN_JSON);
		}

		/**
		 * Records that still differ after the import: none, unless something wrote to the
		 * database during it (or the run was not written).
		 */
		public List<Reconciliation.Mismatch> stillDifferent() {
			List<Reconciliation.Mismatch> different = new ArrayList<>(mismatches(Reconciliation.Kind.DIFFERENT));
			different.addAll(mismatches(Reconciliation.Kind.MISSING_IN_DATABASE));
			return different;
		}

		private List<Reconciliation.Mismatch> mismatches(Reconciliation.Kind kind) {
			return this.verification.mismatches().stream().filter((mismatch) -> mismatch.kind() == kind).toList();
		}

	}

	/**
	 * Where the time of a run went.
	 *
	 * @param reading reading and checking the files
	 * @param writing the batches and the final commit
	 * @param verifying comparing the files with the tables afterwards (for a dry run: the
	 * comparison that makes the plan)
	 */
	public record Timings(Duration reading, Duration writing, Duration verifying) {

	}

	/** Imports the files of the directory. */
	public Report importFrom(Path jsonDirectory, Options options, Listener listener) {
		long started = System.nanoTime();
		if (options.dryRun()) {
			Map<LedgerFile, LedgerSnapshot> snapshots = LedgerSnapshot.readUnlocked(jsonDirectory);
			return plan(snapshots, options, Outcome.DRY_RUN, since(started));
		}
		try (JsonDirectory directory = JsonDirectory.open(existing(jsonDirectory))) {
			Map<LedgerFile, LedgerSnapshot> snapshots = LedgerSnapshot.read(directory);
			Duration reading = since(started);
			boolean rejected = snapshots.values().stream().anyMatch((snapshot) -> !snapshot.rejections().isEmpty());
			if (options.allOrNothing() && rejected) {
				return plan(snapshots, options, Outcome.REFUSED, reading);
			}
			long writingStarted = System.nanoTime();
			List<LedgerResult> results = write(snapshots, options, listener);
			Duration writing = since(writingStarted);
			long verifyingStarted = System.nanoTime();
			Reconciliation verification = this.reconciler.verify(snapshots);
			return new Report(Outcome.IMPORTED, results, verification,
					new Timings(reading, writing, since(verifyingStarted)));
		}
	}

	/** {@link JsonDirectory#open} creates a missing directory; an import must not. */
	private static Path existing(Path jsonDirectory) {
		return LedgerSnapshot.requireDirectory(jsonDirectory);
	}

	/** What an import would do, from a comparison; writes nothing. */
	private static Duration since(long started) {
		return Duration.ofNanos(System.nanoTime() - started);
	}

	private Report plan(Map<LedgerFile, LedgerSnapshot> snapshots, Options options, Outcome outcome, Duration reading) {
		long started = System.nanoTime();
		Reconciliation comparison = this.reconciler.compare(snapshots);
		List<LedgerResult> results = new ArrayList<>();
		for (LedgerSnapshot snapshot : snapshots.values()) {
			Reconciliation.LedgerComparison ledger = comparison.of(snapshot.ledger());
			int inserted = (int) ledger.count(Reconciliation.Kind.MISSING_IN_DATABASE);
			int updated = (int) ledger.count(Reconciliation.Kind.DIFFERENT);
			List<Integer> deleted = options.deleteMissing() ? ledger.mismatches()
				.stream()
				.filter((mismatch) -> mismatch.kind() == Reconciliation.Kind.MISSING_IN_JSON)
				.map((mismatch) -> Integer.valueOf(mismatch.id()))
				.toList() : List.of();
			results.add(new LedgerResult(snapshot, inserted, updated, snapshot.entries().size() - inserted - updated,
					deleted, 0, 0, null));
		}
		return new Report(outcome, results, comparison, new Timings(reading, Duration.ZERO, since(started)));
	}

	private List<LedgerResult> write(Map<LedgerFile, LedgerSnapshot> snapshots, Options options, Listener listener) {
		List<LedgerResult> results = new ArrayList<>();
		try (Connection connection = this.dataSource.getConnection()) {
			lock(connection);
			try {
				// A batch's commit need not wait for the disk: its rows and its
				// checkpoint commit together, so a crash loses at most the latest
				// batches, and the checkpoint left behind says exactly which. The final
				// commit, in finish(), waits for the disk and so for every batch.
				try (Statement statement = connection.createStatement()) {
					statement.execute("SET synchronous_commit = off");
				}
				TransactionSettings.applyToSession(connection, this.writeSettings);
				connection.setAutoCommit(false);
				for (LedgerSnapshot snapshot : snapshots.values()) {
					results.add(new LedgerImport(connection, snapshot, options.batchSize(), listener).run());
				}
				return finish(connection, results, options.deleteMissing());
			}
			finally {
				release(connection, this.writeSettings);
			}
		}
		catch (SQLException | IOException ex) {
			throw new TransferException("The import stopped: " + ex.getMessage()
					+ ". Batches committed before this point are kept; run the import again to resume.", ex);
		}
	}

	private static void lock(Connection connection) throws SQLException {
		try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
			lock.setLong(1, IMPORT_LOCK);
			try (ResultSet rs = lock.executeQuery()) {
				rs.next();
				if (!rs.getBoolean(1)) {
					throw new TransferException("Another import-json is running against this database; wait for it");
				}
			}
		}
	}

	/**
	 * Leaves a pooled connection as it was found. Best effort: a broken connection is
	 * discarded by the pool anyway, and this must not hide the error that broke it.
	 */
	private static void release(Connection connection, Map<String, String> writeSettings) {
		try {
			connection.rollback();
			connection.setAutoCommit(true);
			try (Statement statement = connection.createStatement()) {
				statement.execute("RESET synchronous_commit");
			}
			TransactionSettings.clear(connection, writeSettings);
			try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
				unlock.setLong(1, IMPORT_LOCK);
				unlock.execute();
			}
		}
		catch (SQLException ex) {
			// the session ends with the connection, and its advisory lock with it
		}
	}

	/**
	 * Deletes the rows the files do not hold when asked, makes every batch durable, moves
	 * the identities past max(id) (also when nothing was inserted: a restored dump can
	 * leave them behind), and gives the planner fresh statistics for the first queries
	 * after an import.
	 */
	private static List<LedgerResult> finish(Connection connection, List<LedgerResult> results, boolean deleteMissing)
			throws SQLException {
		List<LedgerResult> finished = new ArrayList<>();
		try (Statement statement = connection.createStatement()) {
			// a commit that writes, and waits for the disk: the log is written in
			// order, so every batch's asynchronous commit is durable with this one
			statement.execute("SET LOCAL synchronous_commit = on");
			statement.execute("UPDATE json_import_checkpoints SET updated_at = now()");
			for (LedgerResult result : results) {
				LedgerTable table = LedgerTable.of(result.json().ledger());
				LedgerResult done = deleteMissing ? result.withDeleted(deleteMissing(connection, table, result.json()))
						: result;
				keepIdentityAheadOfIds(connection, table);
				if (done.inserted() + done.updated() + done.deleted().size() > 0) {
					statement.execute("ANALYZE " + table.table());
				}
				finished.add(done);
			}
		}
		connection.commit();
		return finished;
	}

	/**
	 * Deletes the rows whose id the file does not hold. A record the file holds but
	 * cannot be read keeps its row: it is reported as unreadable, not as gone.
	 */
	private static List<Integer> deleteMissing(Connection connection, LedgerTable table, LedgerSnapshot json)
			throws SQLException {
		List<Integer> kept = new ArrayList<>(json.entries().size() + json.rejections().size());
		json.entries().forEach((entry) -> kept.add(entry.id()));
		json.rejections().forEach((rejection) -> {
			Integer id = Reconciler.wholeNumber(rejection.id());
			if (id != null) {
				kept.add(id);
			}
		});
		List<Integer> deleted = new ArrayList<>();
		try (PreparedStatement delete = connection.prepareStatement(table.deleteOtherIds())) {
			delete.setArray(1, connection.createArrayOf("integer", kept.toArray()));
			try (ResultSet ids = delete.executeQuery()) {
				while (ids.next()) {
					deleted.add(ids.getInt(1));
				}
			}
		}
		deleted.sort(null);
		return deleted;
	}

	/** The ledger's identity rule, run on the import's own connection and transaction. */
	private static void keepIdentityAheadOfIds(Connection connection, LedgerTable table) {
		JdbcEntries.keepIdentityAheadOfIds(JdbcClient.create(new SingleConnectionDataSource(connection, true)),
				table.table());
	}

	/** The batches of one file, on the import's connection. */
	private static final class LedgerImport {

		private final Connection connection;

		private final LedgerSnapshot snapshot;

		private final LedgerTable table;

		private final int batchSize;

		private final Listener listener;

		private int inserted;

		private int updated;

		private int unchanged;

		LedgerImport(Connection connection, LedgerSnapshot snapshot, int batchSize, Listener listener) {
			this.connection = connection;
			this.snapshot = snapshot;
			this.table = LedgerTable.of(snapshot.ledger());
			this.batchSize = batchSize;
			this.listener = listener;
		}

		LedgerResult run() throws SQLException, IOException {
			LedgerFile ledger = this.snapshot.ledger();
			List<JsonEntry> entries = this.snapshot.entries();
			int batches = (entries.size() + this.batchSize - 1) / this.batchSize;
			Optional<ImportCheckpoints.Saved> saved = ImportCheckpoints.find(this.connection, ledger);
			int first = 0;
			String note = null;
			if (saved.isPresent() && !saved.get().finished()) {
				ImportCheckpoints.Saved earlier = saved.get();
				if (earlier.sha256().equals(this.snapshot.fingerprint().sha256())
						&& earlier.batchSize() == this.batchSize && earlier.batchesTotal() == batches) {
					first = earlier.batchesDone();
					this.inserted = earlier.inserted();
					this.updated = earlier.updated();
					this.unchanged = earlier.unchanged();
					note = "resumed an interrupted import of the same file after batch " + first + "/" + batches + " ("
							+ earlier.rowsDone() + " records already committed)";
				}
				else {
					note = "an interrupted import of "
							+ ((earlier.sha256().equals(this.snapshot.fingerprint().sha256()))
									? "this file with batch size " + earlier.batchSize()
									: "another version of this file")
							+ " had committed " + earlier.batchesDone() + "/" + earlier.batchesTotal()
							+ " batches; every record was checked again";
				}
			}
			if (first == 0) {
				ImportCheckpoints.start(this.connection, ledger, this.snapshot.fingerprint().sha256(), this.batchSize,
						batches);
				this.connection.commit();
			}
			this.listener.started(ledger, entries.size(), batches, first);
			if (first < batches) {
				runBatches(entries, first, batches);
			}
			return new LedgerResult(this.snapshot, this.inserted, this.updated, this.unchanged, List.of(), batches,
					first, note);
		}

		private void runBatches(List<JsonEntry> entries, int first, int batches) throws SQLException, IOException {
			LedgerFile ledger = this.snapshot.ledger();
			try (Statement statement = this.connection.createStatement()) {
				statement.execute(this.table.createStaging());
			}
			// committed on its own, so that a batch rolled back cannot take it along
			this.connection.commit();
			int[] taken = existingIds(entries.get(first * this.batchSize).id(), entries.get(entries.size() - 1).id());
			CopyManager copy = this.connection.unwrap(PGConnection.class).getCopyAPI();
			try (BatchEncoder encoder = new BatchEncoder(ledger, entries, this.batchSize, first, batches);
					PreparedStatement upsert = this.connection.prepareStatement(this.table.upsertFromStaging());
					PreparedStatement advance = ImportCheckpoints.prepareAdvance(this.connection)) {
				for (int batch = first; batch < batches; batch++) {
					int from = batch * this.batchSize;
					int to = Math.min(from + this.batchSize, entries.size());
					byte[] rows = encoder.next();
					int lowest = entries.get(from).id();
					int highest = entries.get(to - 1).id();
					int[] counts = anyBetween(taken, lowest, highest) ? null : copyFree(copy, rows);
					if (counts == null) {
						counts = upsert(upsert, copy, rows);
					}
					this.inserted += counts[0];
					this.updated += counts[1];
					this.unchanged += (to - from) - counts[0] - counts[1];
					// batches go in id order: the last record has the highest id
					ImportCheckpoints.advance(advance, ledger, this.table.table(), highest, batch + 1, to,
							this.inserted, this.updated, this.unchanged, batch + 1 == batches);
					this.connection.commit();
					this.listener.checkpoint(new Checkpoint(ledger, batch + 1, batches, to, entries.size()));
				}
			}
		}

		/**
		 * The ids the table already holds in the range, ascending: one query, not one per
		 * batch.
		 */
		private int[] existingIds(int lowest, int highest) throws SQLException {
			try (PreparedStatement select = this.connection.prepareStatement(this.table.idsBetween())) {
				select.setInt(1, lowest);
				select.setInt(2, highest);
				select.setFetchSize(10_000);
				IntStream.Builder ids = IntStream.builder();
				try (ResultSet rs = select.executeQuery()) {
					while (rs.next()) {
						ids.add(rs.getInt(1));
					}
				}
				return ids.build().toArray();
			}
		}

		private static boolean anyBetween(int[] sortedIds, int lowest, int highest) {
			int at = Arrays.binarySearch(sortedIds, lowest);
			int next = (at >= 0) ? at : -at - 1;
			return next < sortedIds.length && sortedIds[next] <= highest;
		}

		/**
		 * The fast path, for a batch whose id range the table did not hold when the
		 * import began (an import into empty tables, or the rest of one): copied straight
		 * into the table, every row inserted. Null when a row appeared in the range
		 * meanwhile: the batch is then rolled back and goes the upsert way.
		 */
		private int[] copyFree(CopyManager copy, byte[] rows) throws SQLException, IOException {
			try {
				long copied = copy.copyIn(this.table.copyIntoTable(), new ByteArrayInputStream(rows));
				return new int[] { (int) copied, 0 };
			}
			catch (SQLException ex) {
				if (!UNIQUE_VIOLATION.equals(ex.getSQLState())) {
					throw ex;
				}
				this.connection.rollback();
				return null;
			}
		}

		/** Inserted and updated rows of a batch upserted through the staging table. */
		private int[] upsert(PreparedStatement upsert, CopyManager copy, byte[] rows) throws SQLException, IOException {
			copy.copyIn(this.table.copyIntoStaging(), new ByteArrayInputStream(rows));
			try (ResultSet counts = upsert.executeQuery()) {
				counts.next();
				return new int[] { counts.getInt(1), counts.getInt(2) };
			}
		}

	}

}
