package dev.homebudget.ledger;

import dev.homebudget.config.StorageMode;
import dev.homebudget.config.StoragePhase;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The one place that chooses where entries are kept: PostgreSQL in phase P3, the JSON
 * era's storage (from the transition module) in P0 to P2.
 */
@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {

	@Bean
	@Primary
	EntryStorage entryStorage(StorageMode mode, PostgresEntryStorage postgres,
			ObjectProvider<EntryStorage.JsonEra> jsonEra) {
		if (mode.phase() == StoragePhase.P3) {
			return postgres;
		}
		return jsonEra.getIfAvailable(() -> {
			throw new IllegalStateException("storage phase " + mode.phase() + " needs the JSON-era storage");
		});
	}

}
