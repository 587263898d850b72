package dev.homebudget.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

import org.postgresql.PGConnection;

/**
 * Fingerprints of tables, computed by PostgreSQL and pgjdbc's COPY: the rows in canonical
 * order, written in COPY's text format under fixed output settings (dates, intervals,
 * time zone, floats, bytea), so the same rows give the same bytes on any server and
 * session. A backup stores exactly these bytes; a restore recomputes them from the
 * restored tables.
 */
final class Fingerprints {

	private static final String[] CANONICAL_SETTINGS = { "SET LOCAL DateStyle = 'ISO, YMD'",
			"SET LOCAL IntervalStyle = 'postgres'", "SET LOCAL TimeZone = 'UTC'", "SET LOCAL extra_float_digits = 3",
			"SET LOCAL bytea_output = 'hex'" };

	private Fingerprints() {
	}

	/** Fixes the text form of values for the rest of the current transaction. */
	static void canonicalSession(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (String setting : CANONICAL_SETTINGS) {
				statement.execute(setting);
			}
		}
	}

	/**
	 * Computes the fingerprint of a table, copying its canonical rows to {@code copy} on
	 * the way (a backup keeps them; pass {@link OutputStream#nullOutputStream()}
	 * otherwise). Call inside a transaction after {@link #canonicalSession}.
	 */
	static TableFingerprint of(Connection connection, DatabaseTables.Table table, OutputStream copy)
			throws SQLException, IOException {
		MessageDigest digest = sha256();
		try (DigestOutputStream out = new DigestOutputStream(nonClosing(copy), digest)) {
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyOut("COPY (" + table.orderedSelect() + ") TO STDOUT", out);
		}
		String sql = "SELECT count(*), " + (table.amount() ? "sum(amount)::text" : "NULL::text") + ", "
				+ (table.integerId() ? "max(id)::bigint" : "NULL::bigint") + " FROM " + table.quotedName();
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return new TableFingerprint(rows.getLong(1), rows.getString(2), (Long) rows.getObject(3, Long.class),
					HexFormat.of().formatHex(digest.digest()));
		}
	}

	/**
	 * The value the table's identity sequence hands out next, or {@code null} when the
	 * table has none.
	 */
	static Long nextId(Connection connection, DatabaseTables.Table table) throws SQLException {
		if (table.sequenceColumn() == null) {
			return null;
		}
		try (var statement = connection.prepareStatement("""
				SELECT COALESCE(s.last_value + s.increment_by, s.start_value)
				FROM pg_sequences s
				WHERE format('%I.%I', s.schemaname, s.sequencename) = pg_get_serial_sequence(?, ?)
				""")) {
			statement.setString(1, table.quotedName());
			statement.setString(2, table.sequenceColumn());
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next() ? rows.getLong(1) : null;
			}
		}
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	private static OutputStream nonClosing(OutputStream out) {
		return new java.io.FilterOutputStream(out) {

			@Override
			public void write(byte[] bytes, int offset, int length) throws IOException {
				this.out.write(bytes, offset, length);
			}

			@Override
			public void close() throws IOException {
				flush();
			}

		};
	}

}
