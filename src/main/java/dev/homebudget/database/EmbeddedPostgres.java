package dev.homebudget.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.postgresql.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run from the binaries on the class path, owned by this JVM. The
 * cluster survives restarts; only one launcher at a time may own a data directory.
 * <p>
 * Running as root, the server runs as an unprivileged OS account (PostgreSQL refuses
 * root). It listens on 127.0.0.1 only, with password authentication and no unix socket.
 */
public final class EmbeddedPostgres implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedPostgres.class);

	private static final int PG_CTL_WAIT_SECONDS = 60;

	private static final long PROCESS_TIMEOUT_SECONDS = PG_CTL_WAIT_SECONDS + 30;

	private static final int PORT_ATTEMPTS = 3;

	private static final long LOG_ROTATE_BYTES = 10L * 1024 * 1024;

	static final String LOG_FILE = "postgresql.log";

	private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

	private final EmbeddedPostgresSettings settings;

	private final PostgresBinaries binaries;

	private final OsAccount account;

	private final ClusterPlacement placement;

	private final DataDirectoryLock lock;

	private final Thread shutdownHook = new Thread(this::closeAtJvmExit, "embedded-postgres-shutdown");

	private volatile Duration shutdownHookDelay = Duration.ZERO;

	private Credentials credentials;

	private int port;

	private long serverPid;

	private boolean closed;

	private EmbeddedPostgres(EmbeddedPostgresSettings settings, PostgresBinaries binaries, OsAccount account,
			ClusterPlacement placement, DataDirectoryLock lock) {
		this.settings = settings;
		this.binaries = binaries;
		this.account = account;
		this.placement = placement;
		this.lock = lock;
	}

	/**
	 * Starts the server, creating the cluster and the application database if needed.
	 * @param settings where and how to run
	 * @return the running server; close it to stop the server
	 * @throws EmbeddedPostgresException with an explanation for the user if anything
	 * fails
	 */
	public static EmbeddedPostgres start(EmbeddedPostgresSettings settings) {
		long startedAt = System.nanoTime();
		OsAccount account = (OsAccount.currentUid() == 0) ? OsAccount.lookup(settings.osUser()) : null;
		Path configured = settings.dataDirectory();
		FileTree.createDirectories(configured.getParent());
		// Before anything touches the cluster: a second process must back off untouched.
		DataDirectoryLock lock = DataDirectoryLock.acquire(configured);
		try {
			PostgresBinaries binaries = PostgresBinaries.prepare(binariesCache(settings, account));
			ClusterPlacement placement = ClusterPlacement.resolve(configured, account,
					settings.relocatedClustersDirectory());
			EmbeddedPostgres server = new EmbeddedPostgres(settings, binaries, account, placement, lock);
			boolean created = server.boot();
			logger.info("Embedded PostgreSQL {} ready on 127.0.0.1:{} in {} ms ({} cluster in {})", binaries.version(),
					server.port, Duration.ofNanos(System.nanoTime() - startedAt).toMillis(),
					created ? "new" : "existing", placement.cluster());
			return server;
		}
		catch (RuntimeException ex) {
			lock.close();
			throw ex;
		}
	}

	static Path binariesCache(EmbeddedPostgresSettings settings, OsAccount account) {
		Path cache = settings.binariesCacheDirectory();
		if (account != null) {
			Path blocker = account.firstUntraversable(cache);
			if (blocker != null) {
				Path fallback = settings.relocatedClustersDirectory().resolveSibling("binaries");
				logger.warn("OS account '{}' cannot traverse {}, so the PostgreSQL binaries are unpacked to {} instead",
						account.name(), blocker, fallback);
				return fallback;
			}
		}
		return cache;
	}

	private boolean boot() {
		Path cluster = this.placement.cluster();
		Path credentialsFile = Credentials.fileFor(this.placement.configured());
		boolean create = !Files.isRegularFile(cluster.resolve("PG_VERSION"));
		if (create) {
			prepareNewClusterDirectory(cluster);
			this.credentials = Files.exists(credentialsFile) ? Credentials.read(credentialsFile)
					: Credentials.generate();
			// Written first: a cluster whose password is lost is unusable.
			this.credentials.write(credentialsFile);
			initdb(cluster);
		}
		else {
			checkExistingCluster(cluster, credentialsFile);
			this.credentials = Credentials.read(credentialsFile);
		}
		stopOrphanOrRemoveStalePidFile(cluster);
		startServer(cluster);
		Runtime.getRuntime().addShutdownHook(this.shutdownHook);
		try {
			createDatabaseIfMissing(this.settings.databaseName());
		}
		catch (RuntimeException ex) {
			close();
			throw ex;
		}
		return create;
	}

	private void prepareNewClusterDirectory(Path cluster) {
		if (Files.exists(cluster, LinkOption.NOFOLLOW_LINKS)) {
			if (!Files.isDirectory(cluster) || !FileTree.isEmptyDirectory(cluster)) {
				throw new EmbeddedPostgresException("The data directory " + describe(cluster)
						+ " exists but is not a PostgreSQL cluster (it has no PG_VERSION file) and is not empty. "
						+ "Nothing was changed. Set BUDGET_DATA_DIR to a new or empty directory, "
						+ "or move the files away.");
			}
		}
		else {
			FileTree.createDirectories(cluster);
		}
		if (this.account != null) {
			this.account.takeOwnership(cluster);
		}
		try {
			// PostgreSQL refuses a data directory that others can read.
			Files.setPosixFilePermissions(cluster, FileTree.RWX_ONLY_OWNER);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not restrict " + cluster + ": " + ex.getMessage(), ex);
		}
	}

	private void checkExistingCluster(Path cluster, Path credentialsFile) {
		String clusterVersion = readFirstLine(cluster.resolve("PG_VERSION"));
		if (!this.binaries.majorVersion().equals(clusterVersion)) {
			throw new EmbeddedPostgresException("The cluster in " + describe(cluster) + " was created by PostgreSQL "
					+ clusterVersion + ", but the embedded server is PostgreSQL " + this.binaries.version()
					+ ". Upgrading a cluster is not automatic: dump it with the old version and restore it, "
					+ "or set BUDGET_DATA_DIR to a new directory.");
		}
		if (this.account != null && !this.account.owns(cluster)) {
			throw new EmbeddedPostgresException("The cluster in " + describe(cluster) + " is not owned by OS account '"
					+ this.account.name() + "', which runs the server. Give it " + "to that account (chown -R "
					+ this.account.name() + ":" + this.account.groupName() + " " + cluster
					+ ") or set budget.database.embedded.os-user to its owner.");
		}
		if (!Files.exists(credentialsFile)) {
			throw new EmbeddedPostgresException("The cluster in " + describe(cluster)
					+ " exists, but its credentials file " + credentialsFile + " is missing, so the password of "
					+ "user 'postgres' is unknown. Restore that file from a backup (a properties file with a "
					+ "'password' entry, mode 600); or, if the data is not needed, move " + this.placement.configured()
					+ " away so a new cluster is created. Nothing was changed.");
		}
	}

	private String describe(Path cluster) {
		return this.placement.relocated() ? this.placement.configured() + " (-> " + cluster + ")" : cluster.toString();
	}

	private void initdb(Path cluster) {
		long startedAt = System.nanoTime();
		Path passwordDirectory = null;
		try {
			passwordDirectory = Files.createTempDirectory(this.binaries.home().getParent(), "pwfile-");
			Path passwordFile = passwordDirectory.resolve("password");
			Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(FileTree.RW_ONLY_OWNER));
			Files.writeString(passwordFile, this.credentials.password() + "\n", StandardCharsets.UTF_8);
			if (this.account != null) {
				this.account.takeOwnership(passwordDirectory);
				this.account.takeOwnership(passwordFile);
			}
			List<String> command = command("initdb", "-D", cluster.toString(), "-U", this.credentials.username(), "-E",
					"UTF8", "--locale=C", "--auth-host=scram-sha-256", "--auth-local=scram-sha-256",
					"--pwfile=" + passwordFile, "--no-instructions");
			Commands.run(command, this.binaries.home(), 300).requireSuccess("initdb of " + describe(cluster));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not prepare initdb: " + ex.getMessage(), ex);
		}
		finally {
			if (passwordDirectory != null) {
				FileTree.deleteRecursively(passwordDirectory);
			}
		}
		logger.info("Created PostgreSQL cluster in {} in {} ms", describe(cluster),
				Duration.ofNanos(System.nanoTime() - startedAt).toMillis());
	}

	/**
	 * We hold the lock, so no other launcher owns this cluster; a {@code postmaster.pid}
	 * is left over from a run that was killed. PostgreSQL itself would refuse to start if
	 * the pid now belongs to some other live process, so decide here.
	 */
	private void stopOrphanOrRemoveStalePidFile(Path cluster) {
		Path pidFile = cluster.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		long pid = parsePid(readFirstLine(pidFile));
		boolean running = isRunning(pid);
		if (running && isServerFor(pid, cluster)) {
			logger.warn("An orphaned PostgreSQL server (pid {}) from an earlier run that did not stop cleanly "
					+ "is still serving {}; stopping it", pid, describe(cluster));
			pgCtlStop(cluster).requireSuccess("Stopping the orphaned PostgreSQL server (pid " + pid + ")");
			waitForExit(pid);
			return;
		}
		logger.info("Removing stale {} (pid {} {})", pidFile, pid,
				running ? "now belongs to an unrelated process" : "is not running");
		try {
			Files.deleteIfExists(pidFile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not remove stale " + pidFile + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Whether a process exists and has not exited. A zombie (exited, not yet reaped by
	 * its parent) counts as gone: it holds no port and no files.
	 */
	static boolean isRunning(long pid) {
		if (pid <= 0) {
			return false;
		}
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
			// "pid (command) state ...": the command may itself contain ") ".
			String afterCommand = stat.substring(stat.lastIndexOf(')') + 1).strip();
			return !(afterCommand.startsWith("Z") || afterCommand.startsWith("X"));
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	/** A postmaster changes into its data directory and is named {@code postgres}. */
	static boolean isServerFor(long pid, Path cluster) {
		Path proc = Path.of("/proc", Long.toString(pid));
		try {
			String name = Files.readString(proc.resolve("comm"), StandardCharsets.UTF_8).strip();
			if (!name.equals("postgres")) {
				return false;
			}
			Path real = cluster.toRealPath();
			try {
				return Files.readSymbolicLink(proc.resolve("cwd")).equals(real);
			}
			catch (IOException ex) {
				// Not allowed to see its cwd: fall back to the -D argument pg_ctl passed.
				List<String> arguments = List
					.of(Files.readString(proc.resolve("cmdline"), StandardCharsets.UTF_8).split("\0"));
				int option = arguments.indexOf("-D");
				return option >= 0 && option + 1 < arguments.size()
						&& Path.of(arguments.get(option + 1)).toRealPath().equals(real);
			}
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void waitForExit(long pid) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PG_CTL_WAIT_SECONDS);
		while (isRunning(pid)) {
			if (System.nanoTime() > deadline) {
				throw new EmbeddedPostgresException("PostgreSQL server pid " + pid + " did not exit within "
						+ PG_CTL_WAIT_SECONDS + " s after pg_ctl stop; stop it by hand (kill " + pid + ")");
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new EmbeddedPostgresException("Interrupted while waiting for pid " + pid + " to exit", ex);
			}
		}
	}

	private void startServer(Path cluster) {
		startServer(cluster, this.settings.port());
	}

	/**
	 * @param fixedPort the port to listen on, or 0 to pick a free one
	 */
	private void startServer(Path cluster, int fixedPort) {
		Path log = cluster.resolve(LOG_FILE);
		rotate(log);
		for (int attempt = 1;; attempt++) {
			int candidate = (fixedPort != 0) ? fixedPort : freePort();
			long logOffset = size(log);
			Commands.Result result = Commands.run(
					command("pg_ctl", "-D", cluster.toString(), "-l", log.toString(), "-w", "-t",
							Integer.toString(PG_CTL_WAIT_SECONDS), "-s", "-o",
							"-c listen_addresses=127.0.0.1 -p " + candidate + " -c unix_socket_directories=", "start"),
					this.binaries.home(), PROCESS_TIMEOUT_SECONDS);
			if (result.succeeded()) {
				this.port = candidate;
				this.serverPid = parsePid(readFirstLine(cluster.resolve("postmaster.pid")));
				return;
			}
			String serverLog = readFrom(log, logOffset);
			// With a port picked by us, another process may have taken it in between.
			boolean portTaken = serverLog.contains("could not bind")
					|| serverLog.contains("could not create any TCP/IP");
			if (fixedPort == 0 && portTaken && attempt < PORT_ATTEMPTS) {
				continue;
			}
			throw new EmbeddedPostgresException(
					"PostgreSQL did not start in " + describe(cluster) + " (pg_ctl exit code " + result.exitCode() + ")"
							+ (portTaken && fixedPort != 0 ? "; port " + candidate
									+ " is in use, set budget.database.embedded.port to another one" : "")
							+ ".\npg_ctl: " + result.output().strip() + "\nLast lines of " + log + ":\n"
							+ Commands.tail(serverLog, 20));
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not find a free port on 127.0.0.1", ex);
		}
	}

	private static void rotate(Path log) {
		if (size(log) > LOG_ROTATE_BYTES) {
			try {
				Files.move(log, log.resolveSibling(LOG_FILE + ".1"), StandardCopyOption.REPLACE_EXISTING);
			}
			catch (IOException ex) {
				logger.warn("Could not rotate {}: {}", log, ex.getMessage());
			}
		}
	}

	private Commands.Result pgCtlStop(Path cluster) {
		return Commands.run(
				command("pg_ctl", "-D", cluster.toString(), "-m", "fast", "-w", "-t",
						Integer.toString(PG_CTL_WAIT_SECONDS), "-s", "stop"),
				this.binaries.home(), PROCESS_TIMEOUT_SECONDS);
	}

	private List<String> command(String tool, String... arguments) {
		List<String> command = new ArrayList<>();
		if (this.account != null) {
			command.addAll(this.account.commandPrefix());
		}
		command.add(this.binaries.tool(tool).toString());
		command.addAll(List.of(arguments));
		return command;
	}

	/**
	 * Creates a database owned by the superuser unless it exists.
	 * @param name a plain identifier (letters, digits, underscores)
	 * @return whether it was created
	 */
	public boolean createDatabaseIfMissing(String name) {
		if (name == null || !DATABASE_NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("Not a plain database name: " + name);
		}
		try (Connection connection = connect("postgres")) {
			try (PreparedStatement exists = connection
				.prepareStatement("select 1 from pg_catalog.pg_database where datname = ?")) {
				exists.setString(1, name);
				try (ResultSet rows = exists.executeQuery()) {
					if (rows.next()) {
						return false;
					}
				}
			}
			try (Statement create = connection.createStatement()) {
				create.execute("create database \"" + name + "\"");
			}
			logger.info("Created database '{}' in the embedded PostgreSQL server", name);
			return true;
		}
		catch (SQLException ex) {
			if ("42P04".equals(ex.getSQLState()) || "23505".equals(ex.getSQLState())) {
				// Created concurrently by another connection: that is what we wanted.
				return false;
			}
			throw new EmbeddedPostgresException("Could not create database '" + name + "': " + ex.getMessage(), ex);
		}
	}

	private Connection connect(String database) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", this.credentials.username());
		properties.setProperty("password", this.credentials.password());
		properties.setProperty("connectTimeout", "5");
		properties.setProperty("socketTimeout", "60");
		properties.setProperty("ApplicationName", "home-budget-web-launcher");
		return new Driver().connect(jdbcUrl(database), properties);
	}

	public int port() {
		return this.port;
	}

	public String username() {
		return this.credentials.username();
	}

	public String password() {
		return this.credentials.password();
	}

	/** {@code jdbc:postgresql://127.0.0.1:<port>/<database>}, without credentials. */
	public String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/" + database;
	}

	/** The configured data directory (absolute); may be a link to the cluster. */
	public Path dataDirectory() {
		return this.placement.configured();
	}

	/**
	 * Where the cluster really is; differs from {@link #dataDirectory()} when relocated.
	 */
	public Path clusterDirectory() {
		return this.placement.cluster();
	}

	long serverPid() {
		return this.serverPid;
	}

	/**
	 * Restarts the server in place ({@code pg_ctl restart -m fast}) on the same port:
	 * sessions are terminated, the data directory stays ours. For fault-injection tests
	 * of the app's behaviour during a clean database restart.
	 */
	public synchronized void restart() {
		if (this.closed) {
			throw new IllegalStateException("The server is closed");
		}
		Path cluster = this.placement.cluster();
		Commands
			.run(command("pg_ctl", "-D", cluster.toString(), "-l", cluster.resolve(LOG_FILE).toString(), "-m", "fast",
					"-w", "-t", Integer.toString(PG_CTL_WAIT_SECONDS), "-s", "-o",
					"-c listen_addresses=127.0.0.1 -p " + this.port + " -c unix_socket_directories=", "restart"),
					this.binaries.home(), PROCESS_TIMEOUT_SECONDS)
			.requireSuccess("Restarting PostgreSQL in " + describe(cluster));
		this.serverPid = parsePid(readFirstLine(cluster.resolve("postmaster.pid")));
	}

	/**
	 * Whether the server this launcher started is running (false once closed, and when
	 * its postmaster died: killed, or crashed).
	 */
	public synchronized boolean running() {
		return !this.closed && isRunning(this.serverPid);
	}

	/** The postmaster's process id. */
	public synchronized long pid() {
		return this.serverPid;
	}

	/**
	 * Starts the server again after its postmaster died, in place and on the same port,
	 * so the connection pool's URL stays valid; a stale {@code postmaster.pid} or an
	 * orphaned postmaster is dealt with as at startup. Does nothing while it runs or once
	 * closed.
	 * @return whether it was started
	 * @throws EmbeddedPostgresException when it did not start (for example while the dead
	 * server's backends still hold its shared memory: try again shortly)
	 */
	public synchronized boolean restartIfGone() {
		if (this.closed || isRunning(this.serverPid)) {
			return false;
		}
		Path cluster = this.placement.cluster();
		stopOrphanOrRemoveStalePidFile(cluster);
		startServer(cluster, this.port);
		return true;
	}

	/** Stops the server ({@code pg_ctl stop -m fast}) and releases the data directory. */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		removeShutdownHook();
		try {
			Commands.Result result = pgCtlStop(this.placement.cluster());
			if (result.succeeded()) {
				logger.info("Stopped embedded PostgreSQL ({})", describe(this.placement.cluster()));
			}
			else {
				logger.warn("Stopping embedded PostgreSQL ({}) failed with exit code {}: {}",
						describe(this.placement.cluster()), result.exitCode(), result.output().strip());
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Stopping embedded PostgreSQL ({}) failed", describe(this.placement.cluster()), ex);
		}
		finally {
			this.lock.close();
			notifyAll();
		}
	}

	/**
	 * Lets an owner that closes this server itself at JVM exit (a Spring context, whose
	 * graceful shutdown still serves requests) go first: the safety-net shutdown hook
	 * then waits up to {@code delay} before stopping the server on its own.
	 */
	void deferShutdownHook(Duration delay) {
		this.shutdownHookDelay = delay;
	}

	synchronized void closeAtJvmExit() {
		long deadline = System.nanoTime() + this.shutdownHookDelay.toNanos();
		try {
			for (long left = deadline - System.nanoTime(); !this.closed
					&& left > 0; left = deadline - System.nanoTime()) {
				TimeUnit.NANOSECONDS.timedWait(this, left);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		close();
	}

	/**
	 * Test seam: behaves like a JVM killed with the server still running, i.e. releases
	 * the lock and leaves the server as an orphan.
	 */
	synchronized void abandon() {
		this.closed = true;
		removeShutdownHook();
		this.lock.close();
	}

	private void removeShutdownHook() {
		if (Thread.currentThread() != this.shutdownHook) {
			try {
				Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
			}
			catch (IllegalStateException ex) {
				// The JVM is already shutting down; the hook will find us closed.
			}
		}
	}

	private static long parsePid(String text) {
		try {
			return Long.parseLong(text.strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static String readFirstLine(Path file) {
		try {
			List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
			return lines.isEmpty() ? "" : lines.get(0).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + file + ": " + ex.getMessage(), ex);
		}
	}

	private static long size(Path file) {
		try {
			return Files.exists(file) ? Files.size(file) : 0;
		}
		catch (IOException ex) {
			return 0;
		}
	}

	private static String readFrom(Path file, long offset) {
		try (InputStream in = Files.newInputStream(file)) {
			in.skipNBytes(Math.min(offset, Files.size(file)));
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "(" + file + " is not readable: " + ex.getMessage() + ")";
		}
	}

	@Override
	public String toString() {
		return "EmbeddedPostgres[127.0.0.1:" + this.port + ", " + describe(this.placement.cluster()) + "]";
	}

}
