package dev.homebudget.history;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.homebudget.config.StorageMode;
import dev.homebudget.config.StorageProperties.StorageBackend;
import dev.homebudget.expense.Expense;
import dev.homebudget.expense.ExpenseDraft;
import dev.homebudget.household.CurrentHousehold;
import dev.homebudget.household.HouseholdRole;
import dev.homebudget.income.Income;
import dev.homebudget.income.IncomeDraft;
import dev.homebudget.ledger.EntryRepository;
import dev.homebudget.ledger.Households;
import dev.homebudget.web.ApiException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * History and trash use cases: reads for every member, restores for members and owners,
 * emptying the trash for owners. PostgreSQL as the primary store only (P2, P3; 409 in P0
 * and P1, where deletes stay final as before).
 */
@Service
class HistoryService {

	private final HistoryStore store;

	private final CurrentHousehold household;

	private final StorageMode storage;

	private final HistoryProperties properties;

	private final EntryRepository<Expense, ExpenseDraft> expenses;

	private final EntryRepository<Income, IncomeDraft> incomes;

	private final TransactionTemplate transactions;

	HistoryService(HistoryStore store, CurrentHousehold household, StorageMode storage, HistoryProperties properties,
			EntryRepository<Expense, ExpenseDraft> expenses, EntryRepository<Income, IncomeDraft> incomes,
			PlatformTransactionManager transactionManager) {
		this.store = store;
		this.household = household;
		this.storage = storage;
		this.properties = properties;
		this.expenses = expenses;
		this.incomes = incomes;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** What a restore asked for and what it did, per kind. */
	record Restored(Map<String, List<Integer>> restored, Map<String, List<Integer>> notRestored) {

		int count() {
			return this.restored.values().stream().mapToInt(List::size).sum();
		}

	}

	List<HistoryStore.Event> events(HistoryStore.Filter filter, Long before, int limit) {
		return this.store.events(readable(), filter, before, limit);
	}

	List<HistoryStore.Event> since(long after, int limit) {
		return this.store.since(readable(), after, limit);
	}

	long newestEvent() {
		return this.store.newestEvent(readable());
	}

	List<HistoryStore.Trashed> trash(String kind, HistoryStore.TrashCursor after, int limit) {
		return this.store.trash(readable(), kind, after, limit);
	}

	long trashCount() {
		return this.store.count(readable());
	}

	/** Restores the rows named, per kind, in one transaction. */
	Restored restore(Map<HistoryStore.Kind, List<Integer>> wanted) {
		int household = writable();
		return this.transactions.execute((status) -> {
			Map<HistoryStore.Kind, List<Integer>> found = new LinkedHashMap<>();
			wanted.forEach((kind, ids) -> found.put(kind,
					ids.isEmpty() ? List.of() : this.store.lockTrashed(household, kind.value(), ids)));
			return restoreLocked(household, wanted, found);
		});
	}

	/**
	 * Restores every row one delete (a bulk delete: one transaction) moved to the trash.
	 */
	Restored restoreBatch(long batch) {
		int household = writable();
		return this.transactions.execute((status) -> {
			Map<HistoryStore.Kind, List<Integer>> found = new LinkedHashMap<>();
			this.store.lockBatch(household, batch).forEach((kind, ids) -> found.put(HistoryStore.Kind.of(kind), ids));
			if (found.isEmpty()) {
				throw new ApiException(HttpStatus.NOT_FOUND, "Nothing in the trash was deleted in batch " + batch);
			}
			return restoreLocked(household, found, found);
		});
	}

	private Restored restoreLocked(int household, Map<HistoryStore.Kind, List<Integer>> wanted,
			Map<HistoryStore.Kind, List<Integer>> found) {
		this.store.markRestore();
		Map<String, List<Integer>> restored = new LinkedHashMap<>();
		Map<String, List<Integer>> notRestored = new LinkedHashMap<>();
		for (Map.Entry<HistoryStore.Kind, List<Integer>> entry : wanted.entrySet()) {
			HistoryStore.Kind kind = entry.getKey();
			List<Integer> done = this.store.restore(household, kind, found.getOrDefault(kind, List.of()));
			restored.put(kind.value(), done);
			List<Integer> left = new ArrayList<>(entry.getValue());
			left.removeAll(done);
			notRestored.put(kind.value(), left);
			copyToMirror(household, kind, done);
		}
		return new Restored(restored, notRestored);
	}

	/**
	 * In phase P2 the JSON mirror gets the restored entries as any write (through the
	 * store, which journals the copy); their rows in PostgreSQL are written unchanged, so
	 * they record no event. The rows are read from PostgreSQL itself: a read through the
	 * store would be compared with the mirror, which does not have them yet.
	 */
	private void copyToMirror(int household, HistoryStore.Kind kind, List<Integer> ids) {
		if (ids.isEmpty() || this.storage.phase().mirror() == null || kind == HistoryStore.Kind.SETTLEMENT) {
			return;
		}
		List<HistoryStore.EntryRow> rows = this.store.entryRows(household, kind, ids);
		if (kind == HistoryStore.Kind.EXPENSE) {
			this.expenses.forHousehold(household)
				.putAll(rows.stream()
					.map((r) -> new Expense(r.id(), r.date(), r.business(), r.category(), r.amount(), r.account(),
							r.currency(), r.notes(), r.version()))
					.toList());
		}
		else {
			this.incomes.forHousehold(household)
				.putAll(rows.stream()
					.map((r) -> new Income(r.id(), r.date(), r.category(), r.amount(), r.account(), r.currency(),
							r.notes(), r.version()))
					.toList());
		}
	}

	/** Empties the current household's trash (owners only). */
	int empty() {
		requirePostgresPrimary();
		CurrentHousehold.Membership membership = this.household.membership();
		if (membership.role() != HouseholdRole.OWNER) {
			throw new ApiException(HttpStatus.FORBIDDEN, "Only an owner of the household may empty its trash");
		}
		return this.store.empty(membership.household());
	}

	/** Purges rows deleted longer ago than the retention, in every household. */
	int purge(Clock clock) {
		if (this.storage.phase().primary() != StorageBackend.POSTGRES) {
			return 0;
		}
		Instant cutoff = clock.instant().minus(this.properties.trashRetention());
		return this.store.purge(cutoff);
	}

	private int readable() {
		requirePostgresPrimary();
		return this.household.forReading();
	}

	private int writable() {
		requirePostgresPrimary();
		return this.household.forWriting();
	}

	private void requirePostgresPrimary() {
		if (this.storage.phase().primary() != StorageBackend.POSTGRES) {
			throw Households.needsPostgresPrimary("History and the trash");
		}
	}

}
