package dev.homebudget.transition;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Row versions (the ETags) of a JSON store that survive a restart, without a field in the
 * original's files: a side file in the JSON directory holds one number, a version above
 * every version the store has handed out. Rows are loaded at that number, so an ETag from
 * before a restart never matches a row that was changed since: a stale {@code If-Match}
 * is a 412 in every phase.
 * <p>
 * The number is reserved ahead in blocks: before a write hands out a version at or above
 * the reservation, a new one ({@value #BLOCK} higher) is written durably (replaced
 * atomically, like the JSON files), so the file is written about once per process that
 * changes anything, not once per write. A process that only read (or only created rows)
 * leaves the number as it was, and the next one loads every row at the same version
 * again: an ETag stays valid across a restart that changed nothing. If the reservation
 * cannot be written (a full disk) the write is refused, like a JSON file that cannot be
 * written.
 */
final class VersionFloor {

	private static final Logger logger = LoggerFactory.getLogger(VersionFloor.class);

	static final String FILE_NAME = ".home-budget-web.versions";

	/**
	 * Where a store without the file starts: above every version a release that kept
	 * versions in memory only could have handed out (every row started at 0 with the
	 * process and went up by one per change).
	 */
	static final int INITIAL = 1_000_000;

	/** How far each reservation reaches ahead. */
	static final int BLOCK = 1_000;

	/** The largest version an ETag can carry ({@code If-Match} takes up to 9 digits). */
	static final int MAX = 999_999_999;

	private final JsonDirectory directory;

	private final int base;

	private int reserved;

	private VersionFloor(JsonDirectory directory, int base) {
		this.directory = directory;
		this.base = base;
		this.reserved = base;
	}

	/** Reads the directory's number; a file that cannot be read stops startup. */
	static VersionFloor open(JsonDirectory directory) {
		Path file = directory.path().resolve(FILE_NAME);
		Optional<byte[]> content = directory.readNamed(FILE_NAME);
		if (content.isEmpty()) {
			return new VersionFloor(directory, INITIAL);
		}
		String text = new String(content.get(), StandardCharsets.US_ASCII).strip();
		int base;
		try {
			base = Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			base = -1;
		}
		if (base < 0 || base > MAX) {
			throw new JsonStoreException(file,
					"does not hold a row version (a number from 0 to " + MAX + "); it was left untouched",
					"The file keeps ETags valid across restarts. Write a number larger than any ETag a client may "
							+ "hold into it (for example " + INITIAL * 10 + "), then start again.",
					null);
		}
		return new VersionFloor(directory, base);
	}

	/** The version of every row when the store is loaded. */
	int base() {
		return this.base;
	}

	/**
	 * Makes sure the version about to be handed out stays below the durable reservation,
	 * extending it first when needed.
	 * @throws JsonStoreException when the reservation cannot be written: the write must
	 * not happen
	 */
	synchronized void reserve(int version) {
		if (version < this.reserved) {
			return;
		}
		if (version >= MAX - BLOCK) {
			throw new JsonStoreException(this.directory.path().resolve(FILE_NAME),
					"row versions are exhausted (" + version + ")",
					"Stop the app, write a smaller number into the file (every client then reloads its records "
							+ "before it can change them), and start again.",
					null);
		}
		int next = version + BLOCK;
		this.directory.replaceNamed(FILE_NAME, (next + "\n").getBytes(StandardCharsets.US_ASCII));
		logger.debug("Row versions of {} reserved up to {}", this.directory.path(), next);
		this.reserved = next;
	}

}
