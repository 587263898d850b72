package dev.homebudget.transition;

import javax.sql.DataSource;

import dev.homebudget.config.StorageMode;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The storage of this process: its phase, the JSON files (only in the phases that use
 * them), the repair journal and the mirrors. Each feature's
 * {@code <Feature>StorageConfiguration} builds its repository from these.
 */
@Configuration(proxyBeanMethods = false)
class TransitionConfiguration {

	/** Opened only when a feature asks for it, which it does in P0, P1 and P2. */
	@Bean(destroyMethod = "close")
	@Lazy
	JsonStore jsonStore(StorageMode mode) {
		if (!mode.phase().usesJson()) {
			throw new IllegalStateException("the JSON files are not used in " + mode.phase());
		}
		return JsonStore.open(mode.jsonDirectory());
	}

	@Bean
	RepairJournal repairJournal(StorageMode mode, ObjectProvider<JsonStore> jsonStore, DataSource dataSource) {
		return switch (mode.phase()) {
			case P1 -> FileRepairJournal.open(jsonStore.getObject().directory());
			case P2 -> new DatabaseRepairJournal(JdbcClient.create(dataSource));
			case P0, P3 -> RepairJournal.NONE;
		};
	}

	@Bean
	StorageMirrors storageMirrors(StorageMode mode, RepairJournal repairJournal,
			PlatformTransactionManager transactionManager, ObjectProvider<MirrorFaultSeam> seam,
			MeterRegistry meterRegistry, MirrorProperties properties) {
		return new StorageMirrors(mode, repairJournal, transactionManager, seam.getIfAvailable(), meterRegistry,
				properties);
	}

	@Bean
	StorageStartupChecks storageStartupChecks(StorageMode mode, ObjectProvider<JsonStore> jsonStore,
			DataSource dataSource, RepairJournal repairJournal) {
		return new StorageStartupChecks(mode, jsonStore, JdbcClient.create(dataSource), repairJournal);
	}

}
