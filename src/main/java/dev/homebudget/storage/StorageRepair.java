package dev.homebudget.storage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * Replays the open entries of the repair journal: for each, the primary's current state
 * of the entry's ids is copied to the mirror (written where the record exists, deleted
 * where it does not) and the entry is marked resolved. Copying state rather than
 * replaying operations makes a run idempotent: running it twice, or after the mirror
 * caught up by itself, changes nothing.
 */
@Service
public class StorageRepair {

	private final StorageMirrors mirrors;

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
		for (RepairJournal.Entry entry : journal.openEntries()) {
			Optional<EntryMirror> mirror = this.mirrors.mirror(entry.entity());
			String error = mirror.isPresent() ? mirror.get().repair(entry) : "no mirror for " + entry.entity();
			lines.add(new Line(entry.id(), entry.entity(), entry.operation(), entry.ids(), error));
		}
		return new Report(phase, journal.location(), lines);
	}

	/** Open entries right now. */
	public long openEntries() {
		return this.mirrors.journal().openCount();
	}

}
