package dev.homebudget.backup;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of a restore or a verification: the archive's checksum, every table's
 * fingerprint as recorded against what was loaded, the identity sequences, and whether
 * the data was committed. Nothing is committed unless everything matches.
 *
 * @param archive the archive
 * @param refusal why nothing was attempted (the database was left untouched), or
 * {@code null}
 * @param checksum the archive's SHA-256 against {@code <archive>.sha256}
 * @param schemaVersion the archive's schema version, when its manifest was readable
 * @param problems damage found in the archive or errors while loading
 * @param tables each table of the manifest
 * @param sequencesBehind tables whose identity sequence would not hand out an id above
 * max(id)
 * @param committed whether the restored rows were committed
 * @param took how long it took
 */
public record RestoreReport(Path archive, String refusal, Checksum checksum, String schemaVersion,
		List<String> problems, List<TableCheck> tables, List<String> sequencesBehind, boolean committed,
		Duration took) {

	/** Whether the archive restored completely and equal to its manifest. */
	public boolean ok() {
		return this.refusal == null && this.committed;
	}

	/** Whether the archive's own SHA-256 differs from the one recorded beside it. */
	public boolean checksumMismatch() {
		return this.checksum != null && this.checksum.status() == Checksum.Status.MISMATCH;
	}

	/** Whether some table's restored rows differ from its recorded fingerprint. */
	public boolean fingerprintMismatch() {
		return this.tables.stream().anyMatch((table) -> !table.matches());
	}

	/** The report as lines for a person: the checksum, then one line per table. */
	public List<String> lines() {
		List<String> lines = new ArrayList<>();
		lines.add("Archive: " + this.archive);
		if (this.checksum != null) {
			lines.add("  archive SHA-256: " + this.checksum.describe());
		}
		if (this.schemaVersion != null) {
			lines.add("  schema version: " + this.schemaVersion);
		}
		if (this.refusal != null) {
			lines.add("  REFUSED: " + this.refusal);
			return lines;
		}
		for (String problem : this.problems) {
			lines.add("  problem: " + problem);
		}
		for (TableCheck table : this.tables) {
			lines.add("  " + table.describe());
		}
		if (!this.sequencesBehind.isEmpty()) {
			lines.add("  identity sequences behind max(id): " + String.join(", ", this.sequencesBehind));
		}
		lines.add("  " + (this.committed ? "OK: restored and committed" : "FAILED: rolled back, nothing restored")
				+ " in " + this.took.toMillis() + " ms");
		return lines;
	}

	/**
	 * The archive's SHA-256.
	 *
	 * @param status the comparison
	 * @param recorded from the checksum file, {@code null} when there is none
	 * @param actual computed from the archive
	 */
	public record Checksum(Status status, String recorded, String actual) {

		/** How the archive compares with its checksum file. */
		public enum Status {

			/** Equal. */
			MATCH,
			/** Different: the archive changed after it was written. */
			MISMATCH,
			/** No checksum file beside the archive. */
			MISSING

		}

		String describe() {
			return switch (this.status) {
				case MATCH -> "ok (" + this.actual + ")";
				case MISMATCH -> "MISMATCH: the archive's SHA-256 is " + this.actual + ", but " + this.recorded
						+ " was recorded when it was written";
				case MISSING -> "no checksum file beside the archive (" + this.actual + ")";
			};
		}

	}

	/**
	 * One table.
	 *
	 * @param name table name
	 * @param expected fingerprint in the manifest
	 * @param actual fingerprint of the loaded rows, {@code null} when loading failed
	 * before it could be computed
	 */
	public record TableCheck(String name, TableFingerprint expected, TableFingerprint actual) {

		public boolean matches() {
			return this.actual != null && this.expected.differences(this.actual).isEmpty();
		}

		String describe() {
			String head = String.format("%-20s rows %d", this.name, this.expected.rows());
			if (this.actual == null) {
				return head + "  NOT CHECKED (loading failed)";
			}
			List<String> differences = this.expected.differences(this.actual);
			return differences.isEmpty() ? head + "  fingerprint ok"
					: head + "  FINGERPRINT MISMATCH: " + String.join("; ", differences);
		}

	}

}
