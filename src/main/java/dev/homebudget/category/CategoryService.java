package dev.homebudget.category;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.homebudget.config.StorageMode;
import dev.homebudget.config.StorageProperties.StorageBackend;
import dev.homebudget.expense.Expense;
import dev.homebudget.expense.ExpenseDraft;
import dev.homebudget.household.CurrentHousehold;
import dev.homebudget.household.HouseholdRole;
import dev.homebudget.income.Income;
import dev.homebudget.income.IncomeDraft;
import dev.homebudget.ledger.CategoryNames;
import dev.homebudget.ledger.EntryRepository;
import dev.homebudget.ledger.Households;
import dev.homebudget.web.ApiException;
import dev.homebudget.web.IfMatch;
import dev.homebudget.web.PreconditionFailedException;
import org.apache.commons.text.similarity.LevenshteinDistance;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Category use cases. Categories live in PostgreSQL only: where the JSON files are the
 * primary store (phases P0 and P1) every use case answers 409. A change of a category's
 * name or a merge rewrites the text of its entries through their repository, so that a
 * JSON mirror (phase P2) copies them too.
 */
@Service
public class CategoryService {

	static final String NOT_FOUND = "Category not found";

	/** Categories one household may have, so that every list of them stays small. */
	static final int MAX_PER_HOUSEHOLD = 1000;

	/** Names of this many characters or more can be one letter off from another. */
	private static final int TYPO_MIN_LENGTH = 4;

	private static final LevenshteinDistance ONE_EDIT = new LevenshteinDistance(1);

	private final CategoryStore store;

	private final CurrentHousehold household;

	private final StorageMode storage;

	private final EntryRepository<Expense, ExpenseDraft> expenses;

	private final EntryRepository<Income, IncomeDraft> incomes;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	CategoryService(CategoryStore store, CurrentHousehold household, StorageMode storage,
			EntryRepository<Expense, ExpenseDraft> expenses, EntryRepository<Income, IncomeDraft> incomes,
			PlatformTransactionManager transactionManager, ApplicationEventPublisher events) {
		this.events = events;
		this.store = store;
		this.household = household;
		this.storage = storage;
		this.expenses = expenses;
		this.incomes = incomes;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** What a new category is given. */
	record Draft(CategoryKind kind, String name, Integer parentId, String colour, int position) {

	}

	/** The fields a change sets (null: left as it is). */
	record Change(String name, boolean parentGiven, Integer parentId, boolean colourGiven, String colour,
			Boolean archived, Integer position) {

	}

	/** The outcome of a merge: the category merged into, and how many entries moved. */
	record Merged(Category into, int moved) {

	}

	/** Two categories that may be one. */
	record Duplicate(Category first, Category second, String reason) {

	}

	/**
	 * Whether an entry written through the API must name a category the household already
	 * has (strict), rather than creating the one it names.
	 */
	public boolean strict() {
		return this.store.strict(readable());
	}

	/** Turns strict categories on or off (owners only). */
	public boolean setStrict(boolean strict) {
		requirePostgresPrimary();
		CurrentHousehold.Membership membership = this.household.membership();
		if (membership.role() != HouseholdRole.OWNER) {
			throw new ApiException(HttpStatus.FORBIDDEN, "Only an owner of the household can change its settings");
		}
		this.store.setStrict(membership.household(), strict);
		return strict;
	}

	List<Category> list(CategoryKind kind) {
		return this.store.list(readable(), kind);
	}

	Category get(int id) {
		return this.store.find(readable(), id).orElseThrow(CategoryService::notFound);
	}

	Category create(Draft draft) {
		int household = writable();
		return this.transactions.execute((status) -> {
			if (this.store.count(household) >= MAX_PER_HOUSEHOLD) {
				throw new ApiException(HttpStatus.CONFLICT,
						"A household has at most " + MAX_PER_HOUSEHOLD + " categories; merge or delete some first");
			}
			if (draft.parentId() != null) {
				requireGroup(household, draft.kind(), draft.parentId(), null);
			}
			requireFreeName(household, draft.kind(), draft.parentId(), draft.name(), null);
			int id = this.store.create(household, draft.kind(), draft.name(), draft.parentId(), draft.colour(),
					draft.position());
			return this.store.find(household, id).orElseThrow();
		});
	}

	Category update(int id, Change change, IfMatch ifMatch) {
		int household = writable();
		return this.transactions.execute((status) -> {
			this.store.lock(household, id);
			Category current = this.store.find(household, id).orElseThrow(CategoryService::notFound);
			requireVersion(current, ifMatch);
			Category changed = current;
			if (change.parentGiven() && !java.util.Objects.equals(change.parentId(), current.parentId())) {
				if (change.parentId() != null) {
					if (this.store.hasChildren(household, id)) {
						throw invalid("parent_id", "Value error, a group cannot go inside another group", null);
					}
					requireGroup(household, current.kind(), change.parentId(), id);
				}
				changed = changed.withParent(change.parentId());
			}
			if (change.name() != null) {
				changed = changed.withName(change.name());
			}
			if (change.name() != null || change.parentGiven()) {
				requireFreeName(household, current.kind(), changed.parentId(), changed.name(), id);
			}
			if (change.colourGiven()) {
				changed = changed.withColour(change.colour());
			}
			if (change.archived() != null) {
				changed = changed.withArchived(change.archived());
			}
			if (change.position() != null) {
				changed = changed.withPosition(change.position());
			}
			this.store.update(household, changed, null);
			String spelling = CategoryNames.spelling(changed.name());
			if (!spelling.equals(current.name())) {
				if (!CategoryNames.sameCategory(spelling, current.name())) {
					// the old name keeps leading here
					this.store.alias(household, current.kind(), current.key(), id);
				}
				entries(current.kind(), household).moveCategory(id, id, spelling);
			}
			return this.store.find(household, id).orElseThrow();
		});
	}

	/**
	 * Moves every entry of one category into another, then removes it; its name (and the
	 * names that led to it) lead to the other from now on. A group's categories move into
	 * the other group.
	 */
	Merged merge(int id, int into) {
		int household = writable();
		return this.transactions.execute((status) -> {
			this.store.lock(household, id, into);
			Category from = this.store.find(household, id).orElseThrow(CategoryService::notFound);
			Category to = this.store.find(household, into)
				.orElseThrow(() -> invalid("into", "Value error, no such category in this household", into));
			if (from.id() == to.id()) {
				throw invalid("into", "Value error, a category cannot be merged into itself", into);
			}
			if (from.kind() != to.kind()) {
				throw invalid("into", "Value error, an " + from.kind().value() + " category can only be merged into "
						+ "another " + from.kind().value() + " category", into);
			}
			if (this.store.hasChildren(household, from.id())) {
				if (to.parentId() != null) {
					throw invalid("into",
							"Value error, a group's categories can only move into another group (a top-level category)",
							into);
				}
				List<String> clashes = this.store.clashingChildren(household, from.id(), to.id());
				if (!clashes.isEmpty()) {
					throw new ApiException(HttpStatus.CONFLICT,
							"Both groups have a category named " + String.join(", ", clashes) + "; merge those first");
				}
				this.store.reparentChildren(household, from.id(), to.id());
			}
			int moved = entries(from.kind(), household).moveCategory(from.id(), to.id(), to.name()).size();
			this.events.publishEvent(new CategoryMerged(household, from.id(), to.id()));
			this.store.moveAliases(household, from.id(), to.id());
			this.store.alias(household, from.kind(), from.key(), to.id());
			this.store.delete(household, from.id());
			return new Merged(this.store.find(household, to.id()).orElseThrow(), moved);
		});
	}

	/** Deletes a category that holds no entries and no categories. */
	void delete(int id, IfMatch ifMatch) {
		int household = writable();
		this.transactions.executeWithoutResult((status) -> {
			this.store.lock(household, id);
			Category current = this.store.find(household, id).orElseThrow(CategoryService::notFound);
			requireVersion(current, ifMatch);
			if (current.entries() > 0) {
				throw new ApiException(HttpStatus.CONFLICT, "This category holds " + current.entries()
						+ " entries; merge it into another category (or archive it) instead");
			}
			if (this.store.hasChildren(household, id)) {
				throw new ApiException(HttpStatus.CONFLICT, "This group holds categories; move or merge them first");
			}
			this.store.delete(household, id);
		});
	}

	/**
	 * Pairs of categories of one kind that are likely one: the same name in two groups,
	 * or names one letter apart (a typo). At most {@code limit} pairs, most used first.
	 */
	List<Duplicate> duplicates(int limit) {
		List<Category> all = this.store.list(readable(), null);
		List<Duplicate> pairs = new ArrayList<>();
		for (int i = 0; i < all.size(); i++) {
			for (int j = i + 1; j < all.size(); j++) {
				Category a = all.get(i);
				Category b = all.get(j);
				if (a.kind() != b.kind()) {
					continue;
				}
				if (a.key().equals(b.key())) {
					pairs.add(new Duplicate(a, b, "the same name in two groups"));
				}
				else if (Math.min(a.key().length(), b.key().length()) >= TYPO_MIN_LENGTH
						&& ONE_EDIT.apply(a.key(), b.key()) == 1) {
					pairs.add(new Duplicate(a, b, "one letter apart"));
				}
			}
		}
		pairs.sort(java.util.Comparator
			.comparingLong((Duplicate pair) -> -(pair.first().entries() + pair.second().entries()))
			.thenComparingInt((pair) -> pair.first().id()));
		return pairs.subList(0, Math.min(limit, pairs.size()));
	}

	/** The category and account last used with a business (ignoring case). */
	Optional<Suggestion> suggest(String business) {
		return this.store.lastUsedWith(readable(), business);
	}

	private EntryRepository<?, ?> entries(CategoryKind kind, int household) {
		return ((kind == CategoryKind.EXPENSE) ? this.expenses : this.incomes).forHousehold(household);
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
			throw Households.needsPostgresPrimary("Categories");
		}
	}

	private void requireGroup(int household, CategoryKind kind, int parent, Integer self) {
		Category group = this.store.find(household, parent)
			.orElseThrow(() -> invalid("parent_id", "Value error, no such category in this household", parent));
		if (self != null && group.id() == self) {
			throw invalid("parent_id", "Value error, a category cannot be its own group", parent);
		}
		if (group.kind() != kind) {
			throw invalid("parent_id", "Value error, the group must be an " + kind.value() + " category", parent);
		}
		if (group.parentId() != null) {
			throw invalid("parent_id", "Value error, groups have two levels: this category is inside a group itself",
					parent);
		}
	}

	private void requireFreeName(int household, CategoryKind kind, Integer parent, String name, Integer self) {
		if (this.store.nameTaken(household, kind, parent, name, self)) {
			throw new ApiException(HttpStatus.CONFLICT, "A category named '" + CategoryNames.spelling(name)
					+ "' already exists " + ((parent == null) ? "outside groups" : "in this group"));
		}
	}

	private static void requireVersion(Category current, IfMatch ifMatch) {
		if (ifMatch.constrainsVersion() && !ifMatch.versions().contains(current.version())) {
			throw new PreconditionFailedException(current.version());
		}
	}

	static ApiException notFound() {
		return new ApiException(HttpStatus.NOT_FOUND, NOT_FOUND);
	}

	private static dev.homebudget.web.RequestValidationException invalid(String field, String message, Object input) {
		return dev.homebudget.web.JsonObjectBody.invalidField(field, message, input);
	}

}
