package dev.homebudget.schedule;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.homebudget.expense.Expense;
import dev.homebudget.expense.ExpenseEntries;
import dev.homebudget.household.CurrentHousehold;
import dev.homebudget.income.Income;
import dev.homebudget.income.IncomeService;
import dev.homebudget.ledger.EntryValues;
import dev.homebudget.settle.ExpenseSplits;
import dev.homebudget.settle.Share;
import dev.homebudget.settle.SplitRequest;

import org.springframework.stereotype.Component;

/**
 * Posts one claimed occurrence as an ordinary expense or income, through the expense and
 * income services (so categories, currencies, payers and shares and the budgets' caches
 * follow their usual rules), and links the occurrence to it. Runs in the caller's
 * transaction: the occurrence's row and its entry are committed together or not at all.
 */
@Component
class EntryPosting {

	private final ExpenseEntries expenses;

	private final IncomeService incomes;

	private final ExpenseSplits splits;

	private final CurrentHousehold household;

	private final ScheduleStore store;

	private final SplitSettings splitSettings;

	EntryPosting(ExpenseEntries expenses, IncomeService incomes, ExpenseSplits splits, CurrentHousehold household,
			ScheduleStore store, SplitSettings splitSettings) {
		this.expenses = expenses;
		this.incomes = incomes;
		this.splits = splits;
		this.household = household;
		this.store = store;
		this.splitSettings = splitSettings;
	}

	/** An entry created for an occurrence. */
	record Posted(Recurrence.Occurrence occurrence, int entryId, BigDecimal amount) {

	}

	/**
	 * Posts an occurrence the app found due: in the schedule's household, as its creator.
	 */
	int postAsCreator(Schedule schedule, Recurrence.Occurrence occurrence, BigDecimal amount) {
		return this.household.actingAs(schedule.household(), schedule.createdBy(), schedule.creatorName(),
				() -> post(schedule, occurrence, amount));
	}

	/**
	 * Creates the entries of occurrences the app found due, in the schedule's household
	 * as its creator, without linking them: the caller stores their occurrence rows in
	 * the same transaction ({@link ScheduleStore#insertPosted}).
	 */
	List<Posted> createAsCreator(Schedule schedule, List<Recurrence.Occurrence> occurrences) {
		return this.household.actingAs(schedule.household(), schedule.createdBy(), schedule.creatorName(), () -> {
			ScheduleTemplate template = schedule.entryTemplate();
			List<EntryValues> values = occurrences.stream()
				.map((o) -> template.values(o.date(), schedule.amount(o.seq()), schedule.note(o.seq())))
				.toList();
			List<Integer> ids;
			if ("expense".equals(schedule.kind())) {
				Function<BigDecimal, SplitRequest> split = split(schedule.household(), template);
				ids = this.expenses.createAll(values, values.stream().map((v) -> split.apply(v.amount())).toList())
					.stream()
					.map(Expense::id)
					.toList();
			}
			else {
				ids = this.incomes.createEach(values).stream().map(Income::id).toList();
			}
			List<Posted> posted = new ArrayList<>(ids.size());
			for (int i = 0; i < ids.size(); i++) {
				posted.add(new Posted(occurrences.get(i), ids.get(i), values.get(i).amount()));
			}
			return posted;
		});
	}

	/** Posts an occurrence as the caller (a confirmation), in the caller's household. */
	int post(Schedule schedule, Recurrence.Occurrence occurrence, BigDecimal amount) {
		Posted posted = create(schedule, schedule.entryTemplate(), occurrence, amount);
		this.store.posted(schedule.id(), occurrence.due(), schedule.kind(), posted.entryId(), posted.amount());
		return posted.entryId();
	}

	private Posted create(Schedule schedule, ScheduleTemplate template, Recurrence.Occurrence occurrence,
			BigDecimal amount) {
		EntryValues values = template.values(occurrence.date(), amount, schedule.note(occurrence.seq()));
		int id;
		if ("expense".equals(schedule.kind())) {
			id = this.expenses.create(values, split(schedule.household(), template).apply(values.amount())).id();
		}
		else {
			id = this.incomes.create(values).id();
		}
		return new Posted(occurrence, id, values.amount());
	}

	/**
	 * The template's own payer fields; else, where payers are kept and the household set
	 * a default split, shares by its weights among those still members.
	 */
	private Function<BigDecimal, SplitRequest> split(int household, ScheduleTemplate template) {
		SplitRequest own = template.split();
		if (template.namesSplit() || !this.splits.active()) {
			return (amount) -> own;
		}
		Map<Integer, BigDecimal> weights = this.splitSettings.weights(household);
		if (weights.isEmpty()) {
			return (amount) -> own;
		}
		Set<Integer> members = this.splits.members(household);
		Map<Integer, BigDecimal> current = new LinkedHashMap<>(weights);
		current.keySet().retainAll(members);
		if (current.isEmpty()) {
			return (amount) -> own;
		}
		return (amount) -> {
			List<Share> shares = DefaultSplit.of(amount, current);
			return shares.isEmpty() ? own : new SplitRequest(false, null, false, null, shares);
		};
	}

}
