package dev.homebudget.database;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs external programs with {@link ProcessBuilder} and always drains their output, so a
 * chatty child can never block on a full pipe.
 */
final class Commands {

	private Commands() {
	}

	static Result run(List<String> command, Path workingDirectory, long timeoutSeconds) {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
		if (workingDirectory != null) {
			builder.directory(workingDirectory.toFile());
		}
		sanitize(builder.environment());
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			throw new EmbeddedPostgresException("Could not run " + command.get(0) + ": " + ex.getMessage(), ex);
		}
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		Thread drainer = new Thread(() -> drain(process.getInputStream(), output), "process-output-" + process.pid());
		drainer.setDaemon(true);
		drainer.start();
		try {
			if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new EmbeddedPostgresException(
						String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
			}
			drainer.join(TimeUnit.SECONDS.toMillis(5));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			throw new EmbeddedPostgresException("Interrupted while running " + command.get(0), ex);
		}
		String text;
		synchronized (output) {
			text = output.toString(StandardCharsets.UTF_8);
		}
		return new Result(process.exitValue(), text);
	}

	static Result run(List<String> command) {
		return run(command, null, 30);
	}

	/**
	 * Variables such as PGDATA or PGPORT from the caller's shell would silently change
	 * what the PostgreSQL tools do; a fixed C locale keeps their messages predictable.
	 */
	private static void sanitize(Map<String, String> environment) {
		environment.keySet().removeIf((name) -> name.startsWith("PG"));
		environment.put("LC_ALL", "C");
		environment.put("LANG", "C");
	}

	private static void drain(InputStream in, ByteArrayOutputStream sink) {
		byte[] buffer = new byte[8192];
		try (in) {
			int read;
			while ((read = in.read(buffer)) != -1) {
				synchronized (sink) {
					sink.write(buffer, 0, read);
				}
			}
		}
		catch (IOException ex) {
			// The process is gone; whatever was read so far is all we get.
		}
	}

	record Result(int exitCode, String output) {

		boolean succeeded() {
			return this.exitCode == 0;
		}

		String requireSuccess(String what) {
			if (!succeeded()) {
				throw new EmbeddedPostgresException(
						what + " failed with exit code " + this.exitCode + ":\n" + tail(this.output, 30));
			}
			return this.output;
		}

	}

	static String tail(String text, int lines) {
		String[] all = text.strip().split("\n");
		int from = Math.max(0, all.length - lines);
		return String.join("\n", List.of(all).subList(from, all.length));
	}

}
