package dev.homebudget.config;

import java.nio.file.Path;

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
 */
@ConfigurationProperties("budget.storage")
public record StorageProperties(StorageBackend primary, Boolean dualWrite,
		@DefaultValue("./data/json") Path jsonDirectory) {

	/** A store that entries can be kept in. */
	public enum StorageBackend {

		JSON, POSTGRES

	}

}
