package dev.homebudget.database;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where a write that no HTTP request makes comes from, for the history of changes: the
 * app's own tasks name it around their work on their thread ({@code schedule}, with the
 * schedule's creator), and the command line around the command it runs ({@code cli}). A
 * request's own origin (its user and whether it came from the browser or an API client)
 * is known from the request itself and wins.
 */
public final class WriteOrigin {

	private static final ThreadLocal<Origin> CURRENT = new ThreadLocal<>();

	private WriteOrigin() {
	}

	/**
	 * @param source a history source: {@code schedule}, {@code cli}, ...
	 * @param actorId the user the write is made for; null for nobody
	 * @param actorName that user's name; null for nobody
	 */
	public record Origin(String source, Integer actorId, String actorName) {

	}

	/** Runs {@code work} on this thread as coming from {@code origin}. */
	public static <T> T as(Origin origin, Supplier<T> work) {
		Origin before = CURRENT.get();
		CURRENT.set(origin);
		try {
			return work.get();
		}
		finally {
			if (before == null) {
				CURRENT.remove();
			}
			else {
				CURRENT.set(before);
			}
		}
	}

	/** The origin named on this thread; empty when none was. */
	public static Optional<Origin> current() {
		return Optional.ofNullable(CURRENT.get());
	}

}
