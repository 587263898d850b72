package dev.homebudget.ui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.microsoft.playwright.Page;
import dev.homebudget.auth.UserAccount;
import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How many API requests the page makes: a first load of a two-member household (sign-in
 * mode, entries this month) asks at most 6, a switch to the previous month at most 3.
 * Every /api/ request is recorded (and printed with the time from navigation to the table
 * shown, for information: times are not asserted).
 */
class StartRequestsBrowserTests extends SignedInBrowserTestSupport {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("budget.database.url", () -> TestDatabase.jdbcUrl("ui_start"));
	}

	@Test
	void aFirstLoadAndAMonthSwitchAskTheApiOnlyAFewTimes() {
		UserAccount owner = newUser("so");
		UserAccount partner = newUser("sp");
		int household = currentHousehold(owner);
		this.jdbc.sql("INSERT INTO household_members (household_id, user_id, role) VALUES (:h, :u, 'member')")
			.param("h", household)
			.param("u", partner.id())
			.update();
		expenseCategory(household, "Food");
		expense(household, "Corner shop", "12.50", owner.id());
		expense(household, "Bakery", "4.20", partner.id());

		Page signIn = signedIn(owner);
		Page page = signIn.context().newPage();
		List<String> requests = Collections.synchronizedList(new ArrayList<>());
		List<String> files = Collections.synchronizedList(new ArrayList<>());
		page.onRequest((request) -> {
			String url = request.url();
			if (url.matches(".*/ui/[^/]+\\.(js|css)")) {
				files.add(url.substring(url.indexOf("/ui/")));
			}
			int api = url.indexOf("/api/");
			if (api >= 0) {
				requests.add(request.method() + " " + url.substring(api));
			}
		});
		page.navigate(base() + "/");
		assertThat(page.locator("body")).hasAttribute("data-ready", "true");
		assertThat(page.locator("#expense-section tbody tr[data-id]")).hasCount(2);
		waitUntilQuiet(page, requests);
		System.out.println("first load: " + page.locator("body").getAttribute("data-ready-ms")
				+ " ms from navigation to the table shown, " + requests.size() + " API requests: " + requests);
		assertThat(requests).as("API requests of a first load").hasSizeLessThanOrEqualTo(6);
		// every script and style sheet by its fingerprinted name (the modules' imports
		// too,
		// through the import map): none loaded twice under two names
		assertThat(files).isNotEmpty()
			.allMatch((file) -> file.matches("/ui/[\\w.-]+-[0-9a-f]{32}\\.(js|css)"), "fingerprinted");

		requests.clear();
		page.locator("#month-prev").click();
		assertThat(page.locator("#expense-section tbody tr[data-id]")).hasCount(0);
		waitUntilQuiet(page, requests);
		System.out.println("month switch: " + requests.size() + " API requests: " + requests);
		assertThat(requests).as("API requests of a month switch").hasSizeLessThanOrEqualTo(3);
	}

	/**
	 * Waits until the page has asked nothing new for a while (the charts and the
	 * suggestions load after the table).
	 */
	private static void waitUntilQuiet(Page page, List<String> requests) {
		int seen = -1;
		int quietRounds = 0;
		for (int round = 0; round < 100 && quietRounds < 4; round++) {
			page.waitForTimeout(250);
			int now = requests.size();
			quietRounds = (now == seen) ? quietRounds + 1 : 0;
			seen = now;
		}
	}

}
