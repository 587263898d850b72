package dev.homebudget.transition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.homebudget.config.StoragePhase;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.stereotype.Service;

/**
 * Replays the open entries of the repair journal: for each, the primary's current state
 * of the entry's ids is copied to the mirror (written where the record exists, deleted
 * where it does not) and the entry is marked resolved. Copying state rather than
 * replaying operations makes a run idempotent: running it twice, or after the mirror
 * caught up by itself, changes nothing.
 * <p>
 * A database that was just restarted may refuse the first connections for a few seconds
 * (the pool backs off between attempts), so an entry that fails because the database is
 * unavailable is retried with backoff for a while; if it stays unavailable, the remaining
 * entries are left open untried rather than each waiting out the connection timeout.
 */
@Service
public class StorageRepair {

	private static final RetryPolicy UNTIL_THE_DATABASE_ANSWERS = RetryPolicy.builder()
		.includes(DatabaseStillUnavailable.class)
		.delay(Duration.ofMillis(250))
		.multiplier(2)
		.maxDelay(Duration.ofSeconds(4))
		.maxRetries(8)
		.timeout(Duration.ofSeconds(20))
		.build();

	private final StorageMirrors mirrors;

	private final RetryTemplate retries = new RetryTemplate(UNTIL_THE_DATABASE_ANSWERS);

	StorageRepair(StorageMirrors mirrors) {
		this.mirrors = mirrors;
	}

	/** What one run did. */
	public record Report(StoragePhase phase, String journal, List<Line> lines) {

		public long repaired() {
			return this.lines.stream().filter((line) -> line.error() == null).count();
		}

		public long failed() {
			return this.lines.size() - repaired();
		}

	}

	/**
	 * One entry: {@code error} is null when it was repaired.
	 */
	public record Line(long entry, String entity, String operation, List<Integer> ids, String error) {

		@Override
		public String toString() {
			return "#" + this.entry + " " + this.entity + " " + this.operation + " " + this.ids + ": "
					+ ((this.error == null) ? "repaired" : "still failing (" + this.error + ")");
		}

	}

	public Report run() {
		StoragePhase phase = this.mirrors.mode().phase();
		RepairJournal journal = this.mirrors.journal();
		// copies the application queued before the run are not repairs
		this.mirrors.awaitIdle(Duration.ofSeconds(30));
		List<Line> lines = new ArrayList<>();
		boolean databaseGone = false;
		for (RepairJournal.Entry entry : journal.openEntries()) {
			Optional<EntryMirror> mirror = this.mirrors.mirror(entry.entity());
			String error;
			if (mirror.isEmpty()) {
				error = "no mirror for " + entry.entity();
			}
			else if (databaseGone) {
				error = EntryMirror.UNAVAILABLE + ", not tried";
			}
			else {
				error = repairWhenTheDatabaseAnswers(mirror.get(), entry);
				databaseGone = EntryMirror.UNAVAILABLE.equals(error);
			}
			lines.add(new Line(entry.id(), entry.entity(), entry.operation(), entry.ids(), error));
		}
		return new Report(phase, journal.location(), lines);
	}

	private String repairWhenTheDatabaseAnswers(EntryMirror mirror, RepairJournal.Entry entry) {
		try {
			return this.retries.execute(() -> {
				String error = mirror.repair(entry);
				if (EntryMirror.UNAVAILABLE.equals(error)) {
					throw new DatabaseStillUnavailable();
				}
				return error;
			});
		}
		catch (RetryException ex) {
			return EntryMirror.UNAVAILABLE;
		}
	}

	private static final class DatabaseStillUnavailable extends RuntimeException {

		DatabaseStillUnavailable() {
			super(EntryMirror.UNAVAILABLE, null, false, false);
		}

	}

	/** Open entries right now. */
	public long openEntries() {
		return this.mirrors.journal().openCount();
	}

}
