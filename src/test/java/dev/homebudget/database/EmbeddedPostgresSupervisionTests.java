package dev.homebudget.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.UUID;

import dev.homebudget.support.HttpCalls;
import dev.homebudget.support.PhaseApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded PostgreSQL dies under a running app (its postmaster is killed with
 * SIGKILL): the app starts it again by itself, requests succeed again without an app
 * restart, and liveness stays up meanwhile. When it cannot be started again (here: a
 * broken {@code postgresql.conf}), liveness fails once the attempts are exhausted, so a
 * process supervisor would restart the app; it recovers when the server can start again.
 * Waits are for conditions; the minutes only guard against a hang.
 */
class EmbeddedPostgresSupervisionTests {

	private static final Duration GUARD = Duration.ofMinutes(3);

	private Path base;

	@AfterEach
	void deleteCluster() {
		if (this.base != null) {
			FileTree.deleteRecursively(this.base);
		}
	}

	@Test
	void aKilledEmbeddedServerIsStartedAgainAndLivenessFailsOnlyWhenThatIsImpossible() throws Exception {
		this.base = Path.of(System.getProperty("java.io.tmpdir"), "hbw-supervision-" + UUID.randomUUID());
		Files.createDirectory(this.base);
		// the server's OS account must traverse it when tests run as root
		Files.setPosixFilePermissions(this.base, PosixFilePermissions.fromString("rwxr-xr-x"));
		Path data = this.base.resolve("postgres");
		try (PhaseApplication app = PhaseApplication.start(null, "", this.base.resolve("json"), true,
				"budget.database.embedded.data-directory=" + data, "budget.database.embedded.restart-attempts=2")) {
			HttpCalls http = new HttpCalls(app.port());
			HttpCalls.Response created = http.send("POST", "/api/v1/expense",
					"{\"date\":\"2025-11-10\",\"category\":\"Food\",\"amount\":12.5,\"account\":\"Cash\"}");
			assertThat(created.status()).as(created.toString()).isEqualTo(200);

			long killed = kill9(postmaster(data));
			assertThat(http.send("GET", "/api/v1/health/live", null).status()).isEqualTo(200);
			await().atMost(GUARD).until(() -> http.send("GET", "/api/v1/expense", null).status() == 200);
			System.out.printf("embedded PostgreSQL killed: first 200 %d ms later%n",
					Duration.ofNanos(System.nanoTime() - killed).toMillis());
			assertThat(http.send("GET", "/api/v1/expense", null).json().size()).isEqualTo(1);
			assertThat(http.send("GET", "/api/v1/health/live", null).status()).isEqualTo(200);
			assertThat(http.send("GET", "/metrics", null).body())
				.contains("budget_embedded_postgres_restarts_total 1.0");

			// now it cannot start again: the attempts run out and liveness fails
			Path conf = data.resolve("postgresql.conf");
			byte[] original = Files.readAllBytes(conf);
			Files.writeString(conf, "\nthis is not a setting\n", StandardCharsets.US_ASCII, StandardOpenOption.APPEND);
			try {
				kill9(postmaster(data));
				await().atMost(GUARD).until(() -> http.send("GET", "/api/v1/health/live", null).status() == 503);
				HttpCalls.Response live = http.send("GET", "/api/v1/health/live", null);
				assertThat(live.json().get("status").asString()).isEqualTo("not_alive");
				assertThat(http.send("GET", "/api/v1/expense", null).status()).isEqualTo(503);
			}
			finally {
				Files.write(conf, original);
			}
			await().atMost(GUARD).until(() -> http.send("GET", "/api/v1/health/live", null).status() == 200);
			await().atMost(GUARD).until(() -> http.send("GET", "/api/v1/expense", null).status() == 200);
			assertThat(http.send("GET", "/metrics", null).body())
				.contains("budget_embedded_postgres_restarts_total 2.0");
		}
	}

	private static long postmaster(Path data) throws IOException {
		return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
	}

	/**
	 * @return when the signal was sent ({@link System#nanoTime()})
	 */
	private static long kill9(long pid) throws Exception {
		Process kill = new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start();
		assertThat(kill.waitFor()).as("kill -9 " + pid).isZero();
		return System.nanoTime();
	}

}
