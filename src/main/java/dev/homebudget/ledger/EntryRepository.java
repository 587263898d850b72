package dev.homebudget.ledger;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where entries of one kind (expenses or incomes) are kept: PostgreSQL
 * ({@link JdbcEntries}), or in the JSON era the files or both, as the
 * {@link EntryStorage} chosen at startup provides. Lists are ordered by date descending,
 * then id descending, so the order of equal dates is stable.
 *
 * @param <E> a stored entry
 * @param <D> an entry not stored yet
 */
public interface EntryRepository<E extends StoredEntry, D> {

	/**
	 * The same store limited to one household's rows: reads see only them, creates put
	 * rows in it, and changes and deletes reach only them (another household's id is
	 * absent). This instance itself works on household {@link Households#FIRST}. The
	 * stores of the JSON era hold no households: they are the first one's alone.
	 * @throws dev.homebudget.web.ApiException 409 when the store holds only the first
	 * household
	 */
	default EntryRepository<E, D> forHousehold(int household) {
		Households.requireFirst(household);
		return this;
	}

	List<E> findAll();

	/**
	 * Hands the rows of {@link #findAll()} to {@code action} in order; implementations
	 * that can fetch in batches keep only a batch in memory.
	 */
	default void streamAll(Consumer<? super E> action) {
		findAll().forEach(action);
	}

	Optional<E> findById(int id);

	/** The existing rows among the ids (each once), in no particular order. */
	List<E> findAllById(Collection<Integer> ids);

	boolean existsById(int id);

	E create(D draft);

	/** Stores every draft, all or none; the created rows in the drafts' order. */
	List<E> createAll(List<D> drafts);

	/**
	 * Stores each entry under its own id and with its own version, inserting it or
	 * replacing every field of the row with that id. Mirrors a store that assigns ids
	 * (and versions: an ETag the primary handed out means the same in the mirror, so a
	 * switch of phases keeps it); ids this store assigns later stay ahead of the ones
	 * written here.
	 */
	void putAll(Collection<E> entries);

	/** Applies the present fields in one statement; empty if the id does not exist. */
	Optional<E> update(int id, EntryValues changes);

	/**
	 * Applies the present fields only if the stored version is one of {@code versions},
	 * in one statement; empty if the id does not exist or its version differs.
	 */
	Optional<E> updateIfVersion(int id, Collection<Integer> versions, EntryValues changes);

	/** Deletes the row only if its version is one of {@code versions}. */
	boolean deleteIfVersion(int id, Collection<Integer> versions);

	boolean deleteById(int id);

	/**
	 * Moves every entry of one category to another, or renames their category when both
	 * are the same: each gets {@code name} as its text and a new version, in one
	 * statement. Only a store that keeps categories can (PostgreSQL as the primary).
	 * @return the ids of the entries moved
	 * @throws dev.homebudget.web.ApiException 409 for the JSON files
	 */
	default List<Integer> moveCategory(int fromCategory, int toCategory, String name) {
		throw Households.needsPostgresPrimary("Categories");
	}

	/** Deletes every existing row among the ids; returns how many rows were deleted. */
	int deleteAllById(Collection<Integer> ids);

	long count();

	/**
	 * Keeps ids assigned by the store ahead of every stored id, after ids were written
	 * explicitly (an import, or a mirror of a store that assigns its own ids).
	 */
	void keepIdentityAheadOfIds();

	/**
	 * Rows matching the query's filters, in its order, after its cursor; at most
	 * {@code query.limit()} rows (all when null).
	 */
	List<E> find(EntryQuery query);

	/**
	 * Sum and count per currency over an inclusive date range (null bounds are open);
	 * empty when there is none. Currencies by code.
	 */
	List<EntryTotals.Total> total(LocalDate from, LocalDate to);

	/**
	 * Totals per category and currency over an inclusive date range, largest first.
	 */
	List<EntryTotals.ByCategory> totalsByCategory(LocalDate from, LocalDate to);

	/**
	 * Totals per category and currency of the rows matching the query's filters (its
	 * order and page are ignored), largest first.
	 */
	List<EntryTotals.ByCategory> totalsByCategory(EntryQuery query);

	/**
	 * Totals per month and currency of a year; months without entries are absent.
	 */
	List<EntryTotals.ByMonth> totalsByMonth(int year);

	/**
	 * Count, total, average, min and max per currency of the rows matching the query's
	 * filters (its order and page are ignored); empty when none match.
	 */
	List<EntryTotals.Stats> stats(EntryQuery query);

	/**
	 * The rows matching the query's filters converted into {@code base}, each at the rate
	 * on or before its date, in the groups asked for. A store without exchange rates (the
	 * JSON files) converts only what is already in {@code base}. A null {@code base} is
	 * the household's own, read by the same statement (PostgreSQL only: the JSON files'
	 * stores need it named).
	 */
	List<EntryTotals.Converted> converted(EntryQuery query, EntryTotals.Grouping grouping, String base);

	/** Distinct non-empty values of a text field, most used first. */
	List<EntryTotals.ValueCount> distinctValues(EntryField field, int limit);

}
