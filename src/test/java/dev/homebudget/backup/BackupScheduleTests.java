package dev.homebudget.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import javax.sql.DataSource;

import dev.homebudget.database.DatabaseProperties;
import dev.homebudget.support.MigratedDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The in-app schedule, its metrics, and the settings' checks. */
class BackupScheduleTests {

	@TempDir
	Path directory;

	private BackupService service(Path backups, String schedule) {
		DataSource dataSource = MigratedDatabase.migrated("backup_schedule");
		return new BackupService(dataSource,
				Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load(),
				new BackupProperties(backups, 1, 0, schedule, true), new DatabaseProperties("unused", 5,
						new DatabaseProperties.Embedded(backups, 0, "nobody", "budget"), Duration.ofSeconds(3)));
	}

	@Test
	void shouldScheduleBackupsAndExportWhenTheLastOneSucceeded() throws Exception {
		Path backups = this.directory.resolve("backups");
		BackupService service = service(backups, "0 30 3 * * *");
		BackupSchedule schedule = new BackupSchedule(service);
		ScheduledTaskRegistrar registrar = new ScheduledTaskRegistrar();
		schedule.configureTasks(registrar);
		assertThat(registrar.getCronTaskList()).singleElement()
			.satisfies((task) -> assertThat(task.getExpression()).isEqualTo("0 30 3 * * *"));

		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		new BackupConfiguration().backupMetrics(service).bindTo(registry);
		assertThat(registry.get("budget.backup.last.success.timestamp").gauge().value()).isNaN();
		Files.createDirectories(backups);
		Files.writeString(backups.resolve("home-budget-20200101T000000Z.tar"), "old");
		schedule.run();
		schedule.run();
		assertThat(BackupArchives.list(backups)).as("retention keep-daily 1").hasSize(1);
		assertThat(registry.get("budget.backup.last.success.timestamp").gauge().value())
			.isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60.0));
		assertThat(registry.get("budget.backup.failures").functionCounter().count()).isZero();
		// a restarted app knows its newest archive
		assertThat(service(backups, null).lastSuccess())
			.isEqualTo(BackupArchives.takenAt(BackupArchives.list(backups).get(0)).orElseThrow())
			.isCloseTo(service.lastSuccess(), org.assertj.core.api.Assertions.within(2, ChronoUnit.SECONDS));
		ScheduledTaskRegistrar none = new ScheduledTaskRegistrar();
		new BackupSchedule(service(backups, null)).configureTasks(none);
		assertThat(none.getCronTaskList()).isEmpty();
	}

	@Test
	void shouldCountAFailedScheduledBackupAndKeepGoing() throws Exception {
		Path file = Files.writeString(this.directory.resolve("a-file"), "not a directory");
		BackupService service = service(file.resolve("backups"), "0 30 3 * * *");
		new BackupSchedule(service).run();
		assertThat(service.failures()).isEqualTo(1);
		assertThat(service.lastSuccess()).isNull();
	}

	@Test
	void shouldRefuseBadSettingsClearly() {
		assertThatThrownBy(() -> new BackupProperties(null, 7, 4, "every night", true))
			.hasMessageContaining("budget.backup.schedule")
			.hasMessageContaining("0 30 3 * * *");
		assertThatThrownBy(() -> new BackupProperties(null, -1, 4, null, true))
			.hasMessageContaining("must not be negative");
		FailureAnalysis analysis = new BackupFailureAnalyzer()
			.analyze(new IllegalStateException("wrapped", new BackupException("disk full")));
		assertThat(analysis.getDescription()).contains("backup before the migration failed: disk full");
		assertThat(analysis.getAction()).contains("BUDGET_BACKUP_BEFORE_MIGRATE=false");
	}

}
