package dev.homebudget.history;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code budget.history.*}: how long deleted rows stay in the trash, and how often the
 * app purges those older than that.
 *
 * @param trashRetention a deleted row is purged from the trash this long after its delete
 * (30 days)
 * @param purgeInterval how often the app looks for rows to purge (1 hour; 0 turns the
 * purge off)
 */
@ConfigurationProperties("budget.history")
public record HistoryProperties(@DefaultValue("30d") Duration trashRetention,
		@DefaultValue("1h") Duration purgeInterval) {

	public HistoryProperties {
		if (trashRetention.isNegative() || trashRetention.isZero()) {
			throw new IllegalArgumentException("budget.history.trash-retention must be positive");
		}
		if (purgeInterval.isNegative()) {
			throw new IllegalArgumentException("budget.history.purge-interval must not be negative");
		}
	}

}
