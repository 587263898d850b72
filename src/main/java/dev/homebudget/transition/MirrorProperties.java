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
 */
@ConfigurationProperties("budget.storage")
public record MirrorProperties(@DefaultValue("5s") Duration mirrorPause, @DefaultValue("0") int shadowReads,
		@DefaultValue("false") boolean shadowReadsRaise) {

	public MirrorProperties {
		if (shadowReads < 0 || shadowReads > 100) {
			throw new StorageSettingException(
					"The setting budget.storage.shadow-reads is " + shadowReads + ", which is not a percentage.",
					"Set budget.storage.shadow-reads to a whole number from 0 (off) to 100 (every read).");
		}
	}

}
