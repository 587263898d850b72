package dev.homebudget.database;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * How to run the embedded PostgreSQL server.
 *
 * @param dataDirectory where the cluster lives (relative paths are resolved against the
 * working directory); kept across restarts
 * @param port TCP port on 127.0.0.1, or 0 to pick a free one at each start
 * @param osUser unprivileged account that runs the server when the JVM runs as root
 * @param databaseName application database, created at start if missing
 * @param binariesCacheDirectory where the server binaries are unpacked once
 * @param relocatedClustersDirectory where a cluster is placed instead when the OS account
 * cannot reach {@code dataDirectory}
 */
public record EmbeddedPostgresSettings(Path dataDirectory, int port, String osUser, String databaseName,
		Path binariesCacheDirectory, Path relocatedClustersDirectory) {

	public static final Path DEFAULT_DATA_DIRECTORY = Path.of("data", "postgres");

	public static final String DEFAULT_OS_USER = "nobody";

	public static final String DEFAULT_DATABASE_NAME = "budget";

	public static final Path DEFAULT_RELOCATED_CLUSTERS_DIRECTORY = Path.of("/var/lib/home-budget-web/clusters");

	private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

	// pg_ctl hands the data directory to /bin/sh inside double quotes.
	private static final Pattern SHELL_SENSITIVE = Pattern.compile("[\"$`\\\\\\n]");

	public EmbeddedPostgresSettings {
		dataDirectory = ((dataDirectory != null) ? dataDirectory : DEFAULT_DATA_DIRECTORY).toAbsolutePath().normalize();
		osUser = (osUser != null && !osUser.isBlank()) ? osUser.strip() : DEFAULT_OS_USER;
		databaseName = (databaseName != null && !databaseName.isBlank()) ? databaseName.strip() : DEFAULT_DATABASE_NAME;
		binariesCacheDirectory = ((binariesCacheDirectory != null) ? binariesCacheDirectory
				: defaultBinariesCacheDirectory())
			.toAbsolutePath()
			.normalize();
		relocatedClustersDirectory = ((relocatedClustersDirectory != null) ? relocatedClustersDirectory
				: DEFAULT_RELOCATED_CLUSTERS_DIRECTORY)
			.toAbsolutePath()
			.normalize();
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException(
					"The embedded PostgreSQL port must be between 0 (pick a free port) and 65535, but was " + port);
		}
		if (!DATABASE_NAME.matcher(databaseName).matches()) {
			throw new IllegalArgumentException("The database name '" + databaseName
					+ "' is not allowed; use letters, digits and underscores (at most 63, not starting with a digit)");
		}
		if (SHELL_SENSITIVE.matcher(dataDirectory.toString()).find()) {
			throw new IllegalArgumentException("The data directory " + dataDirectory
					+ " contains a character (\", $, `, \\ or newline) that pg_ctl cannot handle; choose another path");
		}
		if (dataDirectory.getParent() == null) {
			throw new IllegalArgumentException("The data directory cannot be the root directory");
		}
	}

	/** Settings with defaults for everything but the data directory. */
	public static EmbeddedPostgresSettings of(Path dataDirectory) {
		return new EmbeddedPostgresSettings(dataDirectory, 0, null, null, null, null);
	}

	public EmbeddedPostgresSettings withPort(int port) {
		return new EmbeddedPostgresSettings(this.dataDirectory, port, this.osUser, this.databaseName,
				this.binariesCacheDirectory, this.relocatedClustersDirectory);
	}

	public EmbeddedPostgresSettings withOsUser(String osUser) {
		return new EmbeddedPostgresSettings(this.dataDirectory, this.port, osUser, this.databaseName,
				this.binariesCacheDirectory, this.relocatedClustersDirectory);
	}

	public EmbeddedPostgresSettings withDatabaseName(String databaseName) {
		return new EmbeddedPostgresSettings(this.dataDirectory, this.port, this.osUser, databaseName,
				this.binariesCacheDirectory, this.relocatedClustersDirectory);
	}

	public EmbeddedPostgresSettings withRelocatedClustersDirectory(Path relocatedClustersDirectory) {
		return new EmbeddedPostgresSettings(this.dataDirectory, this.port, this.osUser, this.databaseName,
				this.binariesCacheDirectory, relocatedClustersDirectory);
	}

	/**
	 * {@code ${java.io.tmpdir}/home-budget-web} for root, a per-user directory otherwise,
	 * so an unprivileged user never trips over a cache root owned by someone else.
	 */
	static Path defaultBinariesCacheDirectory() {
		Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
		int uid = OsAccount.currentUid();
		return tmp.resolve((uid == 0) ? "home-budget-web" : "home-budget-web-" + uid);
	}

}
