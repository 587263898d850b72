package dev.homebudget.transition;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * T11: a child JVM replaces a 1.5 MB JSON file over and over and is killed with SIGKILL,
 * 50 times. Each kill comes right after the child reported 0 to 3 completed replacements
 * (chosen at random), so it lands while a replacement is under way, after the file
 * changed or not, however fast or busy the machine is: counts of events, not
 * milliseconds. After every kill the file parses and equals one of the two versions
 * exactly, and the temporary file a kill leaves behind is removed when the directory is
 * opened again.
 */
class AtomicReplaceUnderKillTests {

	private static final int ITERATIONS = 50;

	@TempDir
	Path temp;

	@Test
	void theFileIsAlwaysTheOldOrTheNewVersionAfterAKill() throws Exception {
		Path directory = Files.createDirectory(this.temp.resolve("data"));
		byte[] first = version("first");
		byte[] second = version("second");
		assertThat(first.length).isBetween(1_000_000, 2_000_000);
		Path firstFile = Files.write(this.temp.resolve("first.json"), first);
		Path secondFile = Files.write(this.temp.resolve("second.json"), second);
		Files.write(directory.resolve("expenses.json"), first);
		Random random = new Random(11);
		int iterations = 0;
		int leftovers = 0;
		int changes = 0;
		byte[] previous = first;
		while (iterations < ITERATIONS) {
			Process child = new ProcessBuilder(javaBinary(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
					"-Xshare:auto", "-cp", System.getProperty("java.class.path"), JsonReplaceChild.class.getName(),
					directory.toString(), firstFile.toString(), secondFile.toString())
				.redirectErrorStream(true)
				.start();
			try (BufferedReader out = new BufferedReader(
					new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
				assertThat(out.readLine()).isEqualTo("ready");
				for (int replaced = random.nextInt(4); replaced > 0; replaced--) {
					assertThat(out.readLine()).startsWith("replaced");
				}
				child.destroyForcibly();
				assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
			}
			iterations++;
			byte[] content = Files.readAllBytes(directory.resolve("expenses.json"));
			assertThat(Arrays.equals(content, first) || Arrays.equals(content, second))
				.as("after kill %d the file is one of the two versions", iterations)
				.isTrue();
			assertThat(JsonLedgerFormat.parse(LedgerFile.EXPENSES, content, directory).rejections()).isEmpty();
			if (!Arrays.equals(content, previous)) {
				changes++;
			}
			previous = content;
			if (!temporaryFiles(directory).isEmpty()) {
				leftovers++;
				JsonDirectory.open(directory).close();
				assertThat(temporaryFiles(directory)).isEmpty();
			}
		}
		System.out.printf("T11: %d kills, %d left a temporary file, the file changed %d times%n", iterations, leftovers,
				changes);
		assertThat(iterations).isEqualTo(ITERATIONS);
		// the kills landed both between and during replacements
		assertThat(changes).isPositive();
		assertThat(leftovers).isPositive();
	}

	private static List<String> temporaryFiles(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.map((file) -> file.getFileName().toString()).filter((name) -> name.endsWith(".tmp")).toList();
		}
	}

	private static byte[] version(String notes) {
		List<JsonEntry> entries = new ArrayList<>();
		for (int id = 1; id <= 7_000; id++) {
			entries.add(new JsonEntry(id, LocalDate.of(2025, 1, 1).plusDays(id % 365), "Shop " + (id % 40),
					"Category " + (id % 12), new BigDecimal(id).movePointLeft(2), "Account " + (id % 3), "\u20aa",
					notes + " " + id));
		}
		return JsonLedgerFormat.write(LedgerFile.EXPENSES, entries);
	}

	private static String javaBinary() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

}
