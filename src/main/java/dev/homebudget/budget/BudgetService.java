package dev.homebudget.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import dev.homebudget.category.CategoryMerged;
import dev.homebudget.currency.HouseholdCurrency;
import dev.homebudget.household.CurrentHousehold;
import dev.homebudget.income.IncomeService;
import dev.homebudget.ledger.EntryQueries;
import dev.homebudget.ledger.EntryTotals;
import dev.homebudget.ledger.Households;
import dev.homebudget.schedule.ScheduledExpenses;
import dev.homebudget.web.ApiException;
import dev.homebudget.web.IfMatch;
import dev.homebudget.web.JsonObjectBody;
import dev.homebudget.web.PreconditionFailedException;

import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Budget use cases. Only the plan is stored; every figure is computed from the entries
 * when read (so a changed old expense or assignment changes every later period at once),
 * in the household's base currency. PostgreSQL as the primary store only (P2, P3; 409
 * before); a viewer reads the budget and changes nothing (403).
 */
@Service
public class BudgetService {

	/** Periods one report may span. */
	static final int MAX_REPORT_PERIODS = 120;

	/** Periods a fill may average over. */
	static final int MAX_FILL_PERIODS = 24;

	private final BudgetStore store;

	private final CurrentHousehold household;

	private final HouseholdCurrency currency;

	private final IncomeService incomes;

	private final TransactionTemplate transactions;

	private final ScheduledExpenses scheduledExpenses;

	BudgetService(BudgetStore store, CurrentHousehold household, HouseholdCurrency currency, IncomeService incomes,
			PlatformTransactionManager transactionManager, ScheduledExpenses scheduledExpenses) {
		this.scheduledExpenses = scheduledExpenses;
		this.store = store;
		this.household = household;
		this.currency = currency;
		this.incomes = incomes;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** One category in one period, computed. */
	record Row(BudgetStore.Category category, BudgetMath.Period period, BigDecimal need, long unconverted, int version,
			BudgetStore.Scheduled scheduled) {

		Row(BudgetStore.Category category, BudgetMath.Period period, BigDecimal need, long unconverted, int version) {
			this(category, period, need, unconverted, version, null);
		}

		/**
		 * What is available once the scheduled expenses to come are paid; null where they
		 * are not counted (a member's budget: schedules are split when they are posted).
		 */
		BigDecimal availableAfterScheduled() {
			return (this.scheduled == null) ? null : this.period.available().subtract(this.scheduled.amount());
		}

		BigDecimal stillNeeded() {
			return this.need.subtract(this.period.assigned()).max(BigDecimal.ZERO).setScale(2);
		}

		String status() {
			if (this.period.available().signum() < 0) {
				return "overspent";
			}
			return (stillNeeded().signum() > 0) ? "underfunded" : "ok";
		}

	}

	/** A period of the whole budget. */
	record View(YearMonth period, LocalDate start, LocalDate end, String currency, List<Row> rows,
			EntryTotals.Converted income, boolean scheduledComplete) {

	}

	/** What a change of one category's line sets (null: left as it is). */
	record Change(BigDecimal assigned, BudgetMath.CarryRule carry, boolean carryGiven, BudgetMath.Target target,
			Integer member) {

	}

	BudgetStore.Settings settings() {
		return this.store.settings(readable());
	}

	BudgetStore.Settings putSettings(int startDay, String weekendRule, IfMatch ifMatch) {
		int household = writable();
		return this.transactions.execute((status) -> {
			if (!this.store.putSettings(household, startDay, weekendRule,
					ifMatch.constrainsVersion() ? ifMatch.versions() : null)) {
				throw new PreconditionFailedException(this.store.settings(household).version());
			}
			// spending kept for the old periods would only take room
			this.store.forgetSpent(household);
			return this.store.settings(household);
		});
	}

	View period(YearMonth period) {
		int household = readable();
		return this.transactions.execute((status) -> view(household, period));
	}

	private View view(int household, YearMonth period) {
		// first: what this read computes may be kept only if no change can overtake it
		boolean mayKeep = this.store.mayKeep(household);
		BudgetPeriods periods = this.store.settings(household).periods();
		String base = this.currency.base();
		List<BudgetStore.Category> categories = this.store.categories(household);
		Map<Integer, BudgetStore.Kept> kept = this.store.kept(household, period, base);
		Map<Integer, Map<YearMonth, BudgetStore.StoredLine>> stored = this.store.lines(household, period,
				categories.stream().map(BudgetStore.Category::id).toList(), kept);
		Map<Integer, List<Computed>> computed = compute(household, periods, period, period, base, categories, stored,
				kept, mayKeep);
		if (mayKeep) {
			keep(household, periods, base, period, computed, kept);
		}
		LocalDate start = periods.start(period);
		LocalDate end = periods.end(period);
		ScheduledExpenses.Items toCome = this.scheduledExpenses.between(household, start, end.minusDays(1));
		Map<Integer, BudgetStore.Scheduled> scheduled = this.store.scheduled(household, base, toCome.items());
		BudgetStore.Scheduled none = new BudgetStore.Scheduled(BudgetMath.zero(), 0);
		List<Row> rows = new ArrayList<>();
		for (BudgetStore.Category category : categories) {
			Computed one = last(computed.get(category.id()));
			BudgetMath.Period p = (one != null) ? one.period() : empty(period);
			boolean active = !category.archived() || p.assigned().signum() != 0 || p.spent().signum() != 0
					|| p.carriedIn().signum() != 0;
			if (!active) {
				continue;
			}
			BudgetStore.StoredLine line = stored.getOrDefault(category.id(), Map.of()).get(period);
			rows.add(new Row(category, p, need(periods, p), (one != null) ? one.unconverted() : 0,
					(line != null) ? line.version() : 0,
					(p.member() == 0) ? scheduled.getOrDefault(category.id(), none) : null));
		}
		List<EntryTotals.Converted> income = this.incomes.converted(EntryQueries.range(start, end.minusDays(1)),
				EntryTotals.Grouping.NONE, base);
		return new View(period, start, end.minusDays(1), base, rows,
				income.isEmpty() ? new EntryTotals.Converted("", base, BudgetMath.zero(), 0, 0) : income.get(0),
				toCome.complete());
	}

	/**
	 * Every period of one category up to {@code period}, from the first it was planned
	 * in.
	 */
	List<BudgetMath.Period> explain(YearMonth period, int category) {
		int household = readable();
		return this.transactions.execute((status) -> {
			requireCategory(household, category);
			boolean mayKeep = this.store.mayKeep(household);
			BudgetPeriods periods = this.store.settings(household).periods();
			List<Computed> computed = compute(household, periods, period, period, this.currency.base(), mayKeep)
				.getOrDefault(category, List.of());
			return computed.isEmpty() ? List.of(empty(period)) : computed.stream().map(Computed::period).toList();
		});
	}

	/** Budget against actual for every period of a range, per category. */
	Map<YearMonth, List<Row>> report(YearMonth from, YearMonth to) {
		int household = readable();
		if (from.isAfter(to) || ChronoUnit.MONTHS.between(from, to) >= MAX_REPORT_PERIODS) {
			throw JsonObjectBody.invalidField("to",
					"Value error, a report spans 1 to " + MAX_REPORT_PERIODS + " periods, from no later than to",
					to.toString());
		}
		return this.transactions.execute((status) -> {
			boolean mayKeep = this.store.mayKeep(household);
			BudgetPeriods periods = this.store.settings(household).periods();
			Map<Integer, List<Computed>> computed = compute(household, periods, from, to, this.currency.base(),
					mayKeep);
			Map<YearMonth, List<Row>> report = new LinkedHashMap<>();
			for (YearMonth period : BudgetPeriods.between(from, to)) {
				report.put(period, new ArrayList<>());
			}
			for (BudgetStore.Category category : this.store.categories(household)) {
				for (Computed one : computed.getOrDefault(category.id(), List.of())) {
					if (!one.period().period().isBefore(from)) {
						report.get(one.period().period())
							.add(new Row(category, one.period(), need(periods, one.period()), one.unconverted(), 0));
					}
				}
			}
			return report;
		});
	}

	/** Sets what a change names in one category's line of a period. */
	Row change(YearMonth period, int category, Change change, IfMatch ifMatch) {
		int household = writable();
		return this.transactions.execute((status) -> {
			requireCategory(household, category);
			if (change.member() != null && change.member() != 0 && !this.store.isMember(household, change.member())) {
				throw JsonObjectBody.invalidField("member", "Value error, not a member of this household",
						change.member());
			}
			BudgetStore.StoredLine stored = this.store.line(household, category, period).orElse(null);
			int version = (stored != null) ? stored.version() : 0;
			if (ifMatch.constrainsVersion() && !ifMatch.versions().contains(version)) {
				throw new PreconditionFailedException(version);
			}
			BudgetMath.Line current = (stored != null) ? stored.line() : new BudgetMath.Line(null, null, null, null);
			BudgetMath.CarryRule carry = current.carry();
			if (change.carryGiven()) {
				carry = change.carry();
				if (carry != null && carry.carry() == null) {
					// a cap or floor alone keeps the mode in force
					BudgetMath.CarryRule inForce = effectiveCarry(household, category, period);
					carry = new BudgetMath.CarryRule(inForce.carry(), carry.cap(), carry.floor());
				}
			}
			BudgetMath.Line line = new BudgetMath.Line(
					(change.assigned() != null) ? change.assigned() : current.assigned(), carry,
					(change.target() != null) ? change.target() : current.target(),
					(change.member() != null) ? change.member() : current.member());
			this.store.putLine(household, category, period, line);
			return rowOf(view(household, period), category);
		});
	}

	/**
	 * Moves an amount of one category's assignment to another's ("cover from Dining").
	 */
	View move(YearMonth period, int from, int to, BigDecimal amount) {
		int household = writable();
		return this.transactions.execute((status) -> {
			requireCategory(household, from);
			requireCategory(household, to);
			if (from == to) {
				throw JsonObjectBody.invalidField("to", "Value error, a move is between two categories", to);
			}
			BudgetMath.Line source = line(household, from, period);
			BigDecimal left = Objects.requireNonNullElse(source.assigned(), BudgetMath.zero()).subtract(amount);
			if (left.signum() < 0) {
				throw JsonObjectBody.invalidField("amount", "Value error, the category moved from has only "
						+ Objects.requireNonNullElse(source.assigned(), BudgetMath.zero()) + " assigned in " + period,
						amount);
			}
			BudgetMath.Line target = line(household, to, period);
			this.store.putLine(household, from, period,
					new BudgetMath.Line(left, source.carry(), source.target(), source.member()));
			this.store.putLine(household, to, period,
					new BudgetMath.Line(Objects.requireNonNullElse(target.assigned(), BudgetMath.zero()).add(amount),
							target.carry(), target.target(), target.member()));
			return view(household, period);
		});
	}

	/**
	 * Copies a period's assignments into another; with {@code overwrite} false only the
	 * categories without an assignment there get one.
	 * @return how many categories were given an assignment
	 */
	int copy(YearMonth period, YearMonth into, boolean overwrite) {
		int household = writable();
		return this.transactions.execute((status) -> {
			Map<Integer, Map<YearMonth, BudgetStore.StoredLine>> lines = this.store.lines(household,
					period.isAfter(into) ? period : into);
			int copied = 0;
			for (Map.Entry<Integer, Map<YearMonth, BudgetStore.StoredLine>> category : lines.entrySet()) {
				BudgetStore.StoredLine source = category.getValue().get(period);
				if (source == null || source.line().assigned() == null) {
					continue;
				}
				copied += assign(household, category.getKey(), into, category.getValue().get(into),
						source.line().assigned(), overwrite);
			}
			return copied;
		});
	}

	/**
	 * Assigns each category the average it spent over the {@code count} periods before
	 * this one (rounded to cents); with {@code overwrite} false only categories without
	 * an assignment get one.
	 * @return how many categories were given an assignment
	 */
	int fill(YearMonth period, int count, boolean overwrite) {
		int household = writable();
		return this.transactions.execute((status) -> {
			boolean mayKeep = this.store.mayKeep(household);
			BudgetPeriods periods = this.store.settings(household).periods();
			YearMonth first = period.minusMonths(count);
			YearMonth last = period.minusMonths(1);
			List<LocalDate> starts = BudgetPeriods.between(first, last).stream().map(periods::start).toList();
			List<Integer> ids = this.store.categories(household)
				.stream()
				.filter((category) -> !category.archived())
				.map(BudgetStore.Category::id)
				.toList();
			Map<Integer, BigDecimal> totals = new HashMap<>();
			for (BudgetStore.Spent spent : this.store.spent(household, ids, starts, periods.end(last),
					this.currency.base(), mayKeep)) {
				totals.merge(spent.categoryId(), spent.amount(), BigDecimal::add);
			}
			Map<Integer, Map<YearMonth, BudgetStore.StoredLine>> lines = this.store.lines(household, period);
			int filled = 0;
			for (Map.Entry<Integer, BigDecimal> total : totals.entrySet()) {
				BigDecimal average = total.getValue().divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
				if (average.signum() <= 0) {
					continue;
				}
				filled += assign(household, total.getKey(), period,
						lines.getOrDefault(total.getKey(), Map.of()).get(period), average, overwrite);
			}
			return filled;
		});
	}

	/** Category merges carry the merged category's plan into the one kept. */
	@EventListener
	void merged(CategoryMerged merged) {
		this.store.moveLines(merged.household(), merged.from(), merged.into());
	}

	private int assign(int household, int category, YearMonth period, BudgetStore.StoredLine existing,
			BigDecimal amount, boolean overwrite) {
		BudgetMath.Line line = (existing != null) ? existing.line() : new BudgetMath.Line(null, null, null, null);
		if (line.assigned() != null && !overwrite) {
			return 0;
		}
		this.store.putLine(household, category, period,
				new BudgetMath.Line(amount, line.carry(), line.target(), line.member()));
		return 1;
	}

	private BudgetMath.Line line(int household, int category, YearMonth period) {
		return this.store.line(household, category, period)
			.map(BudgetStore.StoredLine::line)
			.orElse(new BudgetMath.Line(null, null, null, null));
	}

	private BudgetMath.CarryRule effectiveCarry(int household, int category, YearMonth period) {
		BudgetMath.CarryRule rule = BudgetMath.CarryRule.NONE;
		Map<YearMonth, BudgetStore.StoredLine> lines = this.store.lines(household, period)
			.getOrDefault(category, Map.of());
		for (YearMonth month : lines.keySet().stream().sorted().toList()) {
			if (lines.get(month).line().carry() != null) {
				rule = lines.get(month).line().carry();
			}
		}
		return rule;
	}

	/** A category's periods, computed, with the entries each period could not convert. */
	private record Computed(BudgetMath.Period period, long unconverted) {

	}

	/**
	 * Runs every category from the first period it was planned in (or {@code from}) to
	 * {@code to}, with its spending over the same periods.
	 */
	private Map<Integer, List<Computed>> compute(int household, BudgetPeriods periods, YearMonth from, YearMonth to,
			String base, boolean mayKeep) {
		return compute(household, periods, from, to, base, this.store.categories(household),
				this.store.lines(household, to), Map.of(), mayKeep);
	}

	/**
	 * Runs every category to {@code to}: from its kept period when one is at or before
	 * {@code from}, else from the first period it was planned in (or {@code from}); with
	 * its spending over the same periods.
	 * @param stored the plan lines, at least those from where each category starts
	 */
	private Map<Integer, List<Computed>> compute(int household, BudgetPeriods periods, YearMonth from, YearMonth to,
			String base, List<BudgetStore.Category> categories,
			Map<Integer, Map<YearMonth, BudgetStore.StoredLine>> stored, Map<Integer, BudgetStore.Kept> kept,
			boolean mayKeep) {
		Map<Integer, YearMonth> startOf = new HashMap<>();
		Map<YearMonth, List<Integer>> byStart = new TreeMap<>();
		for (BudgetStore.Category category : categories) {
			BudgetStore.Kept known = kept.get(category.id());
			YearMonth start = from;
			if (known != null && !known.period().isAfter(from)) {
				start = known.period();
			}
			else {
				for (YearMonth period : stored.getOrDefault(category.id(), Map.of()).keySet()) {
					if (period.isBefore(start)) {
						start = period;
					}
				}
			}
			startOf.put(category.id(), start);
			byStart.computeIfAbsent(start, (p) -> new ArrayList<>()).add(category.id());
		}
		LocalDate end = periods.end(to);
		Map<Integer, Map<YearMonth, BigDecimal>> spent = new HashMap<>();
		Map<Integer, Map<YearMonth, Long>> unconverted = new HashMap<>();
		for (Map.Entry<YearMonth, List<Integer>> group : byStart.entrySet()) {
			List<YearMonth> all = BudgetPeriods.between(group.getKey(), to);
			for (BudgetStore.Spent one : this.store.spent(household, group.getValue(),
					all.stream().map(periods::start).toList(), end, base, mayKeep)) {
				YearMonth period = all.get(one.periodIndex() - 1);
				spent.computeIfAbsent(one.categoryId(), (id) -> new HashMap<>()).put(period, one.amount());
				unconverted.computeIfAbsent(one.categoryId(), (id) -> new HashMap<>()).put(period, one.unconverted());
			}
		}
		Map<Integer, List<Computed>> result = new HashMap<>();
		for (BudgetStore.Category category : categories) {
			Map<YearMonth, BudgetMath.Line> lines = new HashMap<>();
			stored.getOrDefault(category.id(), Map.of()).forEach((period, line) -> lines.put(period, line.line()));
			YearMonth own = startOf.get(category.id());
			BudgetStore.Kept known = kept.get(category.id());
			BudgetMath.Start start = (known != null && known.period().equals(own)) ? known.start()
					: BudgetMath.Start.FIRST;
			List<YearMonth> range = BudgetPeriods.between(own, to);
			Map<YearMonth, BigDecimal> categorySpent = spent.getOrDefault(category.id(), Map.of());
			Map<YearMonth, Long> categoryUnconverted = unconverted.getOrDefault(category.id(), Map.of());
			// a member budget counts that member's share from the period it was chosen in
			List<BudgetMath.Period> run = BudgetMath.run(range, lines, categorySpent, start);
			if (run.stream().anyMatch((period) -> period.member() != 0)) {
				List<LocalDate> starts = range.stream().map(periods::start).toList();
				Map<Integer, Map<YearMonth, BigDecimal>> shares = new HashMap<>();
				Map<YearMonth, BigDecimal> mixed = new HashMap<>(categorySpent);
				for (BudgetMath.Period period : run) {
					if (period.member() == 0) {
						continue;
					}
					Map<YearMonth, BigDecimal> memberSpent = shares.computeIfAbsent(period.member(),
							(member) -> memberSpent(household, category.id(), member, range, starts, end, base));
					mixed.put(period.period(), memberSpent.getOrDefault(period.period(), BudgetMath.zero()));
				}
				run = BudgetMath.run(range, lines, mixed, start);
			}
			List<Computed> computed = new ArrayList<>();
			for (BudgetMath.Period period : run) {
				computed.add(new Computed(period, categoryUnconverted.getOrDefault(period.period(), 0L)));
			}
			result.put(category.id(), computed);
		}
		return result;
	}

	/**
	 * Keeps what each category carries into {@code period} and the next one, so that the
	 * next read of either starts there. A category under a member rule is not kept: its
	 * figures follow the shares, which the kept rows are not told about.
	 */
	private void keep(int household, BudgetPeriods periods, String base, YearMonth period,
			Map<Integer, List<Computed>> computed, Map<Integer, BudgetStore.Kept> kept) {
		List<BudgetStore.Kept> rows = new ArrayList<>();
		List<LocalDate> starts = new ArrayList<>();
		YearMonth next = period.plusMonths(1);
		for (Map.Entry<Integer, List<Computed>> category : computed.entrySet()) {
			List<Computed> run = category.getValue();
			if (run.isEmpty() || run.stream().anyMatch((one) -> one.period().member() != 0)) {
				continue;
			}
			BudgetMath.Period last = run.get(run.size() - 1).period();
			BudgetStore.Kept known = kept.get(category.getKey());
			if (known != null && known.period().equals(period)) {
				// started from what was kept: the next period was most likely kept with
				// it
				continue;
			}
			// a run of one period that was not kept started from nothing
			BudgetMath.Start entering = (run.size() > 1) ? BudgetMath.Start.after(run.get(run.size() - 2).period())
					: BudgetMath.Start.FIRST;
			rows.add(new BudgetStore.Kept(category.getKey(), period, entering));
			starts.add(periods.start(period));
			rows.add(new BudgetStore.Kept(category.getKey(), next, BudgetMath.Start.after(last)));
			starts.add(periods.start(next));
		}
		this.store.keep(household, base, rows, starts);
	}

	private Map<YearMonth, BigDecimal> memberSpent(int household, int category, int member, List<YearMonth> all,
			List<LocalDate> starts, LocalDate end, String base) {
		Map<YearMonth, BigDecimal> spent = new HashMap<>();
		for (BudgetStore.Spent one : this.store.memberSpent(household, category, member, starts, end, base)) {
			spent.put(all.get(one.periodIndex() - 1), one.amount());
		}
		return spent;
	}

	private BigDecimal need(BudgetPeriods periods, BudgetMath.Period period) {
		BudgetMath.Target target = period.target();
		long left = 1;
		if ("save_by".equals(target.kind()) && target.date() != null) {
			left = ChronoUnit.MONTHS.between(period.period(), periods.periodOf(target.date())) + 1;
		}
		return BudgetMath.need(period, left);
	}

	private static Computed last(List<Computed> computed) {
		return (computed == null || computed.isEmpty()) ? null : computed.get(computed.size() - 1);
	}

	private static BudgetMath.Period empty(YearMonth period) {
		BigDecimal zero = BudgetMath.zero();
		return new BudgetMath.Period(period, zero, zero, zero, zero, zero, BudgetMath.CarryRule.NONE,
				BudgetMath.Target.NONE, 0);
	}

	private static Row rowOf(View view, int category) {
		return view.rows()
			.stream()
			.filter((row) -> row.category().id() == category)
			.findFirst()
			.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "Category not found"));
	}

	private void requireCategory(int household, int category) {
		if (this.store.categories(household).stream().noneMatch((c) -> c.id() == category)) {
			throw new ApiException(HttpStatus.NOT_FOUND, "Category not found");
		}
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
		if (!this.currency.postgresPrimary()) {
			throw Households.needsPostgresPrimary("Budgets");
		}
	}

}
