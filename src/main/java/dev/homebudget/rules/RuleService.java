package dev.homebudget.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.homebudget.config.StorageMode;
import dev.homebudget.config.StorageProperties.StorageBackend;
import dev.homebudget.expense.ExpenseEntries;
import dev.homebudget.expense.ExpenseNotFoundException;
import dev.homebudget.household.CurrentHousehold;
import dev.homebudget.income.IncomeNotFoundException;
import dev.homebudget.income.IncomeService;
import dev.homebudget.ledger.CategoryNames;
import dev.homebudget.ledger.EntryField;
import dev.homebudget.ledger.EntryValues;
import dev.homebudget.ledger.Households;
import dev.homebudget.settle.ExpenseSplits;
import dev.homebudget.settle.SplitRequest;
import dev.homebudget.web.ApiException;
import dev.homebudget.web.IfMatch;
import dev.homebudget.web.JsonObjectBody;
import dev.homebudget.web.PreconditionFailedException;
import dev.homebudget.web.RequestValidationException;
import dev.homebudget.web.ValidationIssue;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rule use cases for the current household: the list, one rule, create, replace, delete,
 * reorder, and a rule applied to existing entries (a preview, then the change itself).
 * PostgreSQL as the primary store only (P2, P3; 409 before); a viewer reads rules and
 * previews and changes nothing (403).
 */
@Service
class RuleService {

	/** Rules a household keeps at most. */
	static final int MAX_RULES = 200;

	/** Entries of each kind a preview or an apply looks at: the newest ones. */
	static final int MAX_SCANNED = 20_000;

	/** Changes a preview lists at most. */
	static final int MAX_PREVIEWED = 200;

	/** Hand corrections of one business to one category that suggest a rule. */
	static final int SUGGEST_AFTER = 3;

	/** Suggestions answered at most, and the expense updates they are looked for in. */
	static final int MAX_SUGGESTIONS = 20;

	static final int SUGGESTION_WINDOW = 5_000;

	/** Entries one apply changes at most; the rest wait for the next call. */
	static final int MAX_APPLIED = 500;

	private final RuleStore store;

	private final CurrentHousehold household;

	private final StorageMode storage;

	private final ExpenseSplits splits;

	private final ExpenseEntries expenses;

	private final IncomeService incomes;

	private final TransactionTemplate transactions;

	RuleService(RuleStore store, CurrentHousehold household, StorageMode storage, ExpenseSplits splits,
			ExpenseEntries expenses, IncomeService incomes, PlatformTransactionManager transactionManager) {
		this.store = store;
		this.household = household;
		this.storage = storage;
		this.splits = splits;
		this.expenses = expenses;
		this.incomes = incomes;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** One entry a rule would change: the fields before and after. */
	record Change(String kind, int id, int version, RuleSubject before, RuleSubject after) {

	}

	/**
	 * What applying a rule to existing entries would do.
	 *
	 * @param scanned entries looked at
	 * @param limited whether the household has more entries than were looked at
	 * @param changes the entries it would change (at most {@code MAX_PREVIEWED} in a
	 * preview)
	 * @param total how many it would change
	 * @param tooSlow entries its pattern was stopped on (treated as not matching)
	 */
	record Preview(Rule rule, int scanned, boolean limited, List<Change> changes, int total, int tooSlow) {

	}

	/** What an apply changed, and how many changes wait for another call. */
	record Applied(Rule rule, List<Change> changed, int remaining) {

	}

	/**
	 * A rule worth adding: a business moved by hand to one category {@code entries}
	 * times.
	 */
	record Suggestion(String business, String category, int entries) {

	}

	/**
	 * Businesses whose expenses were moved by hand to the same category at least
	 * {@code SUGGEST_AFTER} times, where no rule puts that business in a category yet.
	 */
	List<Suggestion> suggestions() {
		int household = readable();
		List<Rule> rules = this.store.list(household, MAX_RULES);
		List<Suggestion> suggestions = new ArrayList<>();
		for (RuleStore.Correction correction : this.store.corrections(household, SUGGEST_AFTER, SUGGESTION_WINDOW,
				MAX_SUGGESTIONS * 2)) {
			if (suggestions.size() < MAX_SUGGESTIONS && !covered(rules, correction.business())) {
				suggestions.add(new Suggestion(correction.business(), correction.category(), correction.entries()));
			}
		}
		return suggestions;
	}

	/** Whether an enabled rule sets the category of an expense of this business. */
	private static boolean covered(List<Rule> rules, String business) {
		for (Rule rule : rules) {
			Rule.Conditions c = rule.conditions();
			if (!rule.enabled() || rule.actions().category() == null
					|| (c.kind() != null && !c.kind().equals(RuleSubject.EXPENSE)) || c.payee() == null) {
				continue;
			}
			if (c.payee().test(business) == Rule.Match.YES) {
				return true;
			}
		}
		return false;
	}

	List<Rule> list() {
		return this.store.list(readable(), MAX_RULES);
	}

	Rule get(int id) {
		return find(readable(), id);
	}

	Rule create(RuleStore.Draft draft) {
		int household = writable();
		checkMembers(household, draft.actions());
		return this.transactions.execute((status) -> {
			this.store.lock(household);
			if (this.store.count(household) >= MAX_RULES) {
				throw new ApiException(HttpStatus.CONFLICT,
						"A household keeps at most " + MAX_RULES + " rules; delete one first");
			}
			return this.store.find(household, this.store.insert(household, draft)).orElseThrow();
		});
	}

	Rule replace(int id, java.util.function.UnaryOperator<RuleStore.Draft> change, IfMatch ifMatch) {
		int household = writable();
		return this.transactions.execute((status) -> {
			Rule before = find(household, id);
			RuleStore.Draft draft = change.apply(new RuleStore.Draft(before.name(), before.enabled(), before.stop(),
					before.conditions(), before.actions()));
			checkMembers(household, draft.actions());
			if (!this.store.update(household, id, draft, ifMatch)) {
				throw new PreconditionFailedException(before.version());
			}
			return this.store.find(household, id).orElseThrow();
		});
	}

	void delete(int id, IfMatch ifMatch) {
		int household = writable();
		this.transactions.executeWithoutResult((status) -> {
			Rule rule = find(household, id);
			if (!this.store.delete(household, id, ifMatch)) {
				throw new PreconditionFailedException(rule.version());
			}
		});
	}

	/**
	 * Puts the rules in the order given, which must name every rule of the household
	 * once: a list read before another rule was added or deleted is refused (409), so
	 * nothing is put in an order nobody chose.
	 */
	List<Rule> reorder(List<Integer> ids) {
		int household = writable();
		return this.transactions.execute((status) -> {
			this.store.lock(household);
			List<Rule> current = this.store.list(household, MAX_RULES);
			Set<Integer> have = new HashSet<>();
			current.forEach((rule) -> have.add(rule.id()));
			Set<Integer> given = new HashSet<>(ids);
			if (given.size() != ids.size()) {
				throw JsonObjectBody.invalidField("ids", "Value error, each rule is named once", ids);
			}
			if (!given.equals(have)) {
				throw new ApiException(HttpStatus.CONFLICT,
						"The list of rules changed since it was read (a rule was added or deleted); "
								+ "read it again and send every rule's id once");
			}
			this.store.reorder(household, ids);
			return this.store.list(household, MAX_RULES);
		});
	}

	Preview preview(int id) {
		int household = readable();
		return this.transactions.execute((status) -> {
			Preview all = changes(household, find(household, id), Integer.MAX_VALUE);
			List<Change> shown = (all.changes().size() > MAX_PREVIEWED) ? all.changes().subList(0, MAX_PREVIEWED)
					: all.changes();
			return new Preview(all.rule(), all.scanned(), all.limited(), List.copyOf(shown), all.total(),
					all.tooSlow());
		});
	}

	/**
	 * Writes a rule's changes to existing entries in one transaction, each through the
	 * normal update path (its checks, its history event), at most {@code MAX_APPLIED};
	 * calling again goes on with the rest.
	 */
	Applied apply(int id, IfMatch ifMatch) {
		int household = writable();
		return this.transactions.execute((status) -> {
			Rule rule = find(household, id);
			if (ifMatch.constrainsVersion() && !ifMatch.versions().contains(rule.version())) {
				throw new PreconditionFailedException(rule.version());
			}
			Preview all = changes(household, rule, Integer.MAX_VALUE);
			List<Change> now = (all.changes().size() > MAX_APPLIED) ? all.changes().subList(0, MAX_APPLIED)
					: all.changes();
			for (Change change : now) {
				write(change);
			}
			return new Applied(rule, List.copyOf(now), all.total() - now.size());
		});
	}

	private void write(Change change) {
		RuleSubject before = change.before();
		RuleSubject after = change.after();
		EntryValues.Builder values = EntryValues.builder();
		if (!Objects.equals(before.category(), after.category())) {
			values.put(EntryField.CATEGORY, after.category());
		}
		if (!Objects.equals(before.account(), after.account())) {
			values.put(EntryField.ACCOUNT, after.account());
		}
		if (!Objects.equals(before.notes(), after.notes())) {
			values.put(EntryField.NOTES, after.notes());
		}
		IfMatch version = new IfMatch(true, false, List.of(change.version()));
		try {
			if (RuleSubject.EXPENSE.equals(change.kind())) {
				if (!Objects.equals(before.business(), after.business())) {
					values.put(EntryField.BUSINESS, after.business());
				}
				boolean paidBy = !Objects.equals(before.paidBy(), after.paidBy());
				boolean forWhom = !Objects.equals(before.forWhom(), after.forWhom());
				SplitRequest split = (paidBy || forWhom)
						? new SplitRequest(paidBy, after.paidBy(), forWhom, after.forWhom(), null) : SplitRequest.NONE;
				this.expenses.replace(change.id(), values.build(), split, version);
			}
			else {
				this.incomes.replace(change.id(), values.build(), version);
			}
		}
		catch (RequestValidationException ex) {
			// name the entry the refused change is for
			List<ValidationIssue> issues = new ArrayList<>();
			for (ValidationIssue issue : ex.issues()) {
				List<Object> loc = new ArrayList<>(List.of(change.kind(), change.id()));
				loc.addAll(issue.loc().subList(Math.min(1, issue.loc().size()), issue.loc().size()));
				issues.add(new ValidationIssue(issue.type(), loc,
						"The " + change.kind() + " " + change.id() + ": " + issue.msg(), issue.input(), issue.ctx()));
			}
			throw new RequestValidationException(issues);
		}
		catch (ExpenseNotFoundException | IncomeNotFoundException ex) {
			throw new ApiException(HttpStatus.CONFLICT,
					"The " + change.kind() + " " + change.id() + " was deleted meanwhile; preview again");
		}
	}

	/** Every entry the rule would change, newest first. */
	private Preview changes(int household, Rule rule, int limit) {
		Rule enabled = new Rule(rule.id(), rule.name(), true, rule.position(), false, rule.conditions(), rule.actions(),
				rule.version());
		RuleBook book = new RuleBook(List.of(enabled));
		List<Change> changes = new ArrayList<>();
		int scanned = 0;
		int tooSlow = 0;
		int total = 0;
		boolean limited = false;
		for (String kind : List.of(RuleSubject.EXPENSE, RuleSubject.INCOME)) {
			if (rule.conditions().kind() != null && !rule.conditions().kind().equals(kind)) {
				continue;
			}
			List<RuleStore.Entry> entries = this.store.entries(household, kind, MAX_SCANNED);
			scanned += entries.size();
			limited |= entries.size() == MAX_SCANNED && this.store.countEntries(household, kind) > MAX_SCANNED;
			for (RuleStore.Entry entry : entries) {
				RuleBook.Outcome outcome = book.apply(entry.subject());
				tooSlow += outcome.tooSlow().size();
				if (outcome.applied() && differs(entry.subject(), outcome.row())) {
					total++;
					if (changes.size() < limit) {
						changes.add(new Change(kind, entry.id(), entry.version(), entry.subject(), outcome.row()));
					}
				}
			}
		}
		return new Preview(rule, scanned, limited, changes, total, tooSlow);
	}

	/** Whether a field differs; a category only by more than case and spaces. */
	private static boolean differs(RuleSubject before, RuleSubject after) {
		boolean category = (before.category() == null || after.category() == null)
				? !Objects.equals(before.category(), after.category())
				: !CategoryNames.sameCategory(before.category(), after.category());
		return category || !Objects.equals(before.business(), after.business())
				|| !Objects.equals(before.account(), after.account()) || !Objects.equals(before.notes(), after.notes())
				|| !Objects.equals(before.paidBy(), after.paidBy())
				|| !Objects.equals(before.forWhom(), after.forWhom());
	}

	/** Who paid and for whom name members of this household, in sign-in mode only. */
	private void checkMembers(int household, Rule.Actions actions) {
		if (!actions.namesMembers()) {
			return;
		}
		String field = (actions.paidBy() != null) ? "paid_by" : "for_whom";
		if (!this.splits.active()) {
			throw new RequestValidationException(new ValidationIssue("value_error", List.of("body", "actions", field),
					"Value error, who paid and for whom name members: they need sign-in mode on PostgreSQL alone "
							+ "(storage phase P3)",
					(actions.paidBy() != null) ? actions.paidBy() : actions.forWhom(), null));
		}
		Set<Integer> members = this.splits.members(household);
		List<ValidationIssue> issues = new ArrayList<>();
		if (actions.paidBy() != null && !members.contains(actions.paidBy())) {
			issues.add(new ValidationIssue("value_error", List.of("body", "actions", "paid_by"),
					"Value error, user " + actions.paidBy() + " is not a member of this household", actions.paidBy(),
					null));
		}
		if (actions.forWhom() != null && !members.contains(actions.forWhom())) {
			issues.add(new ValidationIssue("value_error", List.of("body", "actions", "for_whom"),
					"Value error, user " + actions.forWhom() + " is not a member of this household", actions.forWhom(),
					null));
		}
		if (!issues.isEmpty()) {
			throw new RequestValidationException(issues);
		}
	}

	private Rule find(int household, int id) {
		return this.store.find(household, id).orElseThrow(RuleService::notFound);
	}

	static ApiException notFound() {
		return new ApiException(HttpStatus.NOT_FOUND, "Rule not found");
	}

	int readable() {
		requirePostgresPrimary();
		return this.household.forReading();
	}

	int writable() {
		requirePostgresPrimary();
		return this.household.forWriting();
	}

	private void requirePostgresPrimary() {
		if (this.storage.phase().primary() != StorageBackend.POSTGRES) {
			throw Households.needsPostgresPrimary("Rules");
		}
	}

}
