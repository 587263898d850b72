package dev.homebudget.transition;

import java.time.Duration;

import dev.homebudget.config.StorageProperties;
import dev.homebudget.config.StorageSettingException;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the mirror of phases P1 and P2 behaves (the phase itself is
 * {@link dev.homebudget.config.StorageProperties}).
 *
 * @param mirrorPause how long copies to the mirror are skipped (their repair journal
 * entries left open) after one failed because the mirror's database was unavailable
 * @param shadowReads the percentage (0 to 100) of reads that P2 repeats on the JSON
 * mirror and compares with PostgreSQL's answer (see {@link ShadowReads})
 * @param shadowReadsRaise whether a shadow-read mismatch fails the read (for test suites;
 * otherwise it is counted and logged and the client gets PostgreSQL's answer)
 * @param mirrorQueueLimit how many writes (per kind of entry) may wait for their copy to
 * the mirror; beyond it a write's repair journal entry is left for the repair
 * @param repairInterval how often the running app repairs the open entries of its repair
 * journal (0: only at startup)
 * @param selfRepair whether the running app repairs its repair journal itself (the
 * command-line tools turn it off)
 */
@ConfigurationProperties("budget.storage")
public record MirrorProperties(@DefaultValue("5s") Duration mirrorPause, @DefaultValue("0") int shadowReads,
		@DefaultValue("false") boolean shadowReadsRaise, @DefaultValue("10000") int mirrorQueueLimit,
		@DefaultValue("1m") Duration repairInterval, @DefaultValue("true") boolean selfRepair) {

	public MirrorProperties {
		if (shadowReads < 0 || shadowReads > 100) {
			throw new StorageSettingException(
					"The setting budget.storage.shadow-reads is " + shadowReads + ", which is not a percentage.",
					"Set budget.storage.shadow-reads to a whole number from 0 (off) to 100 (every read).");
		}
		if (mirrorQueueLimit < 1) {
			throw new StorageSettingException(
					"The setting budget.storage.mirror-queue-limit is " + mirrorQueueLimit + ", which is not positive.",
					"Set budget.storage.mirror-queue-limit (BUDGET_STORAGE_MIRROR_QUEUE_LIMIT) to 1 or more.");
		}
		if (repairInterval.isNegative()) {
			throw new StorageSettingException(
					"The setting budget.storage.repair-interval is " + repairInterval + ", which is negative.",
					"Set budget.storage.repair-interval (BUDGET_STORAGE_REPAIR_INTERVAL) to a duration, or 0 for "
							+ "startup only.");
		}
	}

}
