package dev.homebudget.database;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

class EmbeddedPostgresTests {

	private static final boolean ROOT = OsAccount.currentUid() == 0;

	private static Path base;

	private static int counter;

	/**
	 * An initialized, stopped cluster shared by the tests that need an existing one
	 * (initdb costs about a second); each test leaves it stopped and unlocked.
	 */
	private static Path shared;

	@BeforeAll
	static void createBase() throws IOException {
		// Not @TempDir: that is mode 700, which the PostgreSQL account could not
		// traverse.
		base = Files.createTempDirectory("hbw-launcher-tests-");
		Files.setPosixFilePermissions(base, FileTree.RWXR_XR_X);
		shared = base.resolve("shared").resolve("postgres");
		EmbeddedPostgres.start(settings(shared)).close();
	}

	@AfterAll
	static void deleteBase() {
		FileTree.deleteRecursively(base);
	}

	private static EmbeddedPostgresSettings settings(Path dataDirectory) {
		return EmbeddedPostgresSettings.of(dataDirectory).withRelocatedClustersDirectory(base.resolve("relocated"));
	}

	private static Path newDataDirectory() {
		return base.resolve("case-" + (++counter)).resolve("postgres");
	}

	@Test
	void firstStartCreatesTheClusterAndDataSurvivesARestart() throws Exception {
		Path dataDirectory = newDataDirectory();
		String password;
		try (EmbeddedPostgres postgres = EmbeddedPostgres.start(settings(dataDirectory))) {
			password = postgres.password();
			assertThat(postgres.dataDirectory()).isEqualTo(dataDirectory);
			assertThat(postgres.clusterDirectory()).isEqualTo(dataDirectory);
			assertThat(dataDirectory.resolve("PG_VERSION")).hasContent("17");
			assertThat(Files.getPosixFilePermissions(dataDirectory)).isEqualTo(FileTree.RWX_ONLY_OWNER);
			assertThat(Files.getPosixFilePermissions(Credentials.fileFor(dataDirectory)))
				.isEqualTo(FileTree.RW_ONLY_OWNER);
			if (ROOT) {
				assertThat(Files.getOwner(dataDirectory).getName()).isEqualTo("nobody");
				assertThat(Files.getOwner(Credentials.fileFor(dataDirectory)).getName()).isEqualTo("root");
			}
			assertThat(postgres.username()).isEqualTo("postgres");
			assertThat(password).hasSizeGreaterThanOrEqualTo(24).matches("[A-Za-z0-9_-]+");
			assertThat(postgres.jdbcUrl("budget"))
				.isEqualTo("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/budget");
			assertThat(postgres.toString()).doesNotContain(password);
			try (Connection connection = connect(postgres, "budget");
					Statement statement = connection.createStatement()) {
				assertThat(queryString(statement, "select 1")).isEqualTo("1");
				assertThat(queryString(statement, "show listen_addresses")).isEqualTo("127.0.0.1");
				assertThat(queryString(statement, "show unix_socket_directories")).isEmpty();
				assertThat(queryString(statement, "show server_encoding")).isEqualTo("UTF8");
				assertThat(queryString(statement, "select current_setting('server_version_num')")).startsWith("17");
				statement.execute("create table note (id int primary key, text varchar(50))");
				statement.execute("insert into note values (1, 'kept across restarts')");
			}
			assertThat(postgres.createDatabaseIfMissing("budget")).isFalse();
			assertThat(postgres.createDatabaseIfMissing("second")).isTrue();
		}
		assertThat(dataDirectory.resolve("postmaster.pid")).doesNotExist();
		try (EmbeddedPostgres postgres = EmbeddedPostgres.start(settings(dataDirectory))) {
			assertThat(postgres.password()).isEqualTo(password);
			try (Connection connection = connect(postgres, "budget");
					Statement statement = connection.createStatement()) {
				assertThat(queryString(statement, "select text from note where id = 1"))
					.isEqualTo("kept across restarts");
			}
		}
	}

	@Test
	void wrongPasswordIsRejected() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.start(settings(shared))) {
			Properties properties = new Properties();
			properties.setProperty("user", "postgres");
			properties.setProperty("password", "not-the-password");
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl("postgres"), properties).close())
				.withMessageContaining("password authentication failed");
		}
	}

	@Test
	void secondLauncherInThisJvmFailsFastWhileTheFirstKeepsRunning() throws Exception {
		Path dataDirectory = shared;
		try (EmbeddedPostgres first = EmbeddedPostgres.start(settings(dataDirectory))) {
			long startedAt = System.nanoTime();
			assertThatExceptionOfType(EmbeddedPostgresException.class)
				.isThrownBy(() -> EmbeddedPostgres.start(settings(dataDirectory)))
				.withMessage("Data directory " + dataDirectory + " is in use by another Home Budget Web process (pid "
						+ ProcessHandle.current().pid()
						+ "). Stop it first or set BUDGET_DATA_DIR to another directory.");
			assertThat(System.nanoTime() - startedAt).isLessThan(2_000_000_000L);
			assertSelectOne(first);
		}
	}

	@Test
	void secondProcessOnTheSameDataDirectoryFailsFastWithItsPid() throws Exception {
		Path dataDirectory = shared;
		Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), LockHolder.class.getName(), dataDirectory.toString())
			.redirectErrorStream(true)
			.start();
		try {
			BufferedReader output = new BufferedReader(
					new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
			assertThat(output.readLine()).isEqualTo("locked");
			assertThatExceptionOfType(EmbeddedPostgresException.class)
				.isThrownBy(() -> EmbeddedPostgres.start(settings(dataDirectory)))
				.withMessage("Data directory " + dataDirectory + " is in use by another Home Budget Web process (pid "
						+ holder.pid() + "). Stop it first or set BUDGET_DATA_DIR to another directory.");
			assertThat(dataDirectory.resolve("postmaster.pid")).doesNotExist();
		}
		finally {
			holder.getOutputStream().close();
			holder.waitFor();
		}
		try (EmbeddedPostgres postgres = EmbeddedPostgres.start(settings(dataDirectory))) {
			assertSelectOne(postgres);
		}
	}

	@Test
	void stalePidFileOfADeadProcessDoesNotStopTheStart() throws Exception {
		Path dataDirectory = shared;
		Process finished = new ProcessBuilder("true").start();
		finished.waitFor();
		assertThat(EmbeddedPostgres.isRunning(finished.pid())).isFalse();
		assertThat(EmbeddedPostgres.isRunning(-1)).isFalse();
		writePidFile(dataDirectory, finished.pid());
		try (EmbeddedPostgres postgres = EmbeddedPostgres.start(settings(dataDirectory))) {
			assertSelectOne(postgres);
			assertThat(postgres.serverPid()).isNotEqualTo(finished.pid());
		}
	}

	@Test
	void stalePidFileNamingAnUnrelatedLiveProcessDoesNotStopTheStart() throws Exception {
		Path dataDirectory = shared;
		writePidFile(dataDirectory, ProcessHandle.current().pid());
		try (EmbeddedPostgres postgres = EmbeddedPostgres.start(settings(dataDirectory))) {
			assertSelectOne(postgres);
		}
		assertThat(ProcessHandle.current().isAlive()).isTrue();
	}

	@Test
	void orphanedServerOfAKilledRunIsStoppedAndReplaced() throws Exception {
		Path dataDirectory = shared;
		EmbeddedPostgres killed = EmbeddedPostgres.start(settings(dataDirectory));
		long orphanPid = killed.serverPid();
		killed.abandon();
		assertThat(EmbeddedPostgres.isRunning(orphanPid)).isTrue();
		assertThat(EmbeddedPostgres.isServerFor(orphanPid, dataDirectory)).isTrue();
		assertThat(EmbeddedPostgres.isServerFor(orphanPid, base)).isFalse();
		assertThat(EmbeddedPostgres.isServerFor(ProcessHandle.current().pid(), dataDirectory)).isFalse();
		try (EmbeddedPostgres postgres = EmbeddedPostgres.start(settings(dataDirectory))) {
			assertThat(EmbeddedPostgres.isRunning(orphanPid)).isFalse();
			assertThat(postgres.serverPid()).isNotEqualTo(orphanPid);
			assertSelectOne(postgres);
		}
	}

	@Test
	void shutdownHookWaitsForTheOwnerToCloseFirst() throws Exception {
		Path dataDirectory = shared;
		EmbeddedPostgres postgres = EmbeddedPostgres.start(settings(dataDirectory));
		postgres.deferShutdownHook(Duration.ofSeconds(30));
		Thread hook = new Thread(postgres::closeAtJvmExit);
		hook.start();
		hook.join(500);
		assertThat(hook.isAlive()).isTrue();
		assertSelectOne(postgres);
		postgres.close();
		hook.join(5_000);
		assertThat(hook.isAlive()).isFalse();
		assertThat(dataDirectory.resolve("postmaster.pid")).doesNotExist();
		EmbeddedPostgres undeferred = EmbeddedPostgres.start(settings(dataDirectory));
		undeferred.closeAtJvmExit();
		assertThat(dataDirectory.resolve("postmaster.pid")).doesNotExist();
		DataDirectoryLock.acquire(dataDirectory).close();
	}

	@Test
	void largeServerLogIsRotatedAtStart() throws Exception {
		Path log = shared.resolve(EmbeddedPostgres.LOG_FILE);
		try (var channel = java.nio.channels.FileChannel.open(log, java.nio.file.StandardOpenOption.WRITE)) {
			channel.write(java.nio.ByteBuffer.wrap(new byte[] { '\n' }), 11L * 1024 * 1024);
		}
		try (EmbeddedPostgres postgres = EmbeddedPostgres.start(settings(shared))) {
			assertThat(shared.resolve(EmbeddedPostgres.LOG_FILE + ".1")).exists();
			assertThat(Files.size(log)).isLessThan(1024 * 1024);
		}
		Files.delete(shared.resolve(EmbeddedPostgres.LOG_FILE + ".1"));
	}

	@Test
	void binariesGoToAReachableCacheWhenTheConfiguredOneIsNot() throws Exception {
		assumeThat(ROOT).as("only root runs the server as another account").isTrue();
		Path privateParent = base.resolve("private-" + (++counter));
		Files.createDirectory(privateParent, PosixFilePermissions.asFileAttribute(FileTree.RWX_ONLY_OWNER));
		EmbeddedPostgresSettings settings = new EmbeddedPostgresSettings(newDataDirectory(), 0, null, null,
				privateParent.resolve("cache"), base.resolve("relocated"));
		OsAccount nobody = OsAccount.lookup("nobody");
		assertThat(EmbeddedPostgres.binariesCache(settings, nobody)).isEqualTo(base.resolve("binaries"));
		assertThat(EmbeddedPostgres.binariesCache(settings.withRelocatedClustersDirectory(null), nobody))
			.isEqualTo(Path.of("/var/lib/home-budget-web/binaries"));
		assertThat(EmbeddedPostgres.binariesCache(settings, null)).isEqualTo(privateParent.resolve("cache"));
	}

	@Test
	void nonEmptyDirectoryThatIsNotAClusterIsRefusedUntouched() throws Exception {
		Path dataDirectory = newDataDirectory();
		Files.createDirectories(dataDirectory);
		Path notes = Files.writeString(dataDirectory.resolve("notes.txt"), "mine");
		assertThatExceptionOfType(EmbeddedPostgresException.class)
			.isThrownBy(() -> EmbeddedPostgres.start(settings(dataDirectory)))
			.withMessageContaining("exists but is not a PostgreSQL cluster")
			.withMessageContaining("Nothing was changed");
		assertThat(notes).hasContent("mine");
		assertThat(Files.list(dataDirectory)).containsExactly(notes);
		DataDirectoryLock.acquire(dataDirectory).close();
	}

	@Test
	void emptyExistingDirectoryIsUsed() throws Exception {
		Path dataDirectory = newDataDirectory();
		Files.createDirectories(dataDirectory);
		try (EmbeddedPostgres postgres = EmbeddedPostgres.start(settings(dataDirectory))) {
			assertSelectOne(postgres);
		}
	}

	@Test
	void existingClusterWithoutCredentialsFileIsRefusedWithARecoveryHint() throws Exception {
		Path dataDirectory = shared;
		Path credentials = Credentials.fileFor(dataDirectory);
		Path aside = Files.move(credentials, credentials.resolveSibling("aside"));
		assertThatExceptionOfType(EmbeddedPostgresException.class)
			.isThrownBy(() -> EmbeddedPostgres.start(settings(dataDirectory)))
			.withMessageContaining("its credentials file " + credentials + " is missing")
			.withMessageContaining("Restore that file");
		Files.move(aside, credentials);
		try (EmbeddedPostgres postgres = EmbeddedPostgres.start(settings(dataDirectory))) {
			assertSelectOne(postgres);
		}
	}

	@Test
	void clusterOfAnotherMajorVersionIsRefused() throws Exception {
		Path dataDirectory = newDataDirectory();
		Files.createDirectories(dataDirectory);
		Files.writeString(dataDirectory.resolve("PG_VERSION"), "16\n");
		assertThatExceptionOfType(EmbeddedPostgresException.class)
			.isThrownBy(() -> EmbeddedPostgres.start(settings(dataDirectory)))
			.withMessageContaining("was created by PostgreSQL 16, but the embedded server is PostgreSQL 17.11.0");
	}

	@Test
	void clusterNotOwnedByTheAccountIsRefused() throws Exception {
		assumeThat(ROOT).as("only root runs the server as another account").isTrue();
		Path dataDirectory = newDataDirectory();
		Files.createDirectories(dataDirectory);
		Files.writeString(dataDirectory.resolve("PG_VERSION"), "17\n");
		assertThatExceptionOfType(EmbeddedPostgresException.class)
			.isThrownBy(() -> EmbeddedPostgres.start(settings(dataDirectory)))
			.withMessageContaining("is not owned by OS account 'nobody'")
			.withMessageContaining("chown -R nobody:nogroup " + dataDirectory);
	}

	@Test
	void fixedPortIsUsedAndAPortInUseFailsWithTheServerLog() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			Path dataDirectory = shared;
			assertThatExceptionOfType(EmbeddedPostgresException.class)
				.isThrownBy(() -> EmbeddedPostgres.start(settings(dataDirectory).withPort(taken.getLocalPort())))
				.withMessageContaining("PostgreSQL did not start")
				.withMessageContaining("port " + taken.getLocalPort() + " is in use")
				.withMessageContaining("could not bind");
			int free = freePort();
			try (EmbeddedPostgres postgres = EmbeddedPostgres.start(settings(dataDirectory).withPort(free))) {
				assertThat(postgres.port()).isEqualTo(free);
				assertSelectOne(postgres);
			}
		}
	}

	@Test
	void unreachableDataDirectoryIsRelocatedBehindASymbolicLink() throws Exception {
		assumeThat(ROOT).as("only root runs the server as another account").isTrue();
		Path privateParent = base.resolve("private-" + (++counter));
		Files.createDirectory(privateParent, PosixFilePermissions.asFileAttribute(FileTree.RWX_ONLY_OWNER));
		Path dataDirectory = privateParent.resolve("data").resolve("postgres");
		Path expectedCluster = base.resolve("relocated")
			.resolve("postgres-" + ClusterPlacement.shortHash(dataDirectory));
		try (EmbeddedPostgres postgres = EmbeddedPostgres.start(settings(dataDirectory))) {
			assertThat(postgres.dataDirectory()).isEqualTo(dataDirectory);
			assertThat(postgres.clusterDirectory()).isEqualTo(expectedCluster);
			assertThat(Files.isSymbolicLink(dataDirectory)).isTrue();
			assertThat(Files.readSymbolicLink(dataDirectory)).isEqualTo(expectedCluster);
			assertThat(Credentials.fileFor(dataDirectory)).isRegularFile();
			assertSelectOne(postgres);
		}
		assertThat(Files.getPosixFilePermissions(privateParent)).isEqualTo(FileTree.RWX_ONLY_OWNER);
		try (EmbeddedPostgres postgres = EmbeddedPostgres.start(settings(dataDirectory))) {
			assertThat(postgres.clusterDirectory()).isEqualTo(expectedCluster);
			assertSelectOne(postgres);
		}
	}

	@Test
	void unreachableNonEmptyDataDirectoryIsRefused() throws Exception {
		assumeThat(ROOT).as("only root runs the server as another account").isTrue();
		Path privateParent = base.resolve("private-" + (++counter));
		Files.createDirectory(privateParent, PosixFilePermissions.asFileAttribute(FileTree.RWX_ONLY_OWNER));
		Path dataDirectory = privateParent.resolve("postgres");
		Files.createDirectories(dataDirectory);
		Files.writeString(dataDirectory.resolve("PG_VERSION"), "17\n");
		assertThatExceptionOfType(EmbeddedPostgresException.class)
			.isThrownBy(() -> EmbeddedPostgres.start(settings(dataDirectory)))
			.withMessageContaining(
					"is not reachable for OS account 'nobody' (it cannot traverse " + privateParent + ")");
		assertThat(Files.isSymbolicLink(dataDirectory)).isFalse();
	}

	@Test
	void linkToAnUnreachableDirectoryIsRefused() throws Exception {
		assumeThat(ROOT).as("only root runs the server as another account").isTrue();
		Path privateParent = base.resolve("private-" + (++counter));
		Files.createDirectory(privateParent, PosixFilePermissions.asFileAttribute(FileTree.RWX_ONLY_OWNER));
		Path dataDirectory = newDataDirectory();
		Files.createDirectories(dataDirectory.getParent());
		Files.createSymbolicLink(dataDirectory, privateParent.resolve("cluster"));
		assertThatExceptionOfType(EmbeddedPostgresException.class)
			.isThrownBy(() -> EmbeddedPostgres.start(settings(dataDirectory)))
			.withMessageContaining("links to " + privateParent.resolve("cluster"))
			.withMessageContaining("cannot traverse " + privateParent);
	}

	@Test
	void unknownOsAccountIsReported() {
		assumeThat(ROOT).as("only root runs the server as another account").isTrue();
		assertThatExceptionOfType(EmbeddedPostgresException.class)
			.isThrownBy(() -> EmbeddedPostgres.start(settings(newDataDirectory()).withOsUser("no-such-user-hbw")))
			.withMessageContaining("The OS account 'no-such-user-hbw'")
			.withMessageContaining("does not exist");
		assertThatExceptionOfType(EmbeddedPostgresException.class)
			.isThrownBy(() -> EmbeddedPostgres.start(settings(newDataDirectory()).withOsUser("root")))
			.withMessageContaining("PostgreSQL cannot run as root");
	}

	private static void writePidFile(Path dataDirectory, long pid) throws IOException {
		// The layout PostgreSQL writes: pid, data directory, start time, port, socket
		// dir,
		// listen address, shared memory key, status.
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		Files.write(pidFile, List.of(Long.toString(pid), dataDirectory.toString(), "1700000000", "5432", "",
				"127.0.0.1", "  1234567  12", "ready   "));
		if (ROOT) {
			Files.setOwner(pidFile, Files.getOwner(dataDirectory, LinkOption.NOFOLLOW_LINKS));
		}
	}

	static Connection connect(EmbeddedPostgres postgres, String database) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", postgres.username());
		properties.setProperty("password", postgres.password());
		return DriverManager.getConnection(postgres.jdbcUrl(database), properties);
	}

	static void assertSelectOne(EmbeddedPostgres postgres) throws SQLException {
		try (Connection connection = connect(postgres, "budget"); Statement statement = connection.createStatement()) {
			assertThat(queryString(statement, "select 1")).isEqualTo("1");
		}
	}

	private static String queryString(Statement statement, String sql) throws SQLException {
		try (ResultSet rows = statement.executeQuery(sql)) {
			assertThat(rows.next()).isTrue();
			return rows.getString(1);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			return socket.getLocalPort();
		}
	}

}
