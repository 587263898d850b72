package dev.homebudget.transition;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The original's two JSON files, opened together: the directory is locked against a
 * second process, both files are read and checked, and each becomes a {@link JsonLedger}.
 * A store that cannot be read is never taken for an empty one:
 * <ul>
 * <li>a file that is not UTF-8, not JSON or not an array, or that holds a record breaking
 * a rule, stops startup with the file and the records named;</li>
 * <li>both files missing is a new store: both are written empty ({@code []}) at
 * once;</li>
 * <li>exactly one missing is refused: the other was probably lost or moved.</li>
 * </ul>
 */
public final class JsonStore implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(JsonStore.class);

	/** How many rejected records a startup report lists before summarising. */
	static final int REJECTIONS_SHOWN = 20;

	private final JsonDirectory directory;

	private final Map<LedgerFile, List<JsonEntry>> loaded;

	private final Map<LedgerFile, JsonLedger<?>> ledgers = new EnumMap<>(LedgerFile.class);

	private final boolean createdEmpty;

	private final VersionFloor versions;

	private JsonStore(JsonDirectory directory, Map<LedgerFile, List<JsonEntry>> loaded, boolean createdEmpty) {
		this.directory = directory;
		this.loaded = loaded;
		this.createdEmpty = createdEmpty;
		this.versions = VersionFloor.open(directory);
	}

	/**
	 * Opens and reads the directory.
	 * @throws JsonStoreException naming the file (and records) that cannot be used
	 */
	public static JsonStore open(Path path) {
		JsonDirectory directory = JsonDirectory.open(path);
		try {
			Map<LedgerFile, Optional<byte[]>> contents = new EnumMap<>(LedgerFile.class);
			for (LedgerFile file : LedgerFile.values()) {
				contents.put(file, directory.read(file));
			}
			long missing = contents.values().stream().filter(Optional::isEmpty).count();
			if (missing == LedgerFile.values().length) {
				logger.info("JSON store {}: no expenses.json or incomes.json yet; starting empty", directory.path());
				Map<LedgerFile, List<JsonEntry>> empty = new EnumMap<>(LedgerFile.class);
				for (LedgerFile file : LedgerFile.values()) {
					// Both files exist from now on, so a later start can tell a lost file
					// from
					// a new store.
					directory.replace(file, JsonLedgerFormat.write(file, List.of()));
					empty.put(file, List.of());
				}
				return new JsonStore(directory, empty, true);
			}
			Map<LedgerFile, List<JsonEntry>> loaded = new EnumMap<>(LedgerFile.class);
			for (LedgerFile file : LedgerFile.values()) {
				Path source = directory.fileOf(file);
				byte[] content = contents.get(file)
					.orElseThrow(() -> new JsonStoreException(source, "is missing while " + otherFile(file).fileName()
							+ " exists; it was probably lost or moved. Nothing was " + "created in its place"));
				JsonLedgerFormat.Parsed parsed = JsonLedgerFormat.parse(file, content, source);
				if (!parsed.rejections().isEmpty()) {
					throw new JsonStoreException(source, describe(parsed.rejections()));
				}
				if (!parsed.normalisations().isEmpty()) {
					logger.warn(
							"{}: {} amount(s) written with float noise were read as the cent they stand for "
									+ "(ids {}); the next write of the file stores them as cents",
							source, parsed.normalisations().size(),
							parsed.normalisations()
								.stream()
								.limit(REJECTIONS_SHOWN)
								.map((normalisation) -> Integer.toString(normalisation.id()))
								.collect(Collectors.joining(", ")));
				}
				loaded.put(file, parsed.entries());
			}
			logger.info("JSON store {}: {}", directory.path(),
					loaded.entrySet()
						.stream()
						.map((entry) -> entry.getKey().fileName() + " " + entry.getValue().size() + " records")
						.collect(Collectors.joining(", ")));
			return new JsonStore(directory, loaded, false);
		}
		catch (RuntimeException ex) {
			directory.close();
			throw ex;
		}
	}

	private static LedgerFile otherFile(LedgerFile file) {
		return (file == LedgerFile.EXPENSES) ? LedgerFile.INCOMES : LedgerFile.EXPENSES;
	}

	private static String describe(List<JsonLedgerFormat.Rejection> rejections) {
		String shown = rejections.stream()
			.limit(REJECTIONS_SHOWN)
			.map(JsonLedgerFormat.Rejection::toString)
			.collect(Collectors.joining("; "));
		int more = rejections.size() - REJECTIONS_SHOWN;
		return "has " + rejections.size() + " record(s) that cannot be used, so it was not loaded and was left "
				+ "untouched: " + shown + ((more > 0) ? "; and " + more + " more" : "");
	}

	/** The locked directory. */
	public JsonDirectory directory() {
		return this.directory;
	}

	/** Whether neither file existed when the store was opened. */
	public boolean createdEmpty() {
		return this.createdEmpty;
	}

	/** How many records a file held when the store was opened. */
	public int loadedCount(LedgerFile file) {
		return this.loaded.get(file).size();
	}

	/**
	 * The file as a ledger of the feature's rows; each file has one ledger.
	 * @throws IllegalStateException when the file's ledger was already taken
	 */
	public synchronized <T> JsonLedger<T> ledger(LedgerFile file, JsonLedger.RowMapper<T> mapper) {
		if (this.ledgers.containsKey(file)) {
			throw new IllegalStateException(file.fileName() + " already has its ledger");
		}
		JsonLedger<T> ledger = new JsonLedger<>(this.directory, file, this.loaded.get(file), mapper, this.versions);
		this.ledgers.put(file, ledger);
		return ledger;
	}

	/** The ledger of a file, if a feature took it. */
	public synchronized Optional<JsonLedger<?>> existingLedger(LedgerFile file) {
		return Optional.ofNullable(this.ledgers.get(file));
	}

	@Override
	public void close() {
		this.directory.close();
	}

}
