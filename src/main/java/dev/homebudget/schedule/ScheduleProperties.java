package dev.homebudget.schedule;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the app posts due occurrences.
 *
 * @param postInterval how often the running app looks for due occurrences (it also looks
 * once at start-up); 0 turns posting off
 * @param maxPerRun occurrences posted in one run at most (a long outage catches up over a
 * few runs)
 * @param maxPerHousehold schedules a household may have
 */
@ConfigurationProperties("budget.schedules")
public record ScheduleProperties(@DefaultValue("1m") Duration postInterval, @DefaultValue("1000") int maxPerRun,
		@DefaultValue("500") int maxPerHousehold) {

	public ScheduleProperties {
		if (postInterval.isNegative()) {
			throw new IllegalArgumentException("budget.schedules.post-interval must not be negative");
		}
		if (maxPerRun < 1 || maxPerHousehold < 1) {
			throw new IllegalArgumentException("budget.schedules.max-per-run and max-per-household must be at least 1");
		}
	}

}
