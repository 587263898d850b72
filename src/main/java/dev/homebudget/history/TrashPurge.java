package dev.homebudget.history;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The running app purges the trash itself: every {@code budget.history.purge-interval}
 * (and a minute after startup) it removes the rows deleted longer ago than
 * {@code budget.history.trash-retention}. Their history stays. A failure is logged and
 * the next run tries again. The clock is a bean when one is defined (tests), else the
 * system's.
 */
@Component
@EnableScheduling
@ConditionalOnWebApplication
class TrashPurge implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(TrashPurge.class);

	private final HistoryService history;

	private final HistoryProperties properties;

	private final Clock clock;

	TrashPurge(HistoryService history, HistoryProperties properties, ObjectProvider<Clock> clock) {
		this.history = history;
		this.properties = properties;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		Duration interval = this.properties.purgeInterval();
		if (!interval.isZero()) {
			registrar.addFixedDelayTask(new org.springframework.scheduling.config.FixedDelayTask(this::run, interval,
					Duration.ofMinutes(1)));
		}
	}

	/** One purge; the number of rows removed. */
	int run() {
		try {
			int purged = this.history.purge(this.clock);
			if (purged > 0) {
				log.info("Trash: purged {} rows deleted more than {} ago", purged, this.properties.trashRetention());
			}
			return purged;
		}
		catch (RuntimeException ex) {
			log.warn("Trash purge failed, trying again in {}: {}", this.properties.purgeInterval(), ex.getMessage());
			return 0;
		}
	}

}
