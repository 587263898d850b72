package dev.homebudget.schedule;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The running server posts due occurrences itself, at start-up and then every
 * {@code budget.schedules.post-interval}: no external cron. A failed run is logged and
 * the next one tries again.
 */
@Component
@EnableScheduling
@ConditionalOnWebApplication
class PostingSchedule implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(PostingSchedule.class);

	private final SchedulePoster poster;

	private final ScheduleProperties properties;

	PostingSchedule(SchedulePoster poster, ScheduleProperties properties) {
		this.poster = poster;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		Duration interval = this.properties.postInterval();
		if (!interval.isZero()) {
			registrar.addFixedDelayTask(new FixedDelayTask(this::run, interval, Duration.ZERO));
		}
	}

	void run() {
		try {
			this.poster.postDue();
		}
		catch (RuntimeException ex) {
			log.error("Posting scheduled occurrences failed: {}", ex.getMessage());
		}
	}

}
