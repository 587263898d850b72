package dev.homebudget.backup;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;

/**
 * Backup settings.
 *
 * @param directory where archives are written ({@code BUDGET_BACKUP_DIR}); blank: a
 * {@code backups} directory beside the embedded data directory ({@code ./data/backups})
 * @param keepDaily after each backup, keep the newest archive of this many most recent
 * days
 * @param keepWeekly ... and of this many most recent ISO weeks (both 0: keep all)
 * @param schedule Spring cron expression (six fields, e.g. {@code 0 30 3 * * *}) for
 * backups taken by the running app; blank: none
 * @param beforeMigrate take a backup before migrating a database that holds data
 */
@ConfigurationProperties("budget.backup")
public record BackupProperties(Path directory, @DefaultValue("7") int keepDaily, @DefaultValue("4") int keepWeekly,
		String schedule, @DefaultValue("true") boolean beforeMigrate) {

	public BackupProperties {
		if (keepDaily < 0 || keepWeekly < 0) {
			throw new IllegalArgumentException("budget.backup.keep-daily and keep-weekly must not be negative");
		}
		if (directory != null && directory.toString().isBlank()) {
			directory = null;
		}
		schedule = (schedule == null || schedule.isBlank()) ? null : schedule.strip();
		if (schedule != null && !CronExpression.isValidExpression(schedule)) {
			throw new IllegalArgumentException("budget.backup.schedule (BUDGET_BACKUP_SCHEDULE) '" + schedule
					+ "' is not a cron expression with six fields, e.g. '0 30 3 * * *' for 03:30 every day");
		}
	}

}
