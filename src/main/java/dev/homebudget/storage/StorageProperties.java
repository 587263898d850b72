package dev.homebudget.storage;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where entries are kept. The two switches match the original's flags
 * ({@code FF_USE_DATABASE_STORAGE}, {@code FF_DUAL_WRITE_ENABLED}), which take precedence
 * when set; unset, a new install runs on PostgreSQL only. See {@link StorageMode}.
 *
 * @param primary the store that answers reads and assigns ids: {@code json} or
 * {@code postgres}; null when not configured
 * @param dualWrite whether every write is mirrored to the other store; null when not
 * configured
 * @param jsonDirectory the directory of the original's {@code expenses.json} and
 * {@code incomes.json}
 * @param mirrorPause how long copies to the mirror are skipped (their repair journal
 * entries left open) after one failed because the mirror's database was unavailable
 * @param shadowReads the percentage (0 to 100) of reads that P2 repeats on the JSON
 * mirror and compares with PostgreSQL's answer (see {@link ShadowReads})
 * @param shadowReadsRaise whether a shadow-read mismatch fails the read (for test suites;
 * otherwise it is counted and logged and the client gets PostgreSQL's answer)
 */
@ConfigurationProperties("budget.storage")
public record StorageProperties(StorageBackend primary, Boolean dualWrite,
		@DefaultValue("./data/json") Path jsonDirectory, @DefaultValue("5s") Duration mirrorPause,
		@DefaultValue("0") int shadowReads, @DefaultValue("false") boolean shadowReadsRaise) {

	public StorageProperties {
		if (shadowReads < 0 || shadowReads > 100) {
			throw new StorageSettingException(
					"The setting budget.storage.shadow-reads is " + shadowReads + ", which is not a percentage.",
					"Set budget.storage.shadow-reads to a whole number from 0 (off) to 100 (every read).");
		}
	}

	/** A store that entries can be kept in. */
	public enum StorageBackend {

		JSON, POSTGRES

	}

}
