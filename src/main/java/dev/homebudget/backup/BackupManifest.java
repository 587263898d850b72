package dev.homebudget.backup;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The first entry of every backup archive ({@code manifest.json}): what the archive holds
 * and the fingerprint of every table at the moment of the backup.
 *
 * @param format archive format, {@value #FORMAT}
 * @param createdAt when the snapshot was taken (ISO-8601, UTC)
 * @param schemaVersion the Flyway version of the schema the rows belong to; a restore
 * migrates an empty database to exactly this version first
 * @param tables every table, in the order a restore loads them
 */
public record BackupManifest(int format, @JsonProperty("created_at") String createdAt,
		@JsonProperty("schema_version") String schemaVersion, List<Table> tables) {

	static final int FORMAT = 1;

	static final String ENTRY = "manifest.json";

	/**
	 * One table.
	 *
	 * @param name table name
	 * @param entry archive entry with its rows (PostgreSQL COPY text format, canonical
	 * order, UTF-8)
	 * @param columns the columns of each row in the entry, in order
	 * @param rows row count
	 * @param amountSum exact sum of {@code amount}, when the table has one
	 * @param maxId largest {@code id}, when the table has one
	 * @param sha256 SHA-256 of the entry (the ordered canonical rows)
	 * @param nextId what the identity sequence would have handed out next, when the table
	 * has one; a restore sets the sequence at least this far
	 */
	public record Table(String name, String entry, List<String> columns, long rows,
			@JsonProperty("amount_sum") String amountSum, @JsonProperty("max_id") Long maxId, String sha256,
			@JsonProperty("next_id") Long nextId) {

		TableFingerprint fingerprint() {
			return new TableFingerprint(this.rows, this.amountSum, this.maxId, this.sha256);
		}

	}

}
