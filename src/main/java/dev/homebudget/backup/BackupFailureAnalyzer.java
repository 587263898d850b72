package dev.homebudget.backup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A startup stopped by the backup before a migration gets a short report saying how to go
 * on, instead of a stack trace.
 */
class BackupFailureAnalyzer extends AbstractFailureAnalyzer<BackupException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, BackupException cause) {
		return new FailureAnalysis(
				"The schema was not migrated, because the backup before the migration failed: " + cause.getMessage(),
				"Fix the cause (for example make budget.backup.directory / BUDGET_BACKUP_DIR writable), or set "
						+ "BUDGET_BACKUP_BEFORE_MIGRATE=false to migrate without a backup.",
				cause);
	}

}
