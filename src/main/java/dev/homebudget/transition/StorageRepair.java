package dev.homebudget.transition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

	/** Every open entry (the repair command, with the app's own copies done first). */
	public Report run() {
		// copies the application queued before the run are not repairs
		this.mirrors.awaitIdle(Duration.ofSeconds(30));
		return repair(this.mirrors.journal().openEntries());
	}

	/**
	 * The open entries that no copy of this process is still coming for: those of an
	 * earlier process (a crash between the two writes), and those whose copy failed or
	 * found the queue full. The running app calls this at startup and periodically
	 * ({@link JournalDrain}).
	 */
	public Report runOnBacklog() {
		List<RepairJournal.Entry> backlog = new ArrayList<>();
		for (RepairJournal.Entry entry : this.mirrors.journal().openEntries()) {
			Optional<EntryMirror> mirror = this.mirrors.mirror(entry.entity());
			if (mirror.isEmpty() || !mirror.get().pending(entry)) {
				backlog.add(entry);
			}
		}
		return repair(backlog);
	}

	/**
	 * Repairs the entries of each kind in batches, one copy per batch (as the mirror
	 * copies); a batch that fails because the mirror refused a record is repaired entry
	 * by entry, so that the others are copied and the report names the ones that still
	 * fail.
	 */
	private Report repair(List<RepairJournal.Entry> entries) {
		StoragePhase phase = this.mirrors.mode().phase();
		Map<Long, String> errors = new HashMap<>();
		Map<String, List<RepairJournal.Entry>> byEntity = new LinkedHashMap<>();
		entries.forEach((entry) -> byEntity.computeIfAbsent(entry.entity(), (entity) -> new ArrayList<>()).add(entry));
		boolean databaseGone = false;
		for (Map.Entry<String, List<RepairJournal.Entry>> kind : byEntity.entrySet()) {
			Optional<EntryMirror> mirror = this.mirrors.mirror(kind.getKey());
			List<RepairJournal.Entry> open = kind.getValue();
			for (int from = 0; from < open.size(); from += EntryMirror.MAX_BATCH) {
				List<RepairJournal.Entry> batch = open.subList(from,
						Math.min(open.size(), from + EntryMirror.MAX_BATCH));
				if (mirror.isEmpty()) {
					batch.forEach((entry) -> errors.put(entry.id(), "no mirror for " + entry.entity()));
					continue;
				}
				if (databaseGone) {
					batch.forEach((entry) -> errors.put(entry.id(), EntryMirror.UNAVAILABLE + ", not tried"));
					continue;
				}
				String error = repairWhenTheDatabaseAnswers(mirror.get(), batch);
				if (error == null) {
					continue;
				}
				// entry by entry only when the mirror refused a record: a mirror that
				// cannot
				// be written at all (a full disk) fails every entry alike
				if (!EntryMirror.DATABASE_ERROR.equals(error) || batch.size() == 1) {
					databaseGone = EntryMirror.UNAVAILABLE.equals(error);
					batch.forEach((entry) -> errors.put(entry.id(), error));
					continue;
				}
				for (RepairJournal.Entry entry : batch) {
					if (databaseGone) {
						errors.put(entry.id(), EntryMirror.UNAVAILABLE + ", not tried");
						continue;
					}
					String alone = repairWhenTheDatabaseAnswers(mirror.get(), List.of(entry));
					databaseGone = EntryMirror.UNAVAILABLE.equals(alone);
					if (alone != null) {
						errors.put(entry.id(), alone);
					}
				}
			}
		}
		List<Line> lines = new ArrayList<>();
		for (RepairJournal.Entry entry : entries) {
			lines.add(new Line(entry.id(), entry.entity(), entry.operation(), entry.ids(), errors.get(entry.id())));
		}
		return new Report(phase, this.mirrors.journal().location(), lines);
	}

	private String repairWhenTheDatabaseAnswers(EntryMirror mirror, List<RepairJournal.Entry> entries) {
		try {
			return this.retries.execute(() -> {
				String error = mirror.repair(entries);
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
