package dev.homebudget.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.YearMonth;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's UI timing ({@link FirstTableTiming}, judged in {@code bench/run.sh}
 * against 100,000 expenses) run against the suite's app, so that it keeps working: the
 * month's rows are found on a desktop and on a phone, and the figures are recorded into
 * {@code target/ui-timings.json}. Only that they were measured is checked, never how long
 * they took.
 */
class FirstTableTimingBrowserTests extends BrowserTestSupport {

	private static final YearMonth MONTH = YearMonth.of(2023, 5);

	private static Chromium timingBrowser;

	@BeforeAll
	static void launchTimingBrowser() {
		timingBrowser = Chromium.launch();
	}

	@AfterAll
	static void closeTimingBrowser() {
		if (timingBrowser != null) {
			timingBrowser.close();
		}
	}

	@Test
	void measuresTheFirstRowsAndAMonthSwitchOnADesktopAndAPhone() throws IOException {
		for (int day = 1; day <= 3; day++) {
			expense(MONTH.atDay(day).toString(), "Shop " + day, "Food", day + ".50", "ILS");
			expense(MONTH.minusMonths(1).atDay(day).toString(), "Earlier shop " + day, "Food", day + ".25", "ILS");
		}
		String base = "http://127.0.0.1:" + this.port;

		List<FirstTableTiming.Figures> all = FirstTableTiming.measureBoth(timingBrowser.browser(), base,
				MONTH.toString(), 2);
		Path file = Paths.get("target", "ui-timings.json");
		FirstTableTiming.write(file, base, MONTH.toString(), all);

		assertThat(all).extracting((f) -> f.view().name()).containsExactly("desktop", "phone");
		for (FirstTableTiming.Figures figures : all) {
			assertThat(figures.firstRows()).hasSize(2).allSatisfy((ms) -> assertThat(ms).isPositive());
			assertThat(figures.monthSwitch()).hasSize(2).allSatisfy((ms) -> assertThat(ms).isPositive());
		}
		JsonNode written = JSON.readTree(Files.readString(file));
		assertThat(written.get("loads").asInt()).isEqualTo(2);
		assertThat(written.get("desktop").get("first_rows_median_ms").asDouble()).isPositive();
		assertThat(written.get("phone").get("month_switch_median_ms").asDouble()).isPositive();
		assertThat(FirstTableTiming.line(all)).startsWith("UI_TIMING desktop_first_ms=");

		// what was timed is the month's rows: the table on a desktop, the cards on a
		// phone
		for (FirstTableTiming.View view : List.of(FirstTableTiming.DESKTOP, FirstTableTiming.PHONE)) {
			try (BrowserContext context = timingBrowser.browser()
				.newContext(new Browser.NewContextOptions().setViewportSize(view.width(), view.height())
					.setIsMobile(view.mobile())
					.setHasTouch(view.mobile())
					.setLocale("en-US"))) {
				Page shown = context.newPage();
				shown.navigate(base + "/?month=" + MONTH);
				assertThat(shown.locator(view.rows())).hasCount(3);
				assertThat(shown.locator(view.rows()).first()).isVisible();
				assertThat(shown.locator(view.rows())
					.filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Shop 2"))).isVisible();
			}
		}
	}

}
