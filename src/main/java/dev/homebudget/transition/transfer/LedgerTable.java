package dev.homebudget.transition.transfer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

import dev.homebudget.ledger.EntryField;
import dev.homebudget.ledger.Households;
import dev.homebudget.transition.JsonEntry;
import dev.homebudget.transition.LedgerFile;

/**
 * The table that holds the records of one JSON file, and the SQL the migration tools run
 * on it. Table and column names come from this enum, never from input.
 */
enum LedgerTable {

	EXPENSES(LedgerFile.EXPENSES, "expenses"),

	INCOMES(LedgerFile.INCOMES, "incomes");

	private final LedgerFile ledger;

	private final String table;

	private final String columns;

	/**
	 * The JSON files hold the first household's data: other households' rows are neither
	 * read, compared, overwritten nor deleted. (New rows get the column's default, 1.)
	 */
	private static final String FIRST_HOUSEHOLD = " WHERE household_id = " + Households.FIRST;

	LedgerTable(LedgerFile ledger, String table) {
		this.ledger = ledger;
		this.table = table;
		this.columns = CanonicalEntry.columns(ledger, true);
	}

	static LedgerTable of(LedgerFile ledger) {
		return (ledger == LedgerFile.EXPENSES) ? EXPENSES : INCOMES;
	}

	LedgerFile ledger() {
		return this.ledger;
	}

	String table() {
		return this.table;
	}

	/** Every row in id order, the order of the canonical fingerprint. */
	String selectAllById() {
		return "SELECT " + this.columns + " FROM " + this.table + FIRST_HOUSEHOLD + " ORDER BY id";
	}

	/** The highest row version (the ETags clients hold), 0 for an empty table. */
	String highestVersion() {
		return "SELECT coalesce(max(version), 0) FROM " + this.table + FIRST_HOUSEHOLD;
	}

	JsonEntry map(ResultSet rs) throws SQLException {
		return new JsonEntry(rs.getInt("id"), rs.getObject("date", LocalDate.class),
				this.ledger.hasBusiness() ? rs.getString("business") : null, rs.getString("category"),
				rs.getBigDecimal("amount"), rs.getString("account"), rs.getString("currency"), rs.getString("notes"));
	}

	/** The ids in an inclusive range, ascending. */
	String idsBetween() {
		return "SELECT id FROM " + this.table + FIRST_HOUSEHOLD + " AND id BETWEEN ? AND ? ORDER BY id";
	}

	/**
	 * Straight into the table, for a batch whose ids are all free: COPY's bulk insertion,
	 * the fastest way in.
	 */
	String copyIntoTable() {
		return "COPY " + this.table + " (" + this.columns + ") FROM STDIN";
	}

	/**
	 * The {@linkplain Fingerprint fingerprint} computed by the database itself: the same
	 * canonical rows ({@link CanonicalEntry}) built in SQL, hashed in id order, so that a
	 * table is fingerprinted without sending its rows to the client.
	 */
	String fingerprint() {
		StringBuilder row = new StringBuilder("id::text || E'\\t' || to_char(date, 'YYYY-MM-DD')");
		for (EntryField field : this.ledger.fields()) {
			switch (field) {
				case DATE -> {
				}
				case AMOUNT -> row.append(" || E'\\t' || amount::text");
				default -> row.append(" || E'\\t' || ").append(copyText(field.column()));
			}
		}
		row.append(" || E'\\n'");
		return "SELECT count(*), COALESCE(sum(amount), 0), COALESCE(max(id), 0), encode(sha256(convert_to("
				+ "COALESCE(string_agg(" + row + ", '' ORDER BY id), ''), 'UTF8')), 'hex') FROM " + this.table
				+ FIRST_HOUSEHOLD;
	}

	/** A text column in COPY's text format, as {@link CanonicalEntry} writes it. */
	private static String copyText(String column) {
		return "COALESCE(replace(replace(replace(replace(" + column
				+ ", '\\', '\\\\'), E'\\t', '\\t'), E'\\n', '\\n'), E'\\r', '\\r'), '\\N')";
	}

	/** Deletes every row whose id is not in the array parameter; answers their ids. */
	String deleteOtherIds() {
		return "DELETE FROM " + this.table + FIRST_HOUSEHOLD + " AND id <> ALL(?) RETURNING id";
	}

	/** A session-private table that one batch is copied into; emptied at each commit. */
	String stagingTable() {
		return "import_" + this.table;
	}

	String createStaging() {
		return "CREATE TEMPORARY TABLE IF NOT EXISTS " + stagingTable() + " (id integer, date date, "
				+ (this.ledger.hasBusiness() ? "business text, " : "")
				+ "category text, amount numeric, account text, currency text, notes text) ON COMMIT DELETE ROWS";
	}

	String copyIntoStaging() {
		return "COPY " + stagingTable() + " (" + this.columns + ") FROM STDIN";
	}

	/**
	 * Inserts the staged rows under their own ids; a row that exists with other content
	 * is overwritten (the JSON file is the source of truth during an import) and its
	 * version bumped; an equal row is not touched at all. Answers how many rows were
	 * inserted and how many updated.
	 */
	String upsertFromStaging() {
		StringBuilder set = new StringBuilder();
		StringBuilder stored = new StringBuilder();
		StringBuilder incoming = new StringBuilder();
		for (EntryField field : this.ledger.fields()) {
			String column = field.column();
			set.append(column).append(" = EXCLUDED.").append(column).append(", ");
			stored.append((stored.isEmpty()) ? "" : ", ").append("t.").append(column);
			incoming.append((incoming.isEmpty()) ? "" : ", ").append("EXCLUDED.").append(column);
		}
		return "WITH written AS (INSERT INTO " + this.table + " AS t (" + this.columns + ") SELECT " + this.columns
				+ " FROM " + stagingTable() + " ON CONFLICT (id) DO UPDATE SET " + set + "version = t.version + 1"
				+ " WHERE t.household_id = " + Households.FIRST + " AND (" + stored + ") IS DISTINCT FROM (" + incoming
				+ ")"
				// xmax is 0 on a freshly inserted row version, non-zero on an updated one
				+ " RETURNING (t.xmax = 0) AS inserted)"
				+ " SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM written";
	}

}
