package dev.homebudget.schedule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.homebudget.auth.CurrentUser;
import dev.homebudget.auth.SignedInUser;
import dev.homebudget.config.StorageMode;
import dev.homebudget.config.StorageProperties.StorageBackend;
import dev.homebudget.household.CurrentHousehold;
import dev.homebudget.ledger.Households;
import dev.homebudget.settle.ExpenseSplits;
import dev.homebudget.web.ApiException;
import dev.homebudget.web.IfMatch;
import dev.homebudget.web.PreconditionFailedException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Schedule use cases for the current household. PostgreSQL as the primary store only (P2,
 * P3; 409 before); a viewer reads schedules and what is coming up, and changes nothing
 * (403).
 */
@Service
class ScheduleService {

	/** Handled occurrences one read lists at most. */
	static final int MAX_OCCURRENCES = 200;

	/** Items {@code /upcoming} lists at most. */
	static final int MAX_UPCOMING = 500;

	/** Days {@code /upcoming} may look ahead. */
	static final int MAX_DAYS = 366;

	private final ScheduleStore store;

	private final CurrentHousehold household;

	private final CurrentUser currentUser;

	private final StorageMode storage;

	private final EntryPosting posting;

	private final SchedulePoster poster;

	private final SplitSettings splitSettings;

	private final ExpenseSplits splits;

	private final ScheduleProperties properties;

	private final TransactionTemplate transactions;

	ScheduleService(ScheduleStore store, CurrentHousehold household, CurrentUser currentUser, StorageMode storage,
			EntryPosting posting, SchedulePoster poster, SplitSettings splitSettings, ExpenseSplits splits,
			ScheduleProperties properties, PlatformTransactionManager transactionManager) {
		this.store = store;
		this.household = household;
		this.currentUser = currentUser;
		this.storage = storage;
		this.posting = posting;
		this.poster = poster;
		this.splitSettings = splitSettings;
		this.splits = splits;
		this.properties = properties;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** A schedule with what the list shows about it. */
	record View(Schedule schedule, int posted, Recurrence.Occurrence next, BigDecimal nextAmount) {

	}

	/** One item of what is coming up. */
	record Upcoming(Schedule schedule, Recurrence.Occurrence occurrence, BigDecimal amount, String status) {

	}

	LocalDate today() {
		return this.poster.today();
	}

	View create(ScheduleStore.NewSchedule draft) {
		int household = writable();
		return this.transactions.execute((status) -> {
			if (this.store.count(household) >= this.properties.maxPerHousehold()) {
				throw new ApiException(HttpStatus.CONFLICT, "A household has at most "
						+ this.properties.maxPerHousehold() + " schedules; end or delete some first");
			}
			Integer creator = this.currentUser.get().map(SignedInUser::id).orElse(null);
			ScheduleStore.NewSchedule owned = new ScheduleStore.NewSchedule(household, creator, draft.kind(),
					draft.template(), draft.rrule(), draft.start(), draft.end(), draft.count(), draft.weekend(),
					draft.mode(), draft.approximate(), draft.planTotal(), draft.planFirst());
			int id = this.store.insert(owned);
			return view(this.store.find(household, id).orElseThrow(), Map.of());
		});
	}

	List<View> list() {
		int household = readable();
		Map<Integer, Integer> posted = this.store.postedCounts(household);
		return this.store.list(household, this.properties.maxPerHousehold())
			.stream()
			.map((s) -> view(s, posted))
			.toList();
	}

	View get(int id) {
		int household = readable();
		return view(find(household, id), this.store.postedCounts(household));
	}

	List<ScheduleStore.StoredOccurrence> occurrences(int id) {
		int household = readable();
		find(household, id);
		return this.store.occurrences(household, id, MAX_OCCURRENCES);
	}

	/**
	 * Applies a change to a schedule (edit, pause, resume, end). A changed rule, start or
	 * a resume posts nothing due before today.
	 */
	View change(int id, java.util.function.UnaryOperator<Schedule> change, IfMatch ifMatch) {
		int household = writable();
		return this.transactions.execute((status) -> {
			Schedule before = this.store.lock(household, id).orElseThrow(ScheduleService::notFound);
			Schedule after = change.apply(before);
			boolean ruleChanged = !after.rrule().equals(before.rrule()) || !after.start().equals(before.start())
					|| !java.util.Objects.equals(after.count(), before.count()) || after.weekend() != before.weekend();
			boolean resumed = Schedule.ACTIVE.equals(after.status()) && !Schedule.ACTIVE.equals(before.status());
			LocalDate postFrom = before.postFrom();
			if ((ruleChanged || resumed) && today().isAfter(postFrom)) {
				postFrom = today();
			}
			Schedule stored = new Schedule(before.id(), household, before.createdBy(), before.creatorName(),
					before.kind(), after.template(), after.rrule(), after.start(), after.end(), after.count(),
					after.weekend(), after.mode(), after.approximate(), after.status(), after.planTotal(),
					after.planFirst(), postFrom, (resumed || ruleChanged) ? null : before.lastError(),
					before.version());
			if (!this.store.update(stored, ifMatch)) {
				throw new PreconditionFailedException(before.version());
			}
			return view(this.store.find(household, id).orElseThrow(), this.store.postedCounts(household));
		});
	}

	void delete(int id, IfMatch ifMatch) {
		int household = writable();
		this.transactions.executeWithoutResult((status) -> {
			Schedule schedule = find(household, id);
			if (!this.store.delete(household, id, ifMatch)) {
				throw new PreconditionFailedException(schedule.version());
			}
		});
	}

	/**
	 * Posts an occurrence now: a due one, or one still to come (paying early), with the
	 * real amount when given.
	 * @return the occurrence as stored
	 */
	ScheduleStore.StoredOccurrence confirm(int id, LocalDate due, BigDecimal amount) {
		return confirm(id, due, null, amount);
	}

	/**
	 * Posts an occurrence now, as {@link #confirm(int, LocalDate, BigDecimal)} does, its
	 * entry dated {@code date} when given (the day a bank statement shows it paid)
	 * instead of the rule's date after the weekend rule.
	 */
	ScheduleStore.StoredOccurrence confirm(int id, LocalDate due, LocalDate date, BigDecimal amount) {
		int household = writable();
		return this.transactions.execute((status) -> {
			Schedule schedule = this.store.lock(household, id).orElseThrow(ScheduleService::notFound);
			Recurrence.Occurrence occurrence = occurrence(schedule, due);
			Optional<ScheduleStore.StoredOccurrence> stored = this.store.occurrence(id, due);
			if (stored.isPresent() && !"due".equals(stored.get().status())) {
				throw new ApiException(HttpStatus.CONFLICT,
						"This occurrence was already " + stored.get().status() + "; it is handled once");
			}
			if (stored.isEmpty()) {
				this.store.claim(schedule, occurrence, "due");
			}
			Recurrence.Occurrence dated = (date != null)
					? new Recurrence.Occurrence(occurrence.seq(), occurrence.due(), date) : occurrence;
			this.posting.post(schedule, dated, (amount != null) ? amount : schedule.amount(occurrence.seq()));
			return this.store.occurrence(id, due).orElseThrow();
		});
	}

	/** Skips a due occurrence, or one still to come: it is never posted. */
	ScheduleStore.StoredOccurrence skip(int id, LocalDate due) {
		int household = writable();
		return this.transactions.execute((status) -> {
			Schedule schedule = this.store.lock(household, id).orElseThrow(ScheduleService::notFound);
			Recurrence.Occurrence occurrence = occurrence(schedule, due);
			Optional<ScheduleStore.StoredOccurrence> stored = this.store.occurrence(id, due);
			if (stored.isPresent() && !"due".equals(stored.get().status())) {
				throw new ApiException(HttpStatus.CONFLICT,
						"This occurrence was already " + stored.get().status() + "; it is handled once");
			}
			if (stored.isEmpty()) {
				this.store.claim(schedule, occurrence, "due");
			}
			this.store.skipped(id, due);
			return this.store.occurrence(id, due).orElseThrow();
		});
	}

	/**
	 * What is coming up in the next {@code days} days (today included), by date: every
	 * occurrence waiting for confirmation, whatever its date, and the occurrences of
	 * active schedules not handled yet.
	 */
	List<Upcoming> upcoming(int days) {
		int household = readable();
		return upcoming(household, today(), days);
	}

	List<Upcoming> upcoming(int household, LocalDate today, int days) {
		return upcomingBetween(household, today, null, today.plusDays(days - 1L), MAX_UPCOMING);
	}

	/**
	 * What is still to come dated {@code from} to {@code to} (both included), by date, at
	 * most {@code limit}: the occurrences waiting for confirmation, and those of active
	 * schedules not handled yet, from today on (or from where the poster is, if it has
	 * not caught up yet).
	 */
	List<Upcoming> toCome(int household, LocalDate today, LocalDate from, LocalDate to, int limit) {
		List<Upcoming> items = new ArrayList<>();
		for (Upcoming u : upcomingBetween(household, today, from, to, limit)) {
			LocalDate date = u.occurrence().date();
			if (!date.isBefore(from) && !date.isAfter(to)) {
				items.add(u);
			}
		}
		return items;
	}

	/**
	 * By date, at most {@code limit}: occurrences waiting for confirmation, and those of
	 * active schedules not handled yet up to {@code to}; from {@code from} on (less the
	 * weekend shift), or from where the poster is when {@code from} is null or earlier.
	 */
	private List<Upcoming> upcomingBetween(int household, LocalDate today, LocalDate from, LocalDate to, int limit) {
		Map<Integer, Schedule> schedules = new HashMap<>();
		for (Schedule s : this.store.list(household, this.properties.maxPerHousehold())) {
			schedules.put(s.id(), s);
		}
		List<Upcoming> items = new ArrayList<>();
		Set<String> handled = new HashSet<>();
		LocalDate earliest = schedules.values()
			.stream()
			.map(Schedule::postFrom)
			.filter(today::isAfter)
			.min(Comparator.naturalOrder())
			.orElse(today);
		// from the earliest schedule the poster is behind on, unless the range starts
		// later
		LocalDate first = (from != null && from.isAfter(earliest)) ? from.minusDays(Recurrence.MAX_SHIFT) : earliest;
		for (ScheduleStore.StoredOccurrence o : this.store.handledSince(household, first, limit * 4)) {
			handled.add(o.scheduleId() + "/" + o.due());
			Schedule s = schedules.get(o.scheduleId());
			if ("due".equals(o.status()) && s != null) {
				items.add(new Upcoming(s, new Recurrence.Occurrence(o.seq(), o.due(), o.date()), s.amount(o.seq()),
						"due"));
			}
		}
		for (Schedule s : schedules.values()) {
			if (!Schedule.ACTIVE.equals(s.status())) {
				continue;
			}
			LocalDate start = s.postFrom().isAfter(first) ? s.postFrom() : first;
			for (Recurrence.Occurrence o : s.recurrence().between(start, to, limit)) {
				if (!handled.contains(s.id() + "/" + o.due())) {
					items.add(new Upcoming(s, o, s.amount(o.seq()),
							Schedule.AUTO.equals(s.mode()) ? "scheduled" : "to_confirm"));
				}
			}
		}
		items.sort(Comparator.comparing((Upcoming u) -> u.occurrence().date()).thenComparing((u) -> u.schedule().id()));
		return (items.size() > limit) ? List.copyOf(items.subList(0, limit)) : items;
	}

	/** Member id to weight of the default split; empty for equal shares. */
	Map<Integer, BigDecimal> splitWeights() {
		return this.splitSettings.weights(readable());
	}

	int settingsVersion() {
		return this.store.settings(readable()).version();
	}

	/**
	 * Sets the default split (null or empty: equal shares); every weight must name a
	 * member.
	 */
	int putSplitWeights(Map<Integer, BigDecimal> weights, IfMatch ifMatch) {
		int household = writable();
		if (weights != null && !weights.isEmpty()) {
			if (!this.splits.active()) {
				throw new ApiException(HttpStatus.CONFLICT,
						"A default split names members: it needs sign-in mode on PostgreSQL alone (storage phase P3)");
			}
			Set<Integer> members = this.splits.members(household);
			for (Integer user : weights.keySet()) {
				if (!members.contains(user)) {
					throw dev.homebudget.web.JsonObjectBody.invalidField("weights",
							"Value error, user " + user + " is not a member of this household", user);
				}
			}
		}
		return this.transactions.execute((status) -> {
			if (!this.store.putSettings(household, this.splitSettings.format(weights), ifMatch)) {
				throw new PreconditionFailedException(this.store.settings(household).version());
			}
			return this.store.settings(household).version();
		});
	}

	/**
	 * The occurrence of a schedule on a rule date; 404 when the rule gives no such date.
	 */
	private static Recurrence.Occurrence occurrence(Schedule schedule, LocalDate due) {
		return schedule.recurrence()
			.at(due)
			.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
					"This schedule has no occurrence on " + due + " (use the date its rule gives)"));
	}

	private View view(Schedule s, Map<Integer, Integer> posted) {
		Recurrence.Occurrence next = null;
		BigDecimal nextAmount = null;
		if (!Schedule.ENDED.equals(s.status())) {
			LocalDate from = s.postFrom();
			Optional<Recurrence.Occurrence> found = s.recurrence().next(from);
			for (int i = 0; i < 50 && found.isPresent()
					&& this.store.occurrence(s.id(), found.get().due()).isPresent(); i++) {
				found = s.recurrence().next(found.get().due().plusDays(1));
			}
			if (found.isPresent()) {
				next = found.get();
				nextAmount = s.amount(next.seq());
			}
		}
		return new View(s, posted.getOrDefault(s.id(), 0), next, nextAmount);
	}

	private Schedule find(int household, int id) {
		return this.store.find(household, id).orElseThrow(ScheduleService::notFound);
	}

	static ApiException notFound() {
		return new ApiException(HttpStatus.NOT_FOUND, "Schedule not found");
	}

	int readable() {
		requirePostgresPrimary();
		return this.household.forReading();
	}

	int writable() {
		requirePostgresPrimary();
		return this.household.forWriting();
	}

	/** The 409 of phases P0 and P1, for a route that finds its household itself. */
	void readableWithoutHousehold() {
		requirePostgresPrimary();
	}

	private void requirePostgresPrimary() {
		if (this.storage.phase().primary() != StorageBackend.POSTGRES) {
			throw Households.needsPostgresPrimary("Schedules");
		}
	}

}
