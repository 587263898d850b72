package dev.homebudget.backup;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A backup that was written.
 *
 * @param archive the archive
 * @param sha256 its SHA-256, also in {@code <archive>.sha256}
 * @param manifest what it holds
 * @param bytes its size
 * @param took how long the backup took
 * @param createdAt when its snapshot was taken
 */
public record BackupResult(Path archive, String sha256, BackupManifest manifest, long bytes, Duration took,
		Instant createdAt) {

	public long rows() {
		return this.manifest.tables().stream().mapToLong(BackupManifest.Table::rows).sum();
	}

	public int tables() {
		return this.manifest.tables().size();
	}

	public String schemaVersion() {
		return this.manifest.schemaVersion();
	}

}
