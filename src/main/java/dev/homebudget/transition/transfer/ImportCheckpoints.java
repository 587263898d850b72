package dev.homebudget.transition.transfer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import dev.homebudget.transition.LedgerFile;

/**
 * The {@code json_import_checkpoints} row of each file: written in the same transaction
 * as each batch, so it never claims a batch that is not in the database.
 */
final class ImportCheckpoints {

	private ImportCheckpoints() {
	}

	/** What an earlier run of the import had committed. */
	record Saved(String sha256, int batchSize, int batchesTotal, int batchesDone, int rowsDone, int inserted,
			int updated, int unchanged, boolean finished) {

	}

	static Optional<Saved> find(Connection connection, LedgerFile ledger) throws SQLException {
		try (PreparedStatement select = connection.prepareStatement(
				"SELECT records_sha256, batch_size, batches_total, batches_done, rows_done, inserted, updated, unchanged,"
						+ " finished_at IS NOT NULL AS finished FROM json_import_checkpoints WHERE ledger = ?")) {
			select.setString(1, key(ledger));
			try (ResultSet rs = select.executeQuery()) {
				if (!rs.next()) {
					return Optional.empty();
				}
				return Optional.of(new Saved(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
						rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getBoolean(9)));
			}
		}
	}

	/** Starts a new run of a file (replacing the record of any earlier run). */
	static void start(Connection connection, LedgerFile ledger, String sha256, int batchSize, int batchesTotal)
			throws SQLException {
		try (PreparedStatement upsert = connection.prepareStatement("""
				INSERT INTO json_import_checkpoints (ledger, records_sha256, batch_size, batches_total, batches_done,
				    rows_done, inserted, updated, unchanged, started_at, updated_at, finished_at)
				VALUES (?, ?, ?, ?, 0, 0, 0, 0, 0, now(), now(), CASE WHEN ? = 0 THEN now() END)
				ON CONFLICT (ledger) DO UPDATE SET records_sha256 = EXCLUDED.records_sha256,
				    batch_size = EXCLUDED.batch_size, batches_total = EXCLUDED.batches_total, batches_done = 0,
				    rows_done = 0, inserted = 0, updated = 0, unchanged = 0, started_at = now(), updated_at = now(),
				    finished_at = EXCLUDED.finished_at
				""")) {
			upsert.setString(1, key(ledger));
			upsert.setString(2, sha256);
			upsert.setInt(3, batchSize);
			upsert.setInt(4, batchesTotal);
			upsert.setInt(5, batchesTotal);
			upsert.executeUpdate();
		}
	}

	/**
	 * Records a committed batch, in the batch's transaction, and in the same statement
	 * moves the table's identity sequence up to the highest id written so far (never
	 * down): so that even a killed import leaves no id for the database to hand out
	 * twice. (The full check, {@code EntryTable.keepIdentityAheadOfIds}, runs at the
	 * end.)
	 */
	static void advance(PreparedStatement advance, LedgerFile ledger, String table, int highestId, int batchesDone,
			int rowsDone, int inserted, int updated, int unchanged, boolean finished) throws SQLException {
		advance.setInt(1, batchesDone);
		advance.setInt(2, rowsDone);
		advance.setInt(3, inserted);
		advance.setInt(4, updated);
		advance.setInt(5, unchanged);
		advance.setBoolean(6, finished);
		advance.setInt(7, highestId);
		advance.setString(8, table);
		advance.setString(9, key(ledger));
		if (advance.executeUpdate() != 1) {
			throw new SQLException("the import checkpoint of " + ledger.fileName() + " disappeared during the import");
		}
	}

	static PreparedStatement prepareAdvance(Connection connection) throws SQLException {
		return connection.prepareStatement("""
				UPDATE json_import_checkpoints SET batches_done = ?, rows_done = ?, inserted = ?, updated = ?,
				    unchanged = ?, updated_at = now(), finished_at = CASE WHEN ? THEN now() END
				FROM (SELECT setval(s.seq, GREATEST(?, COALESCE(pg_sequence_last_value(s.seq), 0)))
				      FROM (SELECT pg_get_serial_sequence(?, 'id')::regclass AS seq) s) AS identity
				WHERE ledger = ?
				""");
	}

	private static String key(LedgerFile ledger) {
		return ledger.fileName();
	}

}
