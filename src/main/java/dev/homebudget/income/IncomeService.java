package dev.homebudget.income;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import dev.homebudget.household.CurrentHousehold;
import dev.homebudget.ledger.EntryField;
import dev.homebudget.ledger.EntryPage;
import dev.homebudget.ledger.EntryQuery;
import dev.homebudget.ledger.EntryRepository;
import dev.homebudget.ledger.EntryRequestReader;
import dev.homebudget.ledger.EntryTotals;
import dev.homebudget.ledger.EntryValues;
import dev.homebudget.ledger.EntryWrites;
import dev.homebudget.ledger.PatchRequest;
import dev.homebudget.web.IfMatch;
import dev.homebudget.database.SingleStatement;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Income use cases. Checks keep the original's order: the shape of the body (422, in the
 * controller), then the existence of the record (404), then the meaning of the change
 * (400). Existence is only looked up separately when the change is refused, so a valid
 * update is a single statement. Reads run without a transaction of their own
 * ({@link SingleStatement}); every write is a transaction, which starts with who writes
 * and from where for the history triggers (see {@code dev.homebudget.history}); bulk use
 * cases are one transaction.
 */
@Service
public class IncomeService {

	private final EntryRepository<Income, IncomeDraft> incomes;

	private final CurrentHousehold household;

	private final EntryRequestReader reader = new EntryRequestReader(EntryField.INCOME_FIELDS);

	public IncomeService(EntryRepository<Income, IncomeDraft> incomes, CurrentHousehold household) {
		this.incomes = incomes;
		this.household = household;
	}

	/** The current household's rows. */
	private EntryRepository<Income, IncomeDraft> readable() {
		return this.incomes.forHousehold(this.household.forReading());
	}

	/** The current household's rows, if the caller may change them (403 for a viewer). */
	private EntryRepository<Income, IncomeDraft> writable() {
		return this.incomes.forHousehold(this.household.forWriting());
	}

	@SingleStatement
	public List<Income> list() {
		return readable().findAll();
	}

	/** Every row, in the order of {@link #list()}, without holding them all. */
	@Transactional(readOnly = true)
	public void streamAll(Consumer<? super Income> action) {
		readable().streamAll(action);
	}

	/** A filtered, ordered page; {@code next} is set when more rows may follow. */
	@SingleStatement
	public EntryPage<Income> find(EntryQuery query) {
		EntryQuery fetch = (query.limit() == null) ? query : query.withLimit(query.limit() + 1);
		return EntryPage.of(readable().find(fetch), query);
	}

	@SingleStatement
	public List<EntryTotals.Total> total(LocalDate from, LocalDate to) {
		return readable().total(from, to);
	}

	@SingleStatement
	public List<EntryTotals.ByCategory> totalsByCategory(LocalDate from, LocalDate to) {
		return readable().totalsByCategory(from, to);
	}

	/** Per category and currency of the rows matching the query's filters. */
	@SingleStatement
	public List<EntryTotals.ByCategory> totalsByCategory(EntryQuery query) {
		return readable().totalsByCategory(query);
	}

	@SingleStatement
	public List<EntryTotals.ByMonth> totalsByMonth(int year) {
		return readable().totalsByMonth(year);
	}

	/**
	 * The matching rows converted into {@code base} at the household's rates, in the
	 * groups asked for.
	 */
	@SingleStatement
	public List<EntryTotals.Converted> converted(EntryQuery query, EntryTotals.Grouping grouping, String base) {
		return readable().converted(query, grouping, base);
	}

	@SingleStatement
	public List<EntryTotals.ValueCount> distinctValues(EntryField field, int limit) {
		return readable().distinctValues(field, limit);
	}

	@Transactional
	public Income create(EntryValues values) {
		return writable().create(IncomeDraft.from(values));
	}

	/**
	 * Creates incomes all or none, with the checks of {@link #create} for each and a few
	 * statements for the whole list; the created incomes in the same order.
	 */
	@Transactional
	public List<Income> createEach(List<EntryValues> values) {
		return writable().createAll(values.stream().map(IncomeDraft::from).toList());
	}

	/** PUT: applies the fields present; an explicit null in a NOT NULL field is a 400. */
	@Transactional
	public Income replace(int id, EntryValues changes, IfMatch ifMatch) {
		return EntryWrites.replace(writable(), id, changes, ifMatch, IncomeNotFoundException::new);
	}

	/** PATCH: one field; an unknown field, {@code id}, or a bad value is a 400. */
	@Transactional
	public Income patch(int id, PatchRequest patch, IfMatch ifMatch) {
		return EntryWrites.patch(writable(), id, this.reader, patch, ifMatch, IncomeNotFoundException::new);
	}

	@Transactional
	public void delete(int id, IfMatch ifMatch) {
		EntryWrites.delete(writable(), id, ifMatch, IncomeNotFoundException::new);
	}

	/** The current version of a record (its ETag); 404 if it does not exist. */
	@SingleStatement
	public int version(int id) {
		return readable().findById(id).orElseThrow(IncomeNotFoundException::new).version();
	}

	/**
	 * Stores every draft in one transaction (one file replacement on JSON): all or none.
	 */
	@Transactional
	public int createAll(List<IncomeDraft> drafts) {
		return writable().createAll(drafts).size();
	}

	@Transactional
	public int deleteAll(Collection<Integer> ids) {
		return writable().deleteAllById(ids);
	}

	EntryRequestReader reader() {
		return this.reader;
	}

}
