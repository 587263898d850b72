package dev.homebudget.transition.transfer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import dev.homebudget.transition.JsonDirectory;
import dev.homebudget.transition.JsonEntry;
import dev.homebudget.transition.JsonLedgerFormat;
import dev.homebudget.transition.JsonStoreException;
import dev.homebudget.transition.LedgerFile;

/**
 * One JSON file as read at one moment: its records in id order, the records that could
 * not be used, and the fingerprint of its records. The fingerprint's SHA-256 also names
 * the version an import checkpoint belongs to: the same records in the same order make
 * the same batches.
 *
 * @param ledger which file
 * @param file its path
 * @param present whether it exists; a missing file is an empty ledger (the original
 * created each file on its first write)
 * @param entries the usable records, in ascending id order
 * @param rejections the records that break a rule, with position, id and reason
 * @param normalisations the amounts written with float noise and read as their cent
 * @param fingerprint the fingerprint of the usable records
 */
public record LedgerSnapshot(LedgerFile ledger, Path file, boolean present, List<JsonEntry> entries,
		List<JsonLedgerFormat.Rejection> rejections, List<JsonLedgerFormat.Normalisation> normalisations,
		Fingerprint fingerprint) {

	public LedgerSnapshot {
		entries = List.copyOf(entries);
		rejections = List.copyOf(rejections);
		normalisations = List.copyOf(normalisations);
	}

	/** Parses a file's content (empty when the file does not exist). */
	public static LedgerSnapshot of(LedgerFile ledger, Path file, Optional<byte[]> content) {
		if (content.isEmpty()) {
			return new LedgerSnapshot(ledger, file, false, List.of(), List.of(), List.of(),
					Fingerprint.of(ledger, List.of()));
		}
		JsonLedgerFormat.Parsed parsed = JsonLedgerFormat.parse(ledger, content.get(), file);
		List<JsonEntry> byId = new ArrayList<>(parsed.entries());
		byId.sort(Comparator.comparingInt(JsonEntry::id));
		return new LedgerSnapshot(ledger, file, true, byId, parsed.rejections(), parsed.normalisations(),
				Fingerprint.of(ledger, byId));
	}

	/**
	 * Both files of a directory, read without taking it (a running app may own it; each
	 * file is replaced atomically, so each read is one consistent version of that file).
	 */
	public static Map<LedgerFile, LedgerSnapshot> readUnlocked(Path directory) {
		return readAll(directory, (dir, ledger) -> JsonDirectory.readSnapshot(dir, ledger));
	}

	/** Both files of a directory this process owns. */
	public static Map<LedgerFile, LedgerSnapshot> read(JsonDirectory directory) {
		return readAll(directory.path(), (dir, ledger) -> directory.read(ledger));
	}

	/** The directory, which must exist: a mistyped path is not an empty ledger. */
	public static Path requireDirectory(Path directory) {
		Path absolute = directory.toAbsolutePath().normalize();
		if (!Files.isDirectory(absolute)) {
			throw new JsonStoreException(absolute, "is not a directory (give the JSON directory with --json-dir)");
		}
		return absolute;
	}

	private static Map<LedgerFile, LedgerSnapshot> readAll(Path directory,
			BiFunction<Path, LedgerFile, Optional<byte[]>> reader) {
		Path absolute = requireDirectory(directory);
		Map<LedgerFile, LedgerSnapshot> snapshots = new EnumMap<>(LedgerFile.class);
		for (LedgerFile ledger : LedgerFile.values()) {
			snapshots.put(ledger, of(ledger, absolute.resolve(ledger.fileName()), reader.apply(absolute, ledger)));
		}
		if (snapshots.values().stream().noneMatch(LedgerSnapshot::present)) {
			throw new JsonStoreException(absolute,
					"holds neither expenses.json nor incomes.json (is it the JSON directory?)");
		}
		return snapshots;
	}

}
