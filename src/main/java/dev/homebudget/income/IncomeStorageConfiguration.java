package dev.homebudget.income;

import dev.homebudget.config.StorageMode;
import dev.homebudget.transition.EntryMirror;
import dev.homebudget.transition.JsonStore;
import dev.homebudget.transition.LedgerFile;
import dev.homebudget.transition.MirrorCopier;
import dev.homebudget.transition.StorageMirrors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The only place that decides where incomes are kept: the {@link IncomeRepository} the
 * service uses, per storage phase.
 */
@Configuration(proxyBeanMethods = false)
class IncomeStorageConfiguration {

	@Bean
	@Primary
	IncomeRepository incomeRepository(StorageMode mode, @Qualifier("jdbcIncomeRepository") IncomeRepository database,
			ObjectProvider<JsonStore> jsonStore, StorageMirrors mirrors) {
		return switch (mode.phase()) {
			// JSON files only
			case P0 -> json(jsonStore);
			// JSON primary: each write is journalled before the file is replaced, then
			// copied to PostgreSQL with its JSON id
			case P1 -> {
				JsonFileIncomeRepository json = json(jsonStore);
				EntryMirror mirror = mirrors.create(LedgerFile.INCOMES,
						MirrorCopier.of(json::findAllById, Income::id, database::putAll, database::deleteAllById));
				json.ledger().journalWritesWith(mirror.ledgerJournal());
				yield json;
			}
			// PostgreSQL primary: each committed write is copied to the JSON file, and
			// sampled reads are compared with it
			case P2 -> {
				JsonFileIncomeRepository json = json(jsonStore);
				EntryMirror mirror = mirrors.create(LedgerFile.INCOMES,
						MirrorCopier.of(database::findAllById, Income::id, json::putAll, json::deleteAllById));
				yield new MirroredIncomeRepository(database, mirror, json, mirrors.shadowReads(LedgerFile.INCOMES));
			}
			// PostgreSQL only
			case P3 -> database;
		};
	}

	private static JsonFileIncomeRepository json(ObjectProvider<JsonStore> jsonStore) {
		return new JsonFileIncomeRepository(JsonFileIncomeRepository.ledgerOf(jsonStore.getObject()));
	}

}
