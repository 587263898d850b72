package dev.homebudget.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import dev.homebudget.database.EmbeddedPostgres;
import dev.homebudget.database.EmbeddedPostgresSettings;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One embedded PostgreSQL server for the whole test JVM, started on first use and stopped
 * (its data deleted) when the JVM exits. Each test class takes its own database:
 *
 * <pre class="code">
 * &#64;DynamicPropertySource
 * static void db(DynamicPropertyRegistry registry) {
 *     registry.add("budget.database.url", () -&gt; TestDatabase.jdbcUrl("api"));
 * }
 * </pre>
 */
public final class TestDatabase {

	private TestDatabase() {
	}

	/**
	 * A JDBC URL with the credentials in its query, for a database that exists (created
	 * on first request).
	 * @param database a plain identifier (letters, digits, underscores)
	 * @return {@code jdbc:postgresql://127.0.0.1:<port>/<database>?user=postgres&password=...}
	 */
	public static String jdbcUrl(String database) {
		EmbeddedPostgres server = server();
		server.createDatabaseIfMissing(database);
		return server.jdbcUrl(database) + "?user=" + encode(server.username()) + "&password="
				+ encode(server.password());
	}

	/**
	 * An unpooled {@link DataSource} for a database that exists (created on first
	 * request).
	 */
	public static DataSource dataSource(String database) {
		EmbeddedPostgres server = server();
		server.createDatabaseIfMissing(database);
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(server.jdbcUrl(database));
		dataSource.setUser(server.username());
		dataSource.setPassword(server.password());
		return dataSource;
	}

	/** The shared server, started on first use. */
	public static EmbeddedPostgres server() {
		return Holder.SERVER;
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	/** Lazy, thread-safe start through class initialization. */
	private static final class Holder {

		static final EmbeddedPostgres SERVER = start();

		private static EmbeddedPostgres start() {
			Path base = Path.of(System.getProperty("java.io.tmpdir"), "hbw-test-" + UUID.randomUUID());
			try {
				Files.createDirectory(base);
				// Not 700 (as createTempDirectory would): the server's OS account must
				// traverse it when tests run as root.
				Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			EmbeddedPostgres server = EmbeddedPostgres.start(EmbeddedPostgresSettings.of(base.resolve("postgres")));
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				server.close();
				deleteAfterExit(base);
			}, "test-database-cleanup"));
			return server;
		}

		/**
		 * A full run leaves tens of thousands of files in the cluster; deleting them in
		 * the hook took longer than surefire's 30 s exit limit on a busy disk, so the
		 * fork was killed and the directory left half deleted. An {@code rm} that
		 * outlives the JVM finishes the job.
		 */
		private static void deleteAfterExit(Path root) {
			try {
				new ProcessBuilder("rm", "-rf", "--", root.toString()).redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.DISCARD)
					.start();
			}
			catch (IOException ex) {
				deleteRecursively(root);
			}
		}

		private static void deleteRecursively(Path root) {
			try (Stream<Path> paths = Files.walk(root)) {
				paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
			catch (IOException ex) {
				// Best effort at JVM exit; the directory lives under java.io.tmpdir.
			}
		}

	}

}
