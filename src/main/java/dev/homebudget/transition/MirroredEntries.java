package dev.homebudget.transition;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import dev.homebudget.ledger.EntryField;
import dev.homebudget.ledger.EntryQuery;
import dev.homebudget.ledger.EntryRepository;
import dev.homebudget.ledger.EntryTotals;
import dev.homebudget.ledger.EntryValues;
import dev.homebudget.ledger.StoredEntry;

import org.springframework.transaction.annotation.Transactional;

/**
 * P2: PostgreSQL is the primary and assigns ids; each write is journalled in the same
 * transaction as the write itself (a use case that runs a lone statement without a
 * transaction gets one here) and, once committed, copied to the JSON files by the
 * {@link EntryMirror}. Reads are answered by PostgreSQL; a sampled share of the record
 * reads is repeated on the JSON files and compared ({@link ShadowReads}), without
 * changing the answer.
 *
 * @param <E> a stored entry
 * @param <D> an entry not stored yet
 */
public class MirroredEntries<E extends StoredEntry, D> implements EntryRepository<E, D> {

	private final EntryRepository<E, D> primary;

	private final EntryMirror mirror;

	private final EntryRepository<E, D> mirrorReads;

	private final ShadowReads shadow;

	MirroredEntries(EntryRepository<E, D> primary, EntryMirror mirror, JsonFileEntries<E, D> mirrorReads,
			ShadowReads shadow) {
		this.primary = primary;
		this.mirror = mirror;
		this.mirrorReads = mirrorReads;
		this.shadow = shadow;
	}

	private List<E> read(String operation, Supplier<List<E>> control, Supplier<List<E>> candidate) {
		return this.shadow.read(operation, control, candidate, JsonEntry::of);
	}

	@Override
	@Transactional
	public E create(D draft) {
		E created = this.primary.create(draft);
		this.mirror.primaryWritten("create", List.of(created.id()));
		return created;
	}

	@Override
	@Transactional
	public List<E> createAll(List<D> drafts) {
		List<E> created = this.primary.createAll(drafts);
		this.mirror.primaryWritten("create", created.stream().map(StoredEntry::id).toList());
		return created;
	}

	@Override
	@Transactional
	public void putAll(Collection<E> entries) {
		this.primary.putAll(entries);
		this.mirror.primaryWritten("put", entries.stream().map(StoredEntry::id).toList());
	}

	@Override
	@Transactional
	public Optional<E> update(int id, EntryValues changes) {
		return updated(this.primary.update(id, changes));
	}

	@Override
	@Transactional
	public Optional<E> updateIfVersion(int id, Collection<Integer> versions, EntryValues changes) {
		return updated(this.primary.updateIfVersion(id, versions, changes));
	}

	private Optional<E> updated(Optional<E> row) {
		row.ifPresent((entry) -> this.mirror.primaryWritten("update", List.of(entry.id())));
		return row;
	}

	@Override
	@Transactional
	public boolean deleteById(int id) {
		return deleted(id, this.primary.deleteById(id));
	}

	@Override
	@Transactional
	public boolean deleteIfVersion(int id, Collection<Integer> versions) {
		return deleted(id, this.primary.deleteIfVersion(id, versions));
	}

	private boolean deleted(int id, boolean deleted) {
		if (deleted) {
			this.mirror.primaryWritten("delete", List.of(id));
		}
		return deleted;
	}

	@Override
	@Transactional
	public List<Integer> moveCategory(int fromCategory, int toCategory, String name) {
		List<Integer> moved = this.primary.moveCategory(fromCategory, toCategory, name);
		if (!moved.isEmpty()) {
			this.mirror.primaryWritten("update", moved);
		}
		return moved;
	}

	@Override
	@Transactional
	public int deleteAllById(Collection<Integer> ids) {
		int deleted = this.primary.deleteAllById(ids);
		if (deleted > 0) {
			this.mirror.primaryWritten("bulk_delete", List.copyOf(new LinkedHashSet<>(ids)));
		}
		return deleted;
	}

	@Override
	public void keepIdentityAheadOfIds() {
		this.primary.keepIdentityAheadOfIds();
	}

	// --- reads: the primary's

	@Override
	public List<E> findAll() {
		return read("findAll", this.primary::findAll, this.mirrorReads::findAll);
	}

	@Override
	public Optional<E> findById(int id) {
		return read("findById", () -> this.primary.findById(id).stream().toList(),
				() -> this.mirrorReads.findById(id).stream().toList())
			.stream()
			.findFirst();
	}

	@Override
	public List<E> findAllById(Collection<Integer> ids) {
		return read("findAllById", () -> this.primary.findAllById(ids), () -> this.mirrorReads.findAllById(ids));
	}

	@Override
	public boolean existsById(int id) {
		return this.primary.existsById(id);
	}

	@Override
	public long count() {
		return this.primary.count();
	}

	@Override
	public List<EntryTotals.Stats> stats(EntryQuery query) {
		return this.primary.stats(query);
	}

	@Override
	public List<E> find(EntryQuery query) {
		return read("find", () -> this.primary.find(query), () -> this.mirrorReads.find(query));
	}

	@Override
	public List<EntryTotals.Total> total(LocalDate from, LocalDate to) {
		return this.primary.total(from, to);
	}

	@Override
	public List<EntryTotals.ByCategory> totalsByCategory(LocalDate from, LocalDate to) {
		return this.primary.totalsByCategory(from, to);
	}

	@Override
	public List<EntryTotals.ByCategory> totalsByCategory(EntryQuery query) {
		return this.primary.totalsByCategory(query);
	}

	@Override
	public List<EntryTotals.Converted> converted(EntryQuery query, EntryTotals.Grouping grouping, String base) {
		return this.primary.converted(query, grouping, base);
	}

	@Override
	public List<EntryTotals.ByMonth> totalsByMonth(int year) {
		return this.primary.totalsByMonth(year);
	}

	@Override
	public List<EntryTotals.ValueCount> distinctValues(EntryField field, int limit) {
		return this.primary.distinctValues(field, limit);
	}

}
