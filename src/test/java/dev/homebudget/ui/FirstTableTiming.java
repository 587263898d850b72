package dev.homebudget.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * How long the main page takes to show a month's expenses, measured in the browser: from
 * the navigation's start (the page's time origin) to the frame in which the expense table
 * (1280x800) or the phone's cards (390x844) first hold rows, and from a click on the
 * header's "Previous month" to the frame showing that month's rows. Each figure is the
 * median of several loads, each in a fresh browser context (no cache, no cookies).
 * <p>
 * The benchmark runs it as a program against its own app ({@code java -cp PLAYWRIGHT
 * FirstTableTiming.java URL MONTH LOADS OUT.json}: this file alone, nothing else of the
 * test sources), and {@code FirstTableTimingBrowserTests} runs the same code against the
 * browser suite's app so that it cannot rot. The figures are recorded, never asserted.
 */
public final class FirstTableTiming {

	/**
	 * Installed before the page's own scripts: records {@code performance.now()} in the
	 * first animation frame after rows appear under {@code SELECTOR} (a frame's callbacks
	 * run just before it is painted).
	 */
	private static final String FIRST_ROWS_SCRIPT = """
			(() => {
			  const selector = SELECTOR;
			  const observer = new MutationObserver(() => {
			    if (!document.querySelector(selector)) return;
			    observer.disconnect();
			    performance.mark('hb-first-rows-in-dom');
			    requestAnimationFrame(() => {
			      performance.mark('hb-first-rows-frame');
			      window.hbFirstRows = performance.now();
			    });
			  });
			  observer.observe(document, { childList: true, subtree: true });
			})();
			""";

	/**
	 * Clicks "Previous month" and resolves with the milliseconds until the frame showing
	 * rows of the new month: the first change of the list that holds rows again after the
	 * click (the month's rows replace the list's whole content).
	 */
	private static final String MONTH_SWITCH_SCRIPT = """
			(selector) => new Promise((resolve, reject) => {
			  const list = document.querySelector(selector);
			  const before = document.querySelector('#month').value;
			  const observer = new MutationObserver(() => {
			    if (document.querySelector('#month').value === before) return;
			    if (!list.querySelector(':scope > *')) return;
			    observer.disconnect();
			    requestAnimationFrame(() => resolve(performance.now() - started));
			  });
			  observer.observe(list, { childList: true });
			  setTimeout(() => { observer.disconnect(); reject(new Error('no rows within 30 s')); }, 30000);
			  const started = performance.now();
			  document.querySelector('#month-prev').click();
			})
			""";

	/** A viewport measured: its name, size and the rows' container and rows. */
	record View(String name, int width, int height, boolean mobile, String list, String rows) {
	}

	static final View DESKTOP = new View("desktop", 1280, 800, false, "#expense-section tbody",
			"#expense-section tbody tr");

	static final View PHONE = new View("phone", 390, 844, true, "#expense-section .phone-list",
			"#expense-section .phone-list .entry-card");

	/** One viewport's figures, in milliseconds: each load's and the median. */
	record Figures(View view, List<Double> firstRows, List<Double> monthSwitch) {

		double firstRowsMedian() {
			return median(this.firstRows);
		}

		double monthSwitchMedian() {
			return median(this.monthSwitch);
		}

	}

	private FirstTableTiming() {
	}

	/**
	 * Loads {@code base/?month=MONTH} {@code loads} times in the view (after one load not
	 * counted: the first page the server writes), each time measuring the first rows and
	 * then a switch to the month before.
	 */
	static Figures measure(Browser browser, String base, String month, View view, int loads) {
		List<Double> first = new ArrayList<>();
		List<Double> switched = new ArrayList<>();
		for (int i = 0; i <= loads; i++) {
			try (BrowserContext context = browser
				.newContext(new Browser.NewContextOptions().setViewportSize(view.width(), view.height())
					.setHasTouch(view.mobile())
					.setIsMobile(view.mobile())
					.setLocale("en-US"))) {
				context.addInitScript(FIRST_ROWS_SCRIPT.replace("SELECTOR", "'" + view.rows() + "'"));
				Page page = context.newPage();
				page.navigate(base + "/?month=" + month);
				page.waitForFunction("() => window.hbFirstRows !== undefined", null,
						new Page.WaitForFunctionOptions().setTimeout(60_000));
				double firstRows = ((Number) page.evaluate("() => window.hbFirstRows")).doubleValue();
				page.waitForFunction("() => document.body.dataset.ready === 'true'", null,
						new Page.WaitForFunctionOptions().setTimeout(60_000));
				double monthSwitch = ((Number) page.evaluate(MONTH_SWITCH_SCRIPT, view.list())).doubleValue();
				if (i > 0) {
					first.add(firstRows);
					switched.add(monthSwitch);
				}
			}
		}
		return new Figures(view, first, switched);
	}

	static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		int n = sorted.size();
		return (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	/** The figures as JSON: per viewport each load's milliseconds and their medians. */
	static String json(String base, String month, List<Figures> all) {
		return all.stream()
			.map((f) -> String.format(Locale.ROOT,
					"\"%s\":{\"first_rows_ms\":%s,\"first_rows_median_ms\":%.1f,"
							+ "\"month_switch_ms\":%s,\"month_switch_median_ms\":%.1f}",
					f.view().name(), list(f.firstRows()), f.firstRowsMedian(), list(f.monthSwitch()),
					f.monthSwitchMedian()))
			.collect(Collectors.joining(",",
					"{\"url\":\"" + base + "/?month=" + month + "\",\"loads\":" + all.get(0).firstRows().size() + ",",
					"}\n"));
	}

	private static String list(List<Double> values) {
		return values.stream()
			.map((v) -> String.format(Locale.ROOT, "%.1f", v))
			.collect(Collectors.joining(",", "[", "]"));
	}

	/** One line for the benchmark to read. */
	static String line(List<Figures> all) {
		return all.stream()
			.map((f) -> String.format(Locale.ROOT, "%s_first_ms=%.1f %s_switch_ms=%.1f", f.view().name(),
					f.firstRowsMedian(), f.view().name(), f.monthSwitchMedian()))
			.collect(Collectors.joining(" ", "UI_TIMING ", ""));
	}

	static List<Figures> measureBoth(Browser browser, String base, String month, int loads) {
		return List.of(measure(browser, base, month, DESKTOP, loads), measure(browser, base, month, PHONE, loads));
	}

	static void write(Path file, String base, String month, List<Figures> all) throws IOException {
		if (file.getParent() != null) {
			Files.createDirectories(file.getParent());
		}
		Files.writeString(file, json(base, month, all));
	}

	/**
	 * Arguments: the app's address, the month (YYYY-MM), loads per viewport, output file.
	 */
	public static void main(String[] args) throws IOException {
		String base = args[0];
		String month = args[1];
		int loads = Integer.parseInt(args[2]);
		Path out = Paths.get(args[3]);
		try (Playwright playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
				Browser browser = playwright.chromium()
					.launch(new BrowserType.LaunchOptions()
						.setExecutablePath(Paths.get(System.getProperty("chromium.path", "/usr/bin/chromium")))
						.setHeadless(true)
						.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
								"--disable-component-update", "--disable-sync")))) {
			List<Figures> all = measureBoth(browser, base, month, loads);
			write(out, base, month, all);
			System.out.println(line(all));
		}
	}

}
