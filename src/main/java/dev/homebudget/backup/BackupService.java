package dev.homebudget.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import javax.sql.DataSource;

import dev.homebudget.database.DatabaseProperties;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes backup archives: one uncompressed tar holding {@code manifest.json} and the rows
 * of every application table in PostgreSQL's COPY text format, read in one
 * repeatable-read snapshot so the tables agree with each other. No {@code pg_dump}
 * needed, so it works with the embedded server. The archive is written under a temporary
 * name, forced to disk and then renamed, so an archive that exists is complete; its
 * SHA-256 goes into a file beside it.
 */
@Service
public class BackupService {

	private static final Logger log = LoggerFactory.getLogger(BackupService.class);

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

	private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

	private final DataSource dataSource;

	private final Flyway flyway;

	private final BackupProperties properties;

	private final Path defaultDirectory;

	private final AtomicReference<Instant> lastSuccess = new AtomicReference<>();

	private final AtomicLong failures = new AtomicLong();

	public BackupService(@FlywayDataSource DataSource dataSource, Flyway flyway, BackupProperties properties,
			DatabaseProperties database) {
		this.dataSource = dataSource;
		this.flyway = flyway;
		this.properties = properties;
		this.defaultDirectory = (properties.directory() != null) ? properties.directory().toAbsolutePath().normalize()
				: database.embedded().dataDirectory().toAbsolutePath().normalize().resolveSibling("backups");
		BackupArchives.list(this.defaultDirectory)
			.stream()
			.findFirst()
			.flatMap(BackupArchives::takenAt)
			.ifPresent(this.lastSuccess::set);
	}

	/** {@code budget.backup.directory}, or {@code backups} beside the data directory. */
	public Path defaultDirectory() {
		return this.defaultDirectory;
	}

	public BackupProperties properties() {
		return this.properties;
	}

	/**
	 * Writes one archive of every table into {@code directory}.
	 * @param label appended to the archive's name (lower-case letters, digits and
	 * dashes), or {@code null}
	 * @throws BackupException when the database or the file system fails; no archive is
	 * left behind then
	 */
	// One at a time: two backups in the same second would otherwise pick the same name.
	public synchronized BackupResult backup(Path directory, String label) {
		long started = System.nanoTime();
		try {
			BackupResult result = write(directory.toAbsolutePath().normalize(), label, started);
			this.lastSuccess.set(result.createdAt());
			return result;
		}
		catch (SQLException ex) {
			this.failures.incrementAndGet();
			throw new BackupException("The backup failed: the database reported " + describe(ex), ex);
		}
		catch (IOException | UncheckedIOException ex) {
			this.failures.incrementAndGet();
			throw new BackupException("The backup failed writing to " + directory + ": " + ex.getMessage(), ex);
		}
		catch (RuntimeException ex) {
			this.failures.incrementAndGet();
			throw ex;
		}
	}

	/**
	 * Applies the configured retention ({@code keep-daily}, {@code keep-weekly}) to the
	 * archives in {@code directory}.
	 */
	public List<Path> prune(Path directory) {
		return prune(directory, this.properties.keepDaily(), this.properties.keepWeekly());
	}

	public List<Path> prune(Path directory, int keepDaily, int keepWeekly) {
		List<Path> deleted = BackupArchives.prune(directory, keepDaily, keepWeekly);
		deleted.forEach((archive) -> log.info("Deleted old backup {}", archive));
		return deleted;
	}

	/**
	 * The safety net before a schema migration: a backup into the default directory when
	 * {@code budget.backup.before-migrate} is on and any table holds a row.
	 * @param targetVersion the version the migration leads to, for the archive's label
	 * @return the backup, or empty when none was needed
	 */
	public Optional<BackupResult> backupBeforeMigration(String targetVersion) {
		if (!wantsBackupBeforeMigration()) {
			return Optional.empty();
		}
		String label = "before-v" + targetVersion.replaceAll("[^0-9a-z]+", "-").toLowerCase(java.util.Locale.ROOT);
		BackupResult result = backup(this.defaultDirectory, label);
		log.info("Backed up the database before migrating it to version {}: {}", targetVersion, result.archive());
		return Optional.of(result);
	}

	/**
	 * Whether a migration now should be preceded by a backup: it is switched on and a
	 * table holds a row. Cheap (one look for a first row per table), so it is asked
	 * before Flyway is.
	 */
	public boolean wantsBackupBeforeMigration() {
		if (!this.properties.beforeMigrate()) {
			return false;
		}
		try (Connection connection = this.dataSource.getConnection()) {
			return DatabaseTables.anyRows(connection, historyTable());
		}
		catch (SQLException ex) {
			throw new BackupException(
					"Could not check whether the database holds data before migrating: " + describe(ex), ex);
		}
	}

	/** When the newest backup this app knows of was taken, or {@code null}. */
	Instant lastSuccess() {
		return this.lastSuccess.get();
	}

	long failures() {
		return this.failures.get();
	}

	String historyTable() {
		return this.flyway.getConfiguration().getTable();
	}

	private BackupResult write(Path directory, String label, long started) throws SQLException, IOException {
		createPrivateDirectories(directory);
		Instant createdAt = Instant.now();
		Path archive = BackupArchives.newArchive(directory, createdAt, label);
		Path work = Files.createTempDirectory(directory, ".backup-");
		try {
			List<Path> entries = new ArrayList<>();
			BackupManifest manifest = snapshot(createdAt, work, entries);
			Path part = directory.resolve("." + archive.getFileName() + ".part");
			MessageDigest digest = Fingerprints.sha256();
			try {
				writeTar(part, digest, manifest, entries, createdAt);
				Files.setPosixFilePermissions(part, OWNER_ONLY_FILE);
				force(part);
				Files.move(part, archive, StandardCopyOption.ATOMIC_MOVE);
			}
			finally {
				Files.deleteIfExists(part);
			}
			String sha256 = HexFormat.of().formatHex(digest.digest());
			try {
				writeChecksum(archive, sha256);
				force(directory);
			}
			catch (IOException | RuntimeException ex) {
				// an archive without its checksum is no backup (restore refuses it): a
				// failed backup (a full disk) leaves nothing behind
				Files.deleteIfExists(archive);
				throw ex;
			}
			long bytes = Files.size(archive);
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			log.info("Backup {} written: {} tables, {} rows, {} bytes in {} ms", archive, manifest.tables().size(),
					manifest.tables().stream().mapToLong(BackupManifest.Table::rows).sum(), bytes, took.toMillis());
			return new BackupResult(archive, sha256, manifest, bytes, took, createdAt);
		}
		finally {
			deleteRecursively(work);
		}
	}

	private BackupManifest snapshot(Instant createdAt, Path work, List<Path> entries) throws SQLException, IOException {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			connection.setReadOnly(true);
			try {
				Fingerprints.canonicalSession(connection);
				String version = schemaVersion(connection, this.flyway);
				if (version == null) {
					throw new BackupException(
							"The database has no schema yet (no applied migration): nothing to back up");
				}
				List<BackupManifest.Table> tables = new ArrayList<>();
				for (DatabaseTables.Table table : DatabaseTables.list(connection, historyTable())) {
					Path data = work.resolve(tables.size() + ".copy");
					TableFingerprint fingerprint;
					try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(data), 1 << 16)) {
						fingerprint = Fingerprints.of(connection, table, out);
					}
					entries.add(data);
					tables.add(new BackupManifest.Table(table.name(), "data/" + table.name() + ".copy", table.columns(),
							fingerprint.rows(), fingerprint.amountSum(), fingerprint.maxId(), fingerprint.sha256(),
							Fingerprints.nextId(connection, table)));
				}
				connection.commit();
				return new BackupManifest(BackupManifest.FORMAT, createdAt.toString(), version, List.copyOf(tables));
			}
			catch (SQLException | IOException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
		}
	}

	/**
	 * The newest successfully applied versioned migration, read through the connection
	 * (inside its snapshot), or {@code null} when there is no history table or no applied
	 * migration.
	 */
	static String schemaVersion(Connection connection, Flyway flyway) throws SQLException {
		String table = flyway.getConfiguration().getTable();
		try (var exists = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
			exists.setString(1, DatabaseTables.quote(table));
			try (ResultSet rows = exists.executeQuery()) {
				rows.next();
				if (!rows.getBoolean(1)) {
					return null;
				}
			}
		}
		MigrationVersion newest = null;
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT version FROM " + DatabaseTables.quote(table)
						+ " WHERE success AND version IS NOT NULL")) {
			while (rows.next()) {
				MigrationVersion version = MigrationVersion.fromVersion(rows.getString(1));
				if (newest == null || version.compareTo(newest) > 0) {
					newest = version;
				}
			}
		}
		return (newest != null) ? newest.getVersion() : null;
	}

	private static void writeTar(Path part, MessageDigest digest, BackupManifest manifest, List<Path> entries,
			Instant createdAt) throws IOException {
		try (OutputStream file = Files.newOutputStream(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
				TarArchiveOutputStream tar = new TarArchiveOutputStream(
						new DigestOutputStream(new BufferedOutputStream(file, 1 << 16), digest),
						StandardCharsets.UTF_8.name())) {
			tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
			tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
			byte[] manifestBytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
			TarArchiveEntry manifestEntry = new TarArchiveEntry(BackupManifest.ENTRY);
			manifestEntry.setSize(manifestBytes.length);
			manifestEntry.setModTime(createdAt.toEpochMilli());
			tar.putArchiveEntry(manifestEntry);
			tar.write(manifestBytes);
			tar.closeArchiveEntry();
			for (int i = 0; i < entries.size(); i++) {
				TarArchiveEntry entry = new TarArchiveEntry(manifest.tables().get(i).entry());
				entry.setSize(Files.size(entries.get(i)));
				entry.setModTime(createdAt.toEpochMilli());
				tar.putArchiveEntry(entry);
				Files.copy(entries.get(i), tar);
				tar.closeArchiveEntry();
			}
			tar.finish();
		}
	}

	private static void writeChecksum(Path archive, String sha256) throws IOException {
		Path checksum = BackupArchives.checksumFile(archive);
		Path part = checksum.resolveSibling("." + checksum.getFileName() + ".part");
		try {
			Files.writeString(part, sha256 + "  " + archive.getFileName() + "\n", StandardCharsets.US_ASCII);
			force(part);
			Files.move(part, checksum, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		finally {
			Files.deleteIfExists(part);
		}
	}

	private static void createPrivateDirectories(Path directory) throws IOException {
		if (!Files.isDirectory(directory)) {
			Files.createDirectories(directory);
			Files.setPosixFilePermissions(directory, OWNER_ONLY_DIRECTORY);
		}
	}

	/** fsync a file, or a directory (so a rename in it survives a crash). */
	private static void force(Path path) throws IOException {
		try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
			channel.force(true);
		}
	}

	private static void deleteRecursively(Path root) {
		try (Stream<Path> paths = Files.walk(root)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			log.warn("Could not delete the temporary directory {}: {}", root, ex.getMessage());
		}
	}

	/** The SQLState and the server's message, never a URL or password. */
	static String describe(SQLException ex) {
		return ((ex.getSQLState() != null) ? "[" + ex.getSQLState() + "] " : "") + ex.getMessage();
	}

}
