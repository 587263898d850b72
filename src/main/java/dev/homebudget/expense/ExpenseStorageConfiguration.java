package dev.homebudget.expense;

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
 * The only place that decides where expenses are kept: the {@link ExpenseRepository} the
 * service uses, per storage phase.
 */
@Configuration(proxyBeanMethods = false)
class ExpenseStorageConfiguration {

	@Bean
	@Primary
	ExpenseRepository expenseRepository(StorageMode mode,
			@Qualifier("jdbcExpenseRepository") ExpenseRepository database, ObjectProvider<JsonStore> jsonStore,
			StorageMirrors mirrors) {
		return switch (mode.phase()) {
			// JSON files only
			case P0 -> json(jsonStore);
			// JSON primary: each write is journalled before the file is replaced, then
			// copied to PostgreSQL with its JSON id
			case P1 -> {
				JsonFileExpenseRepository json = json(jsonStore);
				EntryMirror mirror = mirrors.create(LedgerFile.EXPENSES,
						MirrorCopier.of(json::findAllById, Expense::id, database::putAll, database::deleteAllById));
				json.ledger().journalWritesWith(mirror.ledgerJournal());
				yield json;
			}
			// PostgreSQL primary: each committed write is copied to the JSON file, and
			// sampled reads are compared with it
			case P2 -> {
				JsonFileExpenseRepository json = json(jsonStore);
				EntryMirror mirror = mirrors.create(LedgerFile.EXPENSES,
						MirrorCopier.of(database::findAllById, Expense::id, json::putAll, json::deleteAllById));
				yield new MirroredExpenseRepository(database, mirror, json, mirrors.shadowReads(LedgerFile.EXPENSES));
			}
			// PostgreSQL only
			case P3 -> database;
		};
	}

	private static JsonFileExpenseRepository json(ObjectProvider<JsonStore> jsonStore) {
		return new JsonFileExpenseRepository(JsonFileExpenseRepository.ledgerOf(jsonStore.getObject()));
	}

}
