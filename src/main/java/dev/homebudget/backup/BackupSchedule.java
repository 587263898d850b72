package dev.homebudget.backup;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Backups taken by the running app on {@code budget.backup.schedule} (a cron expression;
 * off when blank), into the backup directory, followed by the retention. A failure is
 * logged and counted in {@code budget_backup_failures_total}; the next run tries again.
 */
@Component
@EnableScheduling
@ConditionalOnWebApplication
class BackupSchedule implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(BackupSchedule.class);

	private final BackupService backups;

	BackupSchedule(BackupService backups) {
		this.backups = backups;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		String schedule = this.backups.properties().schedule();
		if (schedule != null) {
			registrar.addCronTask(this::run, schedule);
			log.info("Backups scheduled at '{}' into {}", schedule, this.backups.defaultDirectory());
		}
	}

	void run() {
		Path directory = this.backups.defaultDirectory();
		try {
			BackupResult result = this.backups.backup(directory, null);
			this.backups.prune(directory);
			log.info("Scheduled backup {} ({} rows)", result.archive(), result.rows());
		}
		catch (RuntimeException ex) {
			log.error("Scheduled backup into {} failed: {}", directory, ex.getMessage());
		}
	}

}
