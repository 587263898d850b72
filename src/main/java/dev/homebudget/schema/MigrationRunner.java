package dev.homebudget.schema;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

import dev.homebudget.backup.BackupResult;
import dev.homebudget.backup.BackupService;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;

import org.springframework.stereotype.Component;

/**
 * Applies pending migrations, first taking a backup when the database holds data
 * ({@code budget.backup.before-migrate}), so a migration that goes wrong on real data can
 * be undone by a restore. Used at startup and by {@code ./hbw migrate}.
 */
@Component
public class MigrationRunner {

	private final BackupService backups;

	public MigrationRunner(BackupService backups) {
		this.backups = backups;
	}

	/**
	 * Migrates to the newest script.
	 * @throws dev.homebudget.backup.BackupException when the backup before it fails (then
	 * nothing is migrated)
	 */
	public Outcome migrate(Flyway flyway) {
		Path backup = null;
		// Flyway resolves every script and reads the history for each command, which
		// takes
		// a while on a busy machine: ask for the pending ones only when a backup may be
		// due.
		if (this.backups.wantsBackupBeforeMigration()) {
			MigrationInfo[] pending = flyway.info().pending();
			if (pending.length > 0) {
				String target = Arrays.stream(pending)
					.map(MigrationInfo::getVersion)
					.filter(Objects::nonNull)
					.max(MigrationVersion::compareTo)
					.map(MigrationVersion::getVersion)
					.orElse("latest");
				backup = this.backups.backupBeforeMigration(target).map(BackupResult::archive).orElse(null);
			}
		}
		MigrateResult result = flyway.migrate();
		return new Outcome(result.migrationsExecuted,
				(result.targetSchemaVersion != null) ? result.targetSchemaVersion : result.initialSchemaVersion,
				backup);
	}

	/**
	 * What a migration did.
	 *
	 * @param applied how many migrations ran
	 * @param version the schema version now
	 * @param backup the backup taken before, or {@code null}
	 */
	public record Outcome(int applied, String version, Path backup) {

	}

}
