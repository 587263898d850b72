package dev.homebudget.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ReducedMotion;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core in the page under test: every violation of its default rules (WCAG 2.0/2.1 A
 * and AA and best practices) fails the test. The script comes from the npm registry once
 * ({@code npm pack axe-core@VERSION} into {@code target/axe-core-VERSION/}) and is
 * injected by evaluation, which the page's Content-Security-Policy does not block (a
 * script tag would be). {@code -Daxe.path=.../axe.min.js} uses a copy at hand instead.
 */
final class Axe {

	static final String VERSION = "4.10.3";

	private static String source;

	private Axe() {
	}

	/**
	 * Runs axe on the whole page once its transitions have ended (transient toasts aside)
	 * and fails on any violation, naming the rule, its help text and the first offending
	 * elements.
	 */
	static void assertNoViolations(Page page, String where) {
		page.evaluate("() => {" + source() + "\n}");
		// With reduced motion Bootstrap's colour transitions are off, so a hover or focus
		// that begins while axe runs (a tapped control left hovered on the phone) shows
		// its final colours at once; axe once measured such a button mid-fade at 3.4:1.
		page.emulateMedia(new Page.EmulateMediaOptions().setReducedMotion(ReducedMotion.REDUCE));
		// A colour-scheme switch starts Bootstrap's colour transitions: axe must see
		// where
		// they end, not a colour halfway (it once measured a button mid-fade at 4.46:1).
		page.evaluate("""
				async () => {
				  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
				  await Promise.all(document.getAnimations()
				    .filter((a) => a.effect && a.effect.getTiming().iterations !== Infinity)
				    .map((a) => a.finished.catch(() => null)));
				}""");
		String json = (String) page.evaluate("""
				async () => JSON.stringify((await axe.run({ exclude: [['#toasts']] }, { resultTypes: ['violations'] }))
				  .violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
				    nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ' :: ' + n.failureSummary) })))""");
		page.emulateMedia(new Page.EmulateMediaOptions().setReducedMotion(ReducedMotion.NO_PREFERENCE));
		JsonNode violations = BrowserTestSupport.JSON.readTree(json);
		List<String> found = new ArrayList<>();
		violations.forEach((v) -> found.add(v.get("id").asString() + " (" + v.get("impact").asString() + "): "
				+ v.get("help").asString() + "\n    " + v.get("nodes").toString()));
		assertThat(found).as("axe-core violations " + where).isEmpty();
	}

	private static synchronized String source() {
		if (source == null) {
			try {
				source = Files.readString(script(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new IllegalStateException("axe-core could not be read", ex);
			}
		}
		return source;
	}

	private static Path script() throws IOException {
		String configured = System.getProperty("axe.path");
		if (configured != null && !configured.isBlank()) {
			return Paths.get(configured);
		}
		Path dir = Paths.get("target", "axe-core-" + VERSION);
		Path script = dir.resolve("package").resolve("axe.min.js");
		if (!Files.isRegularFile(script)) {
			Files.createDirectories(dir);
			run(dir, "npm", "pack", "axe-core@" + VERSION, "--silent");
			run(dir, "tar", "-xzf", "axe-core-" + VERSION + ".tgz", "package/axe.min.js");
		}
		return script;
	}

	private static void run(Path dir, String... command) throws IOException {
		Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
		try {
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			boolean finished = process.waitFor(3, TimeUnit.MINUTES);
			if (!finished || process.exitValue() != 0) {
				process.destroyForcibly();
				throw new IllegalStateException(String.join(" ", command) + " failed (axe-core " + VERSION
						+ " is fetched with npm; -Daxe.path=... points at a copy of axe.min.js instead): " + output);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
