package dev.homebudget.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./hbw} and {@code ./mvnw spring-boot:run} start the app with the same JVM
 * settings (the benchmark measures the launcher's), so one cannot drift from the other.
 */
class LauncherSettingsTests {

	@Test
	void shouldRunTheAppWithTheSameJvmSettingsFromBothLaunchers() throws IOException {
		String launcher = setting(Path.of("hbw"), Pattern.compile("default_java_opts=\"([^\"]+)\""));
		String maven = setting(Path.of("pom.xml"), Pattern.compile("<app.jvm-arguments>([^<]+)</app.jvm-arguments>"));
		assertThat(launcher).isEqualTo(maven).contains("-Xmx", "-XX:+UseSerialGC");
	}

	/**
	 * After an OutOfMemoryError a JVM may go on with dead threads (once Tomcat's poller:
	 * the server stopped answering until restarted), so every launcher makes the process
	 * exit and leaves the restart to its supervisor.
	 */
	@Test
	void shouldExitOnOutOfMemoryFromEveryLauncher() throws IOException {
		String flag = "-XX:+ExitOnOutOfMemoryError";
		assertThat(setting(Path.of("hbw"), Pattern.compile("default_java_opts=\"([^\"]+)\""))).contains(flag);
		assertThat(setting(Path.of("pom.xml"), Pattern.compile("<app.jvm-arguments>([^<]+)</app.jvm-arguments>")))
			.contains(flag);
		assertThat(setting(Path.of("Dockerfile"), Pattern.compile("(?m)^ENTRYPOINT (.+)$")))
			.contains("\"" + flag + "\"");
	}

	private static String setting(Path file, Pattern pattern) throws IOException {
		Matcher matcher = pattern.matcher(Files.readString(file));
		assertThat(matcher.find()).as(file + " declares the JVM settings").isTrue();
		return matcher.group(1);
	}

}
