package dev.homebudget.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import dev.homebudget.HomeBudgetApplication;
import dev.homebudget.config.StorageMode;
import dev.homebudget.config.StoragePhase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The app in a child JVM whose files may not grow past a size (the kernel's RLIMIT_FSIZE,
 * set with {@code prlimit}): a write stops at the limit, part of it may land, and then it
 * fails with "File too large", as a write on a full disk fails. Raising the limit of the
 * running process frees the space. Its output goes through a pipe, which the limit does
 * not cover. PostgreSQL is the test's (an external URL), so the limit applies to the
 * app's own files only.
 */
public final class LimitedChild implements AutoCloseable {

	private static final Duration STARTUP_GUARD = Duration.ofMinutes(5);

	private final Process process;

	private final int port;

	private final StringBuffer output = new StringBuffer();

	private LimitedChild(Process process, int port) {
		this.process = process;
		this.port = port;
		Thread reader = new Thread(() -> {
			try (InputStream in = process.getInputStream()) {
				byte[] buffer = new byte[8192];
				for (int read; (read = in.read(buffer)) >= 0;) {
					this.output.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
				}
			}
			catch (IOException ex) {
				// the child is gone
			}
		}, "limited-child-output");
		reader.setDaemon(true);
		reader.start();
	}

	/**
	 * Starts the app and waits until it answers.
	 * @param phase the storage phase (null: none, P3)
	 * @param limitBytes the largest size any file of the child may reach
	 * @param arguments further {@code --name=value} arguments
	 */
	public static LimitedChild start(StoragePhase phase, String databaseUrl, Path jsonDirectory, long limitBytes,
			String... arguments) throws IOException {
		int port = freePort();
		// a soft limit under an unlimited hard one: raising it later needs no privilege
		List<String> command = new ArrayList<>(List.of("prlimit", "--fsize=" + limitBytes + ":unlimited",
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
				"-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
				HomeBudgetApplication.class.getName(), "--server.port=" + port, "--server.address=127.0.0.1",
				"--budget.database.url=" + databaseUrl, "--budget.storage.json-directory=" + jsonDirectory));
		if (phase != null) {
			command.add("--" + StorageMode.USE_DATABASE_VARIABLE + "="
					+ phase.primary().name().toLowerCase(Locale.ROOT).equals("postgres"));
			command.add("--" + StorageMode.DUAL_WRITE_VARIABLE + "=" + phase.hasMirror());
		}
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		LimitedChild child = new LimitedChild(process, port);
		try {
			await().atMost(STARTUP_GUARD).pollInterval(Duration.ofMillis(250)).until(() -> {
				assertThat(process.isAlive()).as(child::output).isTrue();
				try {
					return child.http().send("GET", "/api/v1/health/live", null).status() == 200;
				}
				catch (IllegalStateException ex) {
					// not listening yet
					return false;
				}
			});
		}
		catch (RuntimeException | Error ex) {
			child.close();
			throw ex;
		}
		return child;
	}

	public HttpCalls http() {
		return new HttpCalls(this.port);
	}

	/** What the child wrote so far. */
	public String output() {
		return this.output.toString();
	}

	/** Sets the child's file size limit; -1 lifts it. */
	public void limitFileSize(long bytes) throws IOException {
		Process prlimit = new ProcessBuilder("prlimit", "--pid", Long.toString(this.process.pid()),
				"--fsize=" + ((bytes < 0) ? "unlimited" : Long.toString(bytes)) + ":unlimited")
			.redirectErrorStream(true)
			.start();
		try {
			assertThat(prlimit.waitFor(1, TimeUnit.MINUTES)).isTrue();
			assertThat(prlimit.exitValue()).as(new String(prlimit.getInputStream().readAllBytes())).isZero();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor(1, TimeUnit.MINUTES);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
