package dev.homebudget.income;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import dev.homebudget.shared.ApiException;
import dev.homebudget.shared.EntryField;
import dev.homebudget.shared.EntryPage;
import dev.homebudget.shared.EntryQuery;
import dev.homebudget.shared.EntryTotals;
import dev.homebudget.shared.EntryRequestReader;
import dev.homebudget.shared.EntryValues;
import dev.homebudget.shared.IfMatch;
import dev.homebudget.shared.PreconditionFailedException;
import dev.homebudget.shared.PatchRequest;
import dev.homebudget.shared.SingleStatement;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Income use cases. Checks keep the original's order: the shape of the body (422, in the
 * controller), then the existence of the record (404), then the meaning of the change
 * (400). Existence is only looked up separately when the change is refused, so a valid
 * update is a single statement, run without a transaction of its own
 * ({@link SingleStatement}); bulk use cases are one transaction.
 */
@Service
public class IncomeService {

	private final IncomeRepository incomes;

	private final EntryRequestReader reader = new EntryRequestReader(EntryField.INCOME_FIELDS);

	public IncomeService(IncomeRepository incomes) {
		this.incomes = incomes;
	}

	@SingleStatement
	public List<Income> list() {
		return this.incomes.findAll();
	}

	/** Every row, in the order of {@link #list()}, without holding them all. */
	@Transactional(readOnly = true)
	public void streamAll(Consumer<? super Income> action) {
		this.incomes.streamAll(action);
	}

	/** A filtered, ordered page; {@code next} is set when more rows may follow. */
	@SingleStatement
	public EntryPage<Income> find(EntryQuery query) {
		EntryQuery fetch = (query.limit() == null) ? query : query.withLimit(query.limit() + 1);
		return EntryPage.of(this.incomes.find(fetch), query, (row) -> sortKey(row, query), Income::id);
	}

	@SingleStatement
	public EntryTotals.Total total(LocalDate from, LocalDate to) {
		return this.incomes.total(from, to);
	}

	@SingleStatement
	public List<EntryTotals.ByCategory> totalsByCategory(LocalDate from, LocalDate to) {
		return this.incomes.totalsByCategory(from, to);
	}

	@SingleStatement
	public List<EntryTotals.ByMonth> totalsByMonth(int year) {
		return this.incomes.totalsByMonth(year);
	}

	@SingleStatement
	public List<EntryTotals.ValueCount> distinctValues(EntryField field, int limit) {
		return this.incomes.distinctValues(field, limit);
	}

	private static Object sortKey(Income row, EntryQuery query) {
		return switch (query.sort().column()) {
			case DATE -> row.date();
			case AMOUNT -> row.amount();
			case CATEGORY -> row.category();
		};
	}

	@SingleStatement
	public Income create(EntryValues values) {
		return this.incomes.create(IncomeDraft.from(values));
	}

	/** PUT: applies the fields present; an explicit null in a NOT NULL field is a 400. */
	@SingleStatement
	public Income replace(int id, EntryValues changes, IfMatch ifMatch) {
		if (changes.firstNullInRequiredField().isPresent()) {
			requireExisting(id);
			EntryRequestReader.requireNotNull(changes);
		}
		return apply(id, changes, ifMatch);
	}

	/**
	 * One conditional statement; when it changes nothing, tells a missing record (404)
	 * from a stale version (412 with the current ETag).
	 */
	private Income apply(int id, EntryValues changes, IfMatch ifMatch) {
		if (!ifMatch.constrainsVersion()) {
			return this.incomes.update(id, changes).orElseThrow(IncomeNotFoundException::new);
		}
		return this.incomes.updateIfVersion(id, ifMatch.versions(), changes).orElseThrow(() -> staleOrMissing(id));
	}

	private RuntimeException staleOrMissing(int id) {
		return this.incomes.findById(id)
			.<RuntimeException>map((current) -> new PreconditionFailedException(current.version()))
			.orElseGet(IncomeNotFoundException::new);
	}

	/** PATCH: one field; an unknown field, {@code id}, or a bad value is a 400. */
	@SingleStatement
	public Income patch(int id, PatchRequest patch, IfMatch ifMatch) {
		EntryValues change;
		try {
			change = this.reader.readPatchValue(patch);
		}
		catch (ApiException ex) {
			requireExisting(id);
			throw ex;
		}
		return apply(id, change, ifMatch);
	}

	@SingleStatement
	public void delete(int id, IfMatch ifMatch) {
		boolean deleted = ifMatch.constrainsVersion() ? this.incomes.deleteIfVersion(id, ifMatch.versions())
				: this.incomes.deleteById(id);
		if (!deleted) {
			throw ifMatch.constrainsVersion() ? staleOrMissing(id) : new IncomeNotFoundException();
		}
	}

	/** The current version of a record (its ETag); 404 if it does not exist. */
	@SingleStatement
	public int version(int id) {
		return this.incomes.findById(id).orElseThrow(IncomeNotFoundException::new).version();
	}

	/**
	 * Stores every draft in one transaction (one file replacement on JSON): all or none.
	 */
	@Transactional
	public int createAll(List<IncomeDraft> drafts) {
		return this.incomes.createAll(drafts).size();
	}

	@Transactional
	public int deleteAll(Collection<Integer> ids) {
		return this.incomes.deleteAllById(ids);
	}

	EntryRequestReader reader() {
		return this.reader;
	}

	private void requireExisting(int id) {
		if (!this.incomes.existsById(id)) {
			throw new IncomeNotFoundException();
		}
	}

}
