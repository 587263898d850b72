package dev.homebudget.backup;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.homebudget.database.MigrationSeededRows;
import dev.homebudget.database.ScratchDatabases;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.stereotype.Service;

/**
 * Restores backup archives, all or nothing: only into a database without rows, migrated
 * first to the archive's schema version; every table loaded with COPY in one transaction;
 * committed only when the archive's SHA-256 matches its checksum file, every table's
 * fingerprint matches the manifest, and every identity sequence is ahead of max(id).
 * Otherwise the transaction is rolled back and the tables stay empty.
 */
@Service
public class RestoreService {

	private static final Logger log = LoggerFactory.getLogger(RestoreService.class);

	/** A manifest is a few kilobytes; anything this large is not one. */
	private static final long MAX_MANIFEST_BYTES = 16L * 1024 * 1024;

	private final DataSource dataSource;

	private final Flyway flyway;

	private final ScratchDatabases scratchDatabases;

	public RestoreService(@FlywayDataSource DataSource dataSource, Flyway flyway, ScratchDatabases scratchDatabases) {
		this.dataSource = dataSource;
		this.flyway = flyway;
		this.scratchDatabases = scratchDatabases;
	}

	/**
	 * Restores an archive into the application's database, which must hold no rows.
	 * @param skipChecksum restore even though the archive has no checksum file (a
	 * checksum that does not match still stops the restore)
	 */
	public RestoreReport restore(Path archive, boolean skipChecksum) {
		RestoreReport report = restoreInto(archive, this.dataSource,
				skipChecksum ? ChecksumPolicy.OPTIONAL : ChecksumPolicy.REQUIRED);
		log.info("Restore of {}: {}", archive, report.ok() ? "committed" : "not committed");
		return report;
	}

	/**
	 * Restores an archive into a scratch database on the same server, compares the
	 * fingerprints, and drops the scratch database again. The application's database is
	 * not touched.
	 */
	public RestoreReport verify(Path archive) {
		ScratchDatabases.ScratchDatabase scratch;
		try {
			scratch = this.scratchDatabases.create("hbw_verify");
		}
		catch (SQLException ex) {
			throw new BackupException("Could not create a scratch database to verify in (the database user needs "
					+ "the CREATEDB privilege): " + BackupService.describe(ex), ex);
		}
		try {
			return restoreInto(archive, scratch.dataSource(), ChecksumPolicy.CHECKED);
		}
		finally {
			try {
				scratch.close();
			}
			catch (SQLException ex) {
				log.warn("Could not drop the scratch database {}: {}", scratch.name(), BackupService.describe(ex));
			}
		}
	}

	RestoreReport restoreInto(Path archive, DataSource target, ChecksumPolicy policy) {
		return new Attempt(archive, target, policy).run();
	}

	/** What a missing checksum file means. */
	enum ChecksumPolicy {

		/** Refuse to restore. */
		REQUIRED,
		/** Go on and rely on the manifest's fingerprints. */
		OPTIONAL,
		/** Go on, so every table is still checked, but do not count it as a success. */
		CHECKED

	}

	/** One restore, collecting its report as it goes. */
	private final class Attempt {

		private final Path archive;

		private final DataSource target;

		private final ChecksumPolicy policy;

		private final long started = System.nanoTime();

		private RestoreReport.Checksum checksum;

		private String schemaVersion;

		private final List<String> problems = new ArrayList<>();

		private final List<RestoreReport.TableCheck> tables = new ArrayList<>();

		private final List<String> sequencesBehind = new ArrayList<>();

		Attempt(Path archive, DataSource target, ChecksumPolicy policy) {
			this.archive = archive;
			this.target = target;
			this.policy = policy;
		}

		RestoreReport run() {
			if (!Files.isRegularFile(this.archive)) {
				return refuse("there is no file " + this.archive);
			}
			try {
				this.checksum = checksum(this.archive);
			}
			catch (IOException ex) {
				return refuse("the archive cannot be read: " + ex.getMessage());
			}
			if (this.checksum.status() == RestoreReport.Checksum.Status.MISSING
					&& this.policy == ChecksumPolicy.REQUIRED) {
				return refuse("there is no checksum file " + BackupArchives.checksumFile(this.archive).getFileName()
						+ " beside the archive, so its integrity cannot be checked; restore with --skip-checksum "
						+ "to rely on the manifest's fingerprints alone");
			}
			try (TarArchiveInputStream tar = new TarArchiveInputStream(
					new BufferedInputStream(Files.newInputStream(this.archive), 1 << 16), "UTF-8")) {
				BackupManifest manifest = readManifest(tar);
				if (manifest == null) {
					return refuse("it is not a backup archive of this app: its first entry is not a readable "
							+ BackupManifest.ENTRY);
				}
				this.schemaVersion = manifest.schemaVersion();
				String refusal = prepare(manifest);
				if (refusal != null) {
					return refuse(refusal);
				}
				boolean committed = load(tar, manifest);
				return report(null, committed);
			}
			catch (IOException ex) {
				return refuse("the archive cannot be read: " + ex.getMessage());
			}
		}

		/**
		 * Checks that the target holds no rows and is not ahead of the archive, then
		 * migrates it to the archive's version. Returns why not, or {@code null}.
		 */
		private String prepare(BackupManifest manifest) {
			if (manifest.format() != BackupManifest.FORMAT) {
				return "the archive has format " + manifest.format() + "; this app reads format "
						+ BackupManifest.FORMAT;
			}
			MigrationVersion wanted = MigrationVersion.fromVersion(manifest.schemaVersion());
			boolean known = java.util.Arrays.stream(RestoreService.this.flyway.info().all())
				.map(MigrationInfo::getVersion)
				.anyMatch(wanted::equals);
			if (!known) {
				return "the archive's schema version " + manifest.schemaVersion()
						+ " is not one of this app's migrations (a newer app wrote it?)";
			}
			String history = RestoreService.this.flyway.getConfiguration().getTable();
			String current;
			try (Connection connection = this.target.getConnection()) {
				Map<String, Long> counts = DatabaseTables.rowCounts(connection, history);
				String nonEmpty = counts.entrySet()
					.stream()
					.filter((count) -> count.getValue() > 0)
					.map((count) -> count.getKey() + " (" + count.getValue() + " rows)")
					.collect(Collectors.joining(", "));
				if (!nonEmpty.isEmpty()) {
					return "the database is not empty: " + nonEmpty
							+ ". Restore only into an empty database (a new data directory, or a new database)";
				}
				current = BackupService.schemaVersion(connection, RestoreService.this.flyway);
			}
			catch (SQLException ex) {
				return "could not inspect the database: " + BackupService.describe(ex);
			}
			if (current != null && MigrationVersion.fromVersion(current).compareTo(wanted) > 0) {
				return "the empty database's schema is at version " + current + ", newer than the archive's "
						+ manifest.schemaVersion() + "; restore into a new database, or downgrade it first";
			}
			try {
				Flyway.configure(RestoreService.this.flyway.getConfiguration().getClassLoader())
					.configuration(RestoreService.this.flyway.getConfiguration())
					.dataSource(this.target)
					.target(wanted)
					.load()
					.migrate();
			}
			catch (FlywayException ex) {
				return "could not migrate the empty database to version " + manifest.schemaVersion() + ": "
						+ ex.getMessage();
			}
			return null;
		}

		/** Loads, checks and commits or rolls back. Returns whether it committed. */
		private boolean load(TarArchiveInputStream tar, BackupManifest manifest) {
			String history = RestoreService.this.flyway.getConfiguration().getTable();
			try (Connection connection = this.target.getConnection()) {
				connection.setAutoCommit(false);
				try {
					Fingerprints.canonicalSession(connection);
					// the archive holds the history and the trash as they were: loading
					// the
					// entries must not add events or trash rows of its own (V18's
					// triggers)
					try (Statement statement = connection.createStatement()) {
						statement.execute("SELECT set_config('hbw.history', 'off', true)");
					}
					Map<String, DatabaseTables.Table> existing = DatabaseTables.list(connection, history)
						.stream()
						.collect(Collectors.toMap(DatabaseTables.Table::name, Function.identity()));
					Map<String, BackupManifest.Table> byEntry = new LinkedHashMap<>();
					for (BackupManifest.Table table : manifest.tables()) {
						DatabaseTables.Table present = existing.get(table.name());
						if (present == null || !Set.copyOf(present.columns()).containsAll(table.columns())) {
							this.problems.add("table " + table.name() + " with columns " + table.columns()
									+ " does not exist at schema version " + manifest.schemaVersion());
						}
						else {
							byEntry.put(table.entry(), table);
						}
					}
					removeMigrationSeededRows(connection, byEntry.values());
					Set<String> loaded = copyEntries(connection, tar, byEntry);
					for (BackupManifest.Table table : byEntry.values()) {
						if (!loaded.contains(table.entry())) {
							this.problems.add(table.entry() + " is missing from the archive");
						}
					}
					for (BackupManifest.Table table : manifest.tables()) {
						DatabaseTables.Table present = existing.get(table.name());
						this.tables
							.add(new RestoreReport.TableCheck(table.name(), table.fingerprint(), (present != null)
									? Fingerprints.of(connection, present, OutputStream.nullOutputStream()) : null));
					}
					boolean good = checksumAccepted() && this.problems.isEmpty()
							&& this.tables.stream().allMatch(RestoreReport.TableCheck::matches);
					if (good) {
						advanceSequences(connection, manifest, existing);
						good = this.sequencesBehind.isEmpty();
					}
					if (good) {
						connection.commit();
						return true;
					}
					connection.rollback();
					return false;
				}
				catch (SQLException | IOException | RuntimeException ex) {
					connection.rollback();
					this.problems.add("loading failed, " + ((ex instanceof SQLException sql)
							? "PostgreSQL reported " + BackupService.describe(sql) : ex.toString()));
					return false;
				}
			}
			catch (SQLException ex) {
				this.problems.add("could not connect to the database: " + BackupService.describe(ex));
				return false;
			}
		}

		/**
		 * The migrations of the empty database inserted rows of their own (household 1);
		 * the archive holds the same rows as they were backed up, which replace them.
		 */
		private void removeMigrationSeededRows(Connection connection, Collection<BackupManifest.Table> tables)
				throws SQLException {
			try (Statement statement = connection.createStatement()) {
				for (BackupManifest.Table table : tables) {
					String seeded = MigrationSeededRows.BY_TABLE.get(table.name());
					if (seeded != null) {
						statement
							.executeUpdate("DELETE FROM " + DatabaseTables.quote(table.name()) + " WHERE " + seeded);
					}
				}
			}
		}

		private Set<String> copyEntries(Connection connection, TarArchiveInputStream tar,
				Map<String, BackupManifest.Table> byEntry) throws SQLException, IOException {
			Set<String> loaded = new LinkedHashSet<>();
			var copy = connection.unwrap(PGConnection.class).getCopyAPI();
			while (true) {
				TarArchiveEntry entry;
				try {
					entry = tar.getNextEntry();
				}
				catch (IOException ex) {
					this.problems.add("the archive is damaged after "
							+ (loaded.isEmpty() ? "its manifest" : "entry " + loaded.toArray()[loaded.size() - 1])
							+ ": " + ex.getMessage());
					return loaded;
				}
				if (entry == null) {
					return loaded;
				}
				BackupManifest.Table table = byEntry.get(entry.getName());
				if (table == null || loaded.contains(entry.getName())) {
					this.problems.add("unexpected entry " + entry.getName() + " in the archive");
					continue;
				}
				CompleteLinesInputStream rows = new CompleteLinesInputStream(tar);
				String columns = table.columns().stream().map(DatabaseTables::quote).collect(Collectors.joining(", "));
				copy.copyIn("COPY " + DatabaseTables.quote(table.name()) + " (" + columns + ") FROM STDIN", rows);
				loaded.add(entry.getName());
				if (rows.truncated()) {
					this.problems.add(entry.getName() + " is truncated: the archive ends inside it");
					return loaded;
				}
			}
		}

		/**
		 * Sets each identity sequence to hand out the larger of what it would have handed
		 * out at backup time and max(id) + 1, then checks it is ahead of max(id).
		 */
		private void advanceSequences(Connection connection, BackupManifest manifest,
				Map<String, DatabaseTables.Table> existing) throws SQLException {
			for (BackupManifest.Table recorded : manifest.tables()) {
				DatabaseTables.Table table = existing.get(recorded.name());
				if (table == null || table.sequenceColumn() == null) {
					continue;
				}
				String column = DatabaseTables.quote(table.sequenceColumn());
				// is_called = true, so pg_sequences (and readiness) see the value; a
				// fresh
				// sequence that would hand out 1 anyway is left alone
				try (PreparedStatement statement = connection
					.prepareStatement("SELECT setval(pg_get_serial_sequence(?, ?), "
							+ "next - 1, true) FROM (SELECT GREATEST(?, (SELECT COALESCE(max(" + column
							+ "), 0) + 1 FROM " + table.quotedName() + ")) AS next) AS wanted WHERE next > 1")) {
					statement.setString(1, table.quotedName());
					statement.setString(2, table.sequenceColumn());
					statement.setLong(3, (recorded.nextId() != null) ? recorded.nextId() : 1L);
					statement.execute();
				}
				Long next = Fingerprints.nextId(connection, table);
				try (var statement = connection.createStatement();
						var rows = statement
							.executeQuery("SELECT max(" + column + ")::bigint FROM " + table.quotedName())) {
					rows.next();
					long max = rows.getLong(1);
					if (next == null || (!rows.wasNull() && next <= max)) {
						this.sequencesBehind.add(table.name());
					}
				}
			}
		}

		private boolean checksumAccepted() {
			return this.checksum.status() == RestoreReport.Checksum.Status.MATCH
					|| (this.checksum.status() == RestoreReport.Checksum.Status.MISSING
							&& this.policy == ChecksumPolicy.OPTIONAL);
		}

		private RestoreReport refuse(String reason) {
			return report(reason, false);
		}

		private RestoreReport report(String refusal, boolean committed) {
			return new RestoreReport(this.archive, refusal, this.checksum, this.schemaVersion,
					List.copyOf(this.problems), List.copyOf(this.tables), List.copyOf(this.sequencesBehind), committed,
					Duration.ofNanos(System.nanoTime() - this.started));
		}

	}

	private static BackupManifest readManifest(TarArchiveInputStream tar) {
		try {
			TarArchiveEntry entry = tar.getNextEntry();
			if (entry == null || !entry.getName().equals(BackupManifest.ENTRY)
					|| entry.getSize() > MAX_MANIFEST_BYTES) {
				return null;
			}
			return BackupService.JSON.readValue(tar.readNBytes((int) entry.getSize()), BackupManifest.class);
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	static RestoreReport.Checksum checksum(Path archive) throws IOException {
		MessageDigest digest = Fingerprints.sha256();
		try (InputStream in = new DigestInputStream(Files.newInputStream(archive), digest)) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		String actual = HexFormat.of().formatHex(digest.digest());
		String recorded = BackupArchives.recordedChecksum(archive);
		RestoreReport.Checksum.Status status = (recorded == null) ? RestoreReport.Checksum.Status.MISSING
				: recorded.equals(actual) ? RestoreReport.Checksum.Status.MATCH
						: RestoreReport.Checksum.Status.MISMATCH;
		return new RestoreReport.Checksum(status, recorded, actual);
	}

}
