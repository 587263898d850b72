package dev.homebudget.transition.transfer;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import dev.homebudget.transition.JsonEntry;
import dev.homebudget.transition.JsonLedgerFormat;
import dev.homebudget.transition.LedgerFile;

/**
 * Compares the JSON files with the database record by record, by the
 * {@linkplain CanonicalEntry canonical comparator}, and fingerprints both sides. The
 * files are read without taking their directory, so it runs beside an app in a dual-write
 * phase; the tables are streamed in id order from one snapshot and merged with the file's
 * records, one pass, no query per record.
 */
public final class Reconciler {

	private final DatabaseLedgers database;

	public Reconciler(DataSource dataSource) {
		this.database = new DatabaseLedgers(dataSource);
	}

	/** Reads both files of the directory (without its lock) and compares them. */
	public Reconciliation reconcile(Path jsonDirectory) {
		return compare(LedgerSnapshot.readUnlocked(jsonDirectory));
	}

	/** Compares files already read with the database. */
	public Reconciliation compare(Map<LedgerFile, LedgerSnapshot> snapshots) {
		return this.database.inOneSnapshot(() -> {
			List<Reconciliation.LedgerComparison> ledgers = new ArrayList<>();
			for (LedgerSnapshot snapshot : snapshots.values()) {
				ledgers.add(compare(snapshot));
			}
			return new Reconciliation(ledgers);
		});
	}

	/**
	 * As {@link #compare}, but first by fingerprints alone, computed by the database:
	 * when every table's equals its file's (which, for a SHA-256 over the canonical rows,
	 * means the same records), no row needs to leave the database. Otherwise the records
	 * are compared one by one to say which differ.
	 */
	public Reconciliation verify(Map<LedgerFile, LedgerSnapshot> snapshots) {
		Reconciliation byFingerprint = this.database.inOneSnapshot(() -> {
			List<Reconciliation.LedgerComparison> ledgers = new ArrayList<>();
			for (LedgerSnapshot snapshot : snapshots.values()) {
				Fingerprint json = snapshot.fingerprint();
				Fingerprint database = this.database.fingerprint(snapshot.ledger());
				if (!snapshot.rejections().isEmpty() || !database.equals(json)) {
					return null;
				}
				ledgers.add(new Reconciliation.LedgerComparison(snapshot, json, database, database.count(),
						json.count(), List.of()));
			}
			return new Reconciliation(ledgers);
		});
		return (byFingerprint != null) ? byFingerprint : compare(snapshots);
	}

	private Reconciliation.LedgerComparison compare(LedgerSnapshot json) {
		Merge merge = new Merge(json);
		this.database.forEach(json.ledger(), merge::databaseRow);
		return merge.finish();
	}

	/** A merge join of the file's records and the table's rows, both in id order. */
	private static final class Merge {

		private final LedgerSnapshot json;

		private final String table;

		private final List<JsonEntry> entries;

		private final Set<Integer> rejectedIds = new HashSet<>();

		private final Set<Integer> rejectedIdsInDatabase = new HashSet<>();

		private final Fingerprint.Accumulator databaseFingerprint;

		private final List<Reconciliation.Mismatch> mismatches = new ArrayList<>();

		private int next;

		private long databaseRows;

		private long databaseOnly;

		Merge(LedgerSnapshot json) {
			this.json = json;
			this.table = LedgerTable.of(json.ledger()).table();
			this.entries = json.entries();
			this.databaseFingerprint = new Fingerprint.Accumulator(json.ledger());
			for (JsonLedgerFormat.Rejection rejection : json.rejections()) {
				Integer id = wholeNumber(rejection.id());
				if (id != null) {
					this.rejectedIds.add(id);
				}
			}
		}

		void databaseRow(JsonEntry row) {
			this.databaseRows++;
			this.databaseFingerprint.add(row);
			while (this.next < this.entries.size() && this.entries.get(this.next).id() < row.id()) {
				missingInDatabase(this.entries.get(this.next++));
			}
			if (this.next < this.entries.size() && this.entries.get(this.next).id() == row.id()) {
				List<String> fields = CanonicalEntry.differences(this.json.ledger(), this.entries.get(this.next++),
						row);
				if (!fields.isEmpty()) {
					add(row.id(), Reconciliation.Kind.DIFFERENT, fields, null);
				}
			}
			else if (this.rejectedIds.contains(row.id())) {
				// the file holds this id in a record that cannot be read; that record is
				// reported as unreadable, not the row as missing
				this.rejectedIdsInDatabase.add(row.id());
			}
			else {
				this.databaseOnly++;
				add(row.id(), Reconciliation.Kind.MISSING_IN_JSON, List.of(), null);
			}
		}

		Reconciliation.LedgerComparison finish() {
			while (this.next < this.entries.size()) {
				missingInDatabase(this.entries.get(this.next++));
			}
			Set<Integer> validIds = new HashSet<>();
			this.entries.forEach((entry) -> validIds.add(entry.id()));
			Set<Integer> rejectedOnly = new HashSet<>();
			long rejectedWithoutId = 0;
			for (JsonLedgerFormat.Rejection rejection : this.json.rejections()) {
				Integer id = wholeNumber(rejection.id());
				if (id == null) {
					rejectedWithoutId++;
				}
				else if (!validIds.contains(id) && !this.rejectedIdsInDatabase.contains(id)) {
					rejectedOnly.add(id);
				}
				this.mismatches
					.add(new Reconciliation.Mismatch(this.table, rejection.id(), Reconciliation.Kind.UNREADABLE_IN_JSON,
							List.of(), "record " + rejection.position() + ": " + rejection.reason()));
			}
			long compared = this.entries.size() + this.databaseOnly + this.rejectedIdsInDatabase.size()
					+ rejectedOnly.size() + rejectedWithoutId;
			return new Reconciliation.LedgerComparison(this.json, this.json.fingerprint(),
					this.databaseFingerprint.result(), this.databaseRows, compared, this.mismatches);
		}

		private void missingInDatabase(JsonEntry entry) {
			add(entry.id(), Reconciliation.Kind.MISSING_IN_DATABASE, List.of(), null);
		}

		private void add(int id, Reconciliation.Kind kind, List<String> fields, String detail) {
			this.mismatches.add(new Reconciliation.Mismatch(this.table, Integer.toString(id), kind, fields, detail));
		}

	}

	/** The id of a rejected record when it is a whole number ({@code 7}, {@code 7.0}). */
	static Integer wholeNumber(String rawId) {
		if (rawId == null) {
			return null;
		}
		try {
			return new BigDecimal(rawId.strip()).intValueExact();
		}
		catch (ArithmeticException | NumberFormatException ex) {
			return null;
		}
	}

}
