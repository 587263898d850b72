package dev.homebudget.transition.transfer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.homebudget.transition.JsonDirectory;
import dev.homebudget.transition.JsonEntry;
import dev.homebudget.transition.JsonLedgerFormat;
import dev.homebudget.transition.LedgerFile;

/**
 * Writes the tables back as the original's JSON files, for a rollback to a phase in which
 * the JSON files are read. The directory is taken for the run (no app in a JSON phase can
 * write meanwhile), both tables are read from one snapshot, each file is replaced
 * atomically, and each is read back and must give the table's fingerprint.
 */
public final class JsonExporter {

	private static final DateTimeFormatter BACKUP_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private final DatabaseLedgers database;

	private final Clock clock;

	public JsonExporter(DataSource dataSource) {
		this(dataSource, Clock.systemUTC());
	}

	JsonExporter(DataSource dataSource, Clock clock) {
		this.database = new DatabaseLedgers(dataSource);
		this.clock = clock;
	}

	/**
	 * One written file.
	 *
	 * @param ledger which file
	 * @param file where it was written
	 * @param database the fingerprint of the table
	 * @param written the fingerprint of the file as read back
	 * @param unreadable records of the file as read back that break a rule (none, unless
	 * the table holds a value the original's format cannot carry)
	 * @param backup the copy of the file it replaced, or null when there was none
	 */
	public record LedgerExport(LedgerFile ledger, Path file, Fingerprint database, Fingerprint written,
			List<JsonLedgerFormat.Rejection> unreadable, Path backup) {

		public LedgerExport {
			unreadable = List.copyOf(unreadable);
		}

		public String table() {
			return LedgerTable.of(this.ledger).table();
		}

		/** The file, read back, holds exactly the table's records. */
		public boolean verified() {
			return this.unreadable.isEmpty() && this.database.equals(this.written);
		}

	}

	/** The written files. */
	public record Report(List<LedgerExport> ledgers) {

		public Report {
			ledgers = List.copyOf(ledgers);
		}

		public boolean verified() {
			return this.ledgers.stream().allMatch(LedgerExport::verified);
		}

	}

	/**
	 * Exports both tables.
	 * @param force replace existing files (each is first copied to
	 * {@code <name>.bak-<UTC timestamp>})
	 * @throws TransferException when a file exists and {@code force} is false
	 */
	public Report export(Path jsonDirectory, boolean force) {
		try (JsonDirectory directory = JsonDirectory.open(jsonDirectory)) {
			for (LedgerFile ledger : LedgerFile.values()) {
				Path file = directory.fileOf(ledger);
				if (Files.exists(file) && !force) {
					throw new TransferException(file + " exists; nothing was written. Use --force to replace it (a copy"
							+ " is kept as " + ledger.fileName() + ".bak-<timestamp>)");
				}
			}
			int[] highestVersion = new int[1];
			Map<LedgerFile, List<JsonEntry>> tables = this.database.inOneSnapshot(() -> {
				Map<LedgerFile, List<JsonEntry>> rows = new EnumMap<>(LedgerFile.class);
				for (LedgerFile ledger : LedgerFile.values()) {
					List<JsonEntry> entries = new ArrayList<>();
					this.database.forEach(ledger, entries::add);
					rows.put(ledger, entries);
					highestVersion[0] = Math.max(highestVersion[0], this.database.highestVersion(ledger));
				}
				return rows;
			});
			// an app on these files loads every row above the ETags PostgreSQL handed out
			directory.keepVersionsAbove(highestVersion[0]);
			String stamp = BACKUP_STAMP.format(this.clock.instant());
			Map<LedgerFile, Path> backups = new EnumMap<>(LedgerFile.class);
			for (LedgerFile ledger : LedgerFile.values()) {
				Path file = directory.fileOf(ledger);
				if (Files.exists(file)) {
					backups.put(ledger, copyDurably(file, file.resolveSibling(ledger.fileName() + ".bak-" + stamp)));
				}
			}
			List<LedgerExport> exports = new ArrayList<>();
			for (LedgerFile ledger : LedgerFile.values()) {
				List<JsonEntry> rows = tables.get(ledger);
				directory.replace(ledger, JsonLedgerFormat.write(ledger, rows));
				Path file = directory.fileOf(ledger);
				LedgerSnapshot readBack = LedgerSnapshot.of(ledger, file, directory.read(ledger));
				exports.add(new LedgerExport(ledger, file, Fingerprint.of(ledger, rows), readBack.fingerprint(),
						readBack.rejections(), backups.get(ledger)));
			}
			return new Report(exports);
		}
	}

	/** A copy that is on disk before the original is replaced. */
	private static Path copyDurably(Path file, Path backup) {
		try {
			byte[] content = Files.readAllBytes(file);
			try (FileChannel channel = FileChannel.open(backup, StandardOpenOption.CREATE_NEW,
					StandardOpenOption.WRITE)) {
				ByteBuffer buffer = ByteBuffer.wrap(content);
				while (buffer.hasRemaining()) {
					channel.write(buffer);
				}
				channel.force(true);
			}
			return backup;
		}
		catch (IOException ex) {
			throw new TransferException("Could not keep a copy of " + file + " as " + backup + " (" + ex.getMessage()
					+ "); nothing was replaced", ex);
		}
	}

}
