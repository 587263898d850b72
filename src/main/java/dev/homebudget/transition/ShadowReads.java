package dev.homebudget.transition;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A read experiment in the manner of GitHub's Scientist (reliability spec §1.2): a
 * sampled share of reads is answered by the primary as usual (the control) and repeated
 * on the mirror (the candidate); the two results are compared record by record and the
 * outcome is counted. The caller always gets the control's result; only in test mode does
 * a mismatch raise.
 * <p>
 * Records are compared in a canonical form: the id, the date, the amount as a number with
 * two decimals ({@code 100.0} equals {@code 100.00}), and every text field exactly, so
 * {@code null} and {@code ""} are different values (the mirror copies them as they are; a
 * difference is a real divergence). A comparison that differs at an id whose copy to the
 * mirror is under way, or finished between the two reads, is counted as inconclusive, not
 * as a mismatch. Mismatches are logged and published by id only, never with amounts.
 */
public final class ShadowReads {

	private static final Logger logger = LoggerFactory.getLogger(ShadowReads.class);

	/** How many mismatching ids are kept for {@code GET /api/v1/storage}. */
	static final int LAST_MISMATCHES = 20;

	private final String entity;

	private final int percent;

	private final boolean raise;

	private final MeterRegistry meters;

	private final EntryMirror mirror;

	private final AtomicLong matched = new AtomicLong();

	private final AtomicLong mismatched = new AtomicLong();

	private final AtomicLong inconclusive = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	private final Deque<Integer> lastMismatches = new ArrayDeque<>();

	ShadowReads(String entity, int percent, boolean raise, MeterRegistry meters, EntryMirror mirror) {
		this.entity = entity;
		this.percent = percent;
		this.raise = raise;
		this.meters = meters;
		this.mirror = mirror;
	}

	/** The mirror's result disagrees with the primary's (test mode only). */
	public static final class MismatchException extends RuntimeException {

		MismatchException(String message) {
			super(message);
		}

	}

	/** Counts so far, and the latest mismatching ids (newest last). */
	public record Snapshot(int percent, long matched, long mismatched, long inconclusive, long failed,
			List<Integer> lastMismatchIds) {
	}

	public boolean enabled() {
		return this.percent > 0;
	}

	/**
	 * Reads from the primary and, when this read is sampled, repeats the read on the
	 * mirror and compares.
	 * @param operation the read, for the log
	 * @param control the read on the primary, whose result is returned
	 * @param candidate the same read on the mirror
	 * @param canonical a row as a record
	 */
	public <T> List<T> read(String operation, Supplier<List<T>> control, Supplier<List<T>> candidate,
			Function<T, JsonEntry> canonical) {
		if (this.percent <= 0 || (this.percent < 100 && ThreadLocalRandom.current().nextInt(100) >= this.percent)) {
			return control.get();
		}
		long copiesBefore = this.mirror.copies();
		List<T> result = control.get();
		List<T> mirrored;
		try {
			mirrored = candidate.get();
		}
		catch (RuntimeException ex) {
			this.failed.incrementAndGet();
			count("failed");
			logger.warn("Shadow read {}.{} failed on the mirror: {}", this.entity, operation,
					ex.getClass().getSimpleName());
			return result;
		}
		Set<Integer> differing = differingIds(byId(result, canonical), byId(mirrored, canonical));
		// A copy under way, or one that finished between the two reads, is not a
		// divergence; and since one such row can shift a page's window and so bring in
		// others, the whole comparison is inconclusive.
		if (differing.stream().anyMatch((id) -> this.mirror.inFlight(id) || this.mirror.lastCopy(id) > copiesBefore)) {
			this.inconclusive.incrementAndGet();
			count("inconclusive");
			return result;
		}
		if (differing.isEmpty()) {
			this.matched.incrementAndGet();
			count("matched");
			return result;
		}
		this.mismatched.incrementAndGet();
		count("mismatched");
		synchronized (this.lastMismatches) {
			for (Integer id : differing) {
				this.lastMismatches.remove(id);
				this.lastMismatches.addLast(id);
				while (this.lastMismatches.size() > LAST_MISMATCHES) {
					this.lastMismatches.removeFirst();
				}
			}
		}
		logger.warn("Shadow read {}.{}: the mirror differs from the primary for {} id(s) {}", this.entity, operation,
				differing.size(), differing);
		if (this.raise) {
			throw new MismatchException(
					"shadow read " + this.entity + "." + operation + ": the mirror differs for ids " + differing);
		}
		return result;
	}

	/** Whether two records are the same in canonical form. */
	static boolean sameRecord(JsonEntry left, JsonEntry right) {
		return left.id() == right.id() && left.date().equals(right.date())
				&& Objects.equals(left.business(), right.business()) && left.category().equals(right.category())
				&& left.amount().compareTo(right.amount()) == 0 && left.account().equals(right.account())
				&& left.currency().equals(right.currency()) && Objects.equals(left.notes(), right.notes());
	}

	private static Set<Integer> differingIds(Map<Integer, JsonEntry> control, Map<Integer, JsonEntry> candidate) {
		Set<Integer> ids = new LinkedHashSet<>(control.keySet());
		ids.addAll(candidate.keySet());
		ids.removeIf((id) -> {
			JsonEntry left = control.get(id);
			JsonEntry right = candidate.get(id);
			return left != null && right != null && sameRecord(left, right);
		});
		return ids;
	}

	private static <T> Map<Integer, JsonEntry> byId(List<T> rows, Function<T, JsonEntry> canonical) {
		Map<Integer, JsonEntry> byId = new LinkedHashMap<>();
		for (T row : rows) {
			JsonEntry entry = canonical.apply(row);
			byId.put(entry.id(), entry);
		}
		return byId;
	}

	private void count(String result) {
		Counter.builder("storage.shadow.reads")
			.description("Reads repeated on the mirror store and compared with the primary's result")
			.tags("entity", this.entity, "result", result)
			.register(this.meters)
			.increment();
	}

	public Snapshot snapshot() {
		synchronized (this.lastMismatches) {
			return new Snapshot(this.percent, this.matched.get(), this.mismatched.get(), this.inconclusive.get(),
					this.failed.get(), List.copyOf(this.lastMismatches));
		}
	}

}
