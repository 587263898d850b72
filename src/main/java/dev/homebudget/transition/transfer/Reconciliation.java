package dev.homebudget.transition.transfer;

import java.util.List;
import java.util.Locale;

import dev.homebudget.transition.LedgerFile;

/**
 * The outcome of comparing the JSON files with the database record by record.
 *
 * @param ledgers one comparison per file and table
 */
public record Reconciliation(List<LedgerComparison> ledgers) {

	public Reconciliation {
		ledgers = List.copyOf(ledgers);
	}

	/** How many records were compared: every id found on either side. */
	public long compared() {
		return this.ledgers.stream().mapToLong(LedgerComparison::compared).sum();
	}

	public List<Mismatch> mismatches() {
		return this.ledgers.stream().flatMap((ledger) -> ledger.mismatches().stream()).toList();
	}

	public boolean clean() {
		return this.ledgers.stream().allMatch((ledger) -> ledger.mismatches().isEmpty());
	}

	public LedgerComparison of(LedgerFile ledger) {
		return this.ledgers.stream()
			.filter((comparison) -> comparison.json().ledger() == ledger)
			.findFirst()
			.orElseThrow();
	}

	/**
	 * One file against its table.
	 *
	 * @param json the file as read
	 * @param jsonFingerprint the fingerprint of the file's usable records
	 * @param databaseFingerprint the fingerprint of the table
	 * @param databaseRows rows in the table
	 * @param compared every id found on either side, plus rejected records without one
	 * @param mismatches the differences, in id order (rejected records last)
	 */
	public record LedgerComparison(LedgerSnapshot json, Fingerprint jsonFingerprint, Fingerprint databaseFingerprint,
			long databaseRows, long compared, List<Mismatch> mismatches) {

		public LedgerComparison {
			mismatches = List.copyOf(mismatches);
		}

		public String table() {
			return LedgerTable.of(this.json.ledger()).table();
		}

		public long count(Kind kind) {
			return this.mismatches.stream().filter((mismatch) -> mismatch.kind() == kind).count();
		}

	}

	/**
	 * One record that the two stores do not agree on.
	 *
	 * @param table the table ({@code expenses} or {@code incomes})
	 * @param id the record's id (as written in the file for an unreadable record; null
	 * when it has none)
	 * @param kind what is wrong
	 * @param fields the fields that differ, for {@link Kind#DIFFERENT}
	 * @param detail the position and reason of an unreadable record, otherwise null
	 */
	public record Mismatch(String table, String id, Kind kind, List<String> fields, String detail) {

		public Mismatch {
			fields = List.copyOf(fields);
		}

		@Override
		public String toString() {
			StringBuilder line = new StringBuilder(this.table).append(' ');
			line.append((this.id != null) ? "id " + this.id : "record without id")
				.append(": ")
				.append(this.kind.label());
			if (!this.fields.isEmpty()) {
				line.append(" (").append(String.join(", ", this.fields)).append(')');
			}
			if (this.detail != null) {
				line.append(" - ").append(this.detail);
			}
			return line.toString();
		}

	}

	/** What is wrong with a record. */
	public enum Kind {

		/** In the JSON file, not in the table. */
		MISSING_IN_DATABASE,

		/** In the table, not in the JSON file. */
		MISSING_IN_JSON,

		/** In both, with other values in the named fields. */
		DIFFERENT,

		/** In the JSON file, but breaking a rule, so that it cannot be compared. */
		UNREADABLE_IN_JSON;

		public String label() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
