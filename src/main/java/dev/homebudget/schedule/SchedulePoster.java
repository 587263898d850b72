package dev.homebudget.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.homebudget.config.StorageMode;
import dev.homebudget.config.StorageProperties.StorageBackend;
import dev.homebudget.database.WriteOrigin;
import dev.homebudget.web.ApiException;
import dev.homebudget.web.RequestValidationException;
import dev.homebudget.web.ValidationIssue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posts the occurrences that have come due, for every household: a schedule in auto mode
 * gets its entry, one in confirm mode a "due" row that waits for Confirm or Skip. Each
 * schedule is posted in a transaction of its own that first locks the schedule's row
 * ({@code SKIP LOCKED}: another instance posting it now is left to it; a confirmation or
 * skip waits), leaves out the occurrences handled already, creates the entries and
 * inserts their occurrence rows, whose primary key (schedule, due date) admits each once:
 * a duplicate fails the whole transaction, entries included, and a crash leaves both or
 * neither. A schedule whose entry cannot be posted (its payer left the household, say)
 * keeps the reason in {@code last_error} and is tried again on the next run.
 */
@Component
class SchedulePoster {

	private static final Logger log = LoggerFactory.getLogger(SchedulePoster.class);

	/** The source of the entries the poster creates, in the history of changes. */
	static final String SOURCE = "schedule";

	/** Occurrences of one schedule posted in one transaction at most. */
	static final int BATCH = 250;

	private final ScheduleStore store;

	private final EntryPosting posting;

	private final TransactionTemplate transactions;

	private final ScheduleProperties properties;

	private final StorageMode storage;

	private final Clock clock;

	@Autowired
	SchedulePoster(ScheduleStore store, EntryPosting posting, PlatformTransactionManager transactionManager,
			ScheduleProperties properties, StorageMode storage) {
		this(store, posting, transactionManager, properties, storage, Clock.systemDefaultZone());
	}

	SchedulePoster(ScheduleStore store, EntryPosting posting, PlatformTransactionManager transactionManager,
			ScheduleProperties properties, StorageMode storage, Clock clock) {
		this.store = store;
		this.posting = posting;
		this.transactions = new TransactionTemplate(transactionManager);
		this.properties = properties;
		this.storage = storage;
		this.clock = clock;
	}

	/** Today, as the poster's clock says. */
	LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/** Posts what is due today; the number of occurrences handled. */
	int postDue() {
		return postDue(today());
	}

	/**
	 * Posts every occurrence whose entry date is on or before {@code today}, at most
	 * {@code max-per-run} of them; none where the JSON files are primary.
	 */
	int postDue(LocalDate today) {
		if (this.storage.phase().primary() != StorageBackend.POSTGRES) {
			return 0;
		}
		int handled = 0;
		for (ScheduleStore.Postable postable : this.store.postable(today)) {
			int id = postable.id();
			// the entries are the schedule's, made for its creator: so the history says
			WriteOrigin.Origin origin = new WriteOrigin.Origin(SOURCE, postable.createdBy(), postable.creatorName());
			int left = this.properties.maxPerRun() - handled;
			if (left <= 0) {
				break;
			}
			int batch;
			do {
				int limit = Math.min(left, BATCH);
				batch = WriteOrigin.as(origin, () -> postSchedule(id, today, limit));
				handled += batch;
				left -= batch;
			}
			while (batch == BATCH && left > 0);
		}
		if (handled > 0) {
			log.info("Posted {} scheduled occurrence(s) due by {}", handled, today);
		}
		return handled;
	}

	private int postSchedule(int id, LocalDate today, int limit) {
		try {
			Integer handled = this.transactions.execute((status) -> {
				Optional<Schedule> locked = this.store.lockForPosting(id);
				if (locked.isEmpty()) {
					return 0;
				}
				Schedule schedule = locked.get();
				List<Recurrence.Occurrence> due = schedule.recurrence().between(schedule.postFrom(), today, limit);
				if (due.isEmpty()) {
					return 0;
				}
				// the row lock keeps confirmations, skips and other posters out until
				// this commits; the occurrences' primary key is the last word
				java.util.Set<LocalDate> done = this.store.handledDues(id, due.get(0).due(),
						due.get(due.size() - 1).due());
				List<Recurrence.Occurrence> open = due.stream().filter((o) -> !done.contains(o.due())).toList();
				if (Schedule.AUTO.equals(schedule.mode())) {
					this.store.insertHandled(schedule, List.of(), this.posting.createAsCreator(schedule, open));
				}
				else {
					this.store.insertHandled(schedule, open, List.of());
				}
				this.store.advance(id, due.get(due.size() - 1).due().plusDays(1));
				return due.size();
			});
			return (handled != null) ? handled : 0;
		}
		catch (RuntimeException ex) {
			String reason = reason(ex);
			if (ex instanceof RequestValidationException || ex instanceof ApiException) {
				// the schedule's own problem (shown in last_error), tried again every
				// run:
				// one line, no stack trace
				log.warn("Schedule {} could not be posted: {}", id, reason);
			}
			else {
				log.warn("Schedule {} could not be posted: {}", id, reason, ex);
			}
			this.transactions.executeWithoutResult((status) -> this.store.failed(id, reason));
			return 0;
		}
	}

	/** A sentence for the schedule's owner, never SQL. */
	static String reason(RuntimeException ex) {
		if (ex instanceof RequestValidationException invalid) {
			return invalid.issues().stream().map(ValidationIssue::msg).collect(Collectors.joining("; "));
		}
		if (ex instanceof ApiException api) {
			return api.detail();
		}
		if (ex instanceof IllegalArgumentException) {
			return "The schedule's rule or plan cannot be read: " + ex.getMessage();
		}
		return "The entry could not be stored (" + ex.getClass().getSimpleName() + "); it is tried again";
	}

}
