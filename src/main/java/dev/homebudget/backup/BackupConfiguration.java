package dev.homebudget.backup;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Backup metrics, exported at {@code /metrics}. */
@Configuration(proxyBeanMethods = false)
class BackupConfiguration {

	/**
	 * {@code budget_backup_last_success_timestamp_seconds}: when the newest backup was
	 * taken (at startup: the newest archive in the backup directory; NaN when there is
	 * none), for an alert on backups that stopped; {@code budget_backup_failures_total}:
	 * backups that failed in this process.
	 */
	@Bean
	MeterBinder backupMetrics(BackupService backups) {
		return (registry) -> {
			Gauge
				.builder("budget.backup.last.success.timestamp", backups,
						(service) -> (service.lastSuccess() != null) ? service.lastSuccess().getEpochSecond()
								: Double.NaN)
				.baseUnit("seconds")
				.description("When the newest backup was taken (Unix time)")
				.register(registry);
			FunctionCounter.builder("budget.backup.failures", backups, BackupService::failures)
				.description("Backups that failed")
				.register(registry);
		};
	}

}
