package dev.homebudget.income;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import dev.homebudget.shared.ApiException;
import dev.homebudget.shared.EntryField;
import dev.homebudget.shared.EntryPage;
import dev.homebudget.shared.EntryQuery;
import dev.homebudget.shared.EntryTotals;
import dev.homebudget.shared.EntryRequestReader;
import dev.homebudget.shared.EntryValues;
import dev.homebudget.shared.PatchRequest;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Income use cases. Checks keep the original's order: the shape of the body (422, in the
 * controller), then the existence of the record (404), then the meaning of the change
 * (400). Existence is only looked up separately when the change is refused, so a valid
 * update is a single statement. Each use case is one transaction.
 */
@Service
public class IncomeService {

	private final IncomeRepository incomes;

	private final EntryRequestReader reader = new EntryRequestReader(EntryField.INCOME_FIELDS);

	public IncomeService(IncomeRepository incomes) {
		this.incomes = incomes;
	}

	@Transactional(readOnly = true)
	public List<Income> list() {
		return this.incomes.findAll();
	}

	/** A filtered, ordered page; {@code next} is set when more rows may follow. */
	@Transactional(readOnly = true)
	public EntryPage<Income> find(EntryQuery query) {
		EntryQuery fetch = (query.limit() == null) ? query : query.withLimit(query.limit() + 1);
		return EntryPage.of(this.incomes.find(fetch), query, (row) -> sortKey(row, query), Income::id);
	}

	@Transactional(readOnly = true)
	public EntryTotals.Total total(LocalDate from, LocalDate to) {
		return this.incomes.total(from, to);
	}

	@Transactional(readOnly = true)
	public List<EntryTotals.ByCategory> totalsByCategory(LocalDate from, LocalDate to) {
		return this.incomes.totalsByCategory(from, to);
	}

	@Transactional(readOnly = true)
	public List<EntryTotals.ByMonth> totalsByMonth(int year) {
		return this.incomes.totalsByMonth(year);
	}

	@Transactional(readOnly = true)
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

	@Transactional
	public Income create(EntryValues values) {
		return this.incomes.create(IncomeDraft.from(values));
	}

	/** PUT: applies the fields present; an explicit null in a NOT NULL field is a 400. */
	@Transactional
	public Income replace(int id, EntryValues changes) {
		if (changes.firstNullInRequiredField().isPresent()) {
			requireExisting(id);
			EntryRequestReader.requireNotNull(changes);
		}
		return this.incomes.update(id, changes).orElseThrow(IncomeNotFoundException::new);
	}

	/** PATCH: one field; an unknown field, {@code id}, or a bad value is a 400. */
	@Transactional
	public Income patch(int id, PatchRequest patch) {
		EntryValues change;
		try {
			change = this.reader.readPatchValue(patch);
		}
		catch (ApiException ex) {
			requireExisting(id);
			throw ex;
		}
		return this.incomes.update(id, change).orElseThrow(IncomeNotFoundException::new);
	}

	@Transactional
	public void delete(int id) {
		if (!this.incomes.deleteById(id)) {
			throw new IncomeNotFoundException();
		}
	}

	/** Stores every draft in one transaction: all or none. */
	@Transactional
	public int createAll(List<IncomeDraft> drafts) {
		drafts.forEach(this.incomes::create);
		return drafts.size();
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
