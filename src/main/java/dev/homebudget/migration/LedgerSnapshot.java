package dev.homebudget.migration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import dev.homebudget.storage.JsonDirectory;
import dev.homebudget.storage.JsonEntry;
import dev.homebudget.storage.JsonLedgerFormat;
import dev.homebudget.storage.JsonStoreException;
import dev.homebudget.storage.LedgerFile;

/**
 * One JSON file as read at one moment: its records in id order, the records that could
 * not be used, and the SHA-256 of its bytes (which names the version an import checkpoint
 * belongs to).
 *
 * @param ledger which file
 * @param file its path
 * @param present whether it exists; a missing file is an empty ledger (the original
 * created each file on its first write)
 * @param sha256 SHA-256 of the bytes in lower-case hex (of no bytes when missing)
 * @param entries the usable records, in ascending id order
 * @param rejections the records that break a rule, with position, id and reason
 */
public record LedgerSnapshot(LedgerFile ledger, Path file, boolean present, String sha256, List<JsonEntry> entries,
		List<JsonLedgerFormat.Rejection> rejections) {

	public LedgerSnapshot {
		entries = List.copyOf(entries);
		rejections = List.copyOf(rejections);
	}

	/** Parses a file's content (empty when the file does not exist). */
	public static LedgerSnapshot of(LedgerFile ledger, Path file, Optional<byte[]> content) {
		if (content.isEmpty()) {
			return new LedgerSnapshot(ledger, file, false, sha256(new byte[0]), List.of(), List.of());
		}
		JsonLedgerFormat.Parsed parsed = JsonLedgerFormat.parse(ledger, content.get(), file);
		List<JsonEntry> byId = new ArrayList<>(parsed.entries());
		byId.sort(Comparator.comparingInt(JsonEntry::id));
		return new LedgerSnapshot(ledger, file, true, sha256(content.get()), byId, parsed.rejections());
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

	public Fingerprint fingerprint() {
		return Fingerprint.of(this.ledger, this.entries);
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime provides SHA-256", ex);
		}
	}

}
