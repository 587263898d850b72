package dev.homebudget.ui;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import dev.homebudget.auth.UserAccount;
import dev.homebudget.ledger.Households;
import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * An empty household loads demo data from the welcome: the month fills with its rows, and
 * a banner says it is demo data (also after a reload, from the page's start); one click
 * on its button removes it, and the page is empty and welcoming again. On a desktop with
 * the keyboard and on a phone by touch; axe-core finds nothing with the banner shown, in
 * light and dark mode. Each run has a user and household of its own in the shared
 * {@code ui} database, removed afterwards.
 */
class DemoDataBrowserTests extends SignedInBrowserTestSupport {

	private final List<Integer> households = new ArrayList<>();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("budget.database.url", () -> TestDatabase.jdbcUrl("ui"));
	}

	@AfterEach
	void removeHouseholds() {
		for (int household : this.households) {
			// the household's entries, then the household with all that hangs on it
			this.jdbc.sql("DELETE FROM expenses WHERE household_id = :h").param("h", household).update();
			this.jdbc.sql("DELETE FROM incomes WHERE household_id = :h").param("h", household).update();
			this.jdbc.sql("DELETE FROM households WHERE id = :h").param("h", household).update();
		}
	}

	private static Locator welcome(Page page) {
		return page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Welcome to Home Budget"));
	}

	private static Locator button(Locator within, String name) {
		return within.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
	}

	/** The expenses shown: the table's rows, or on a phone the cards. */
	private static Locator expenses(Page page, boolean mobile) {
		return page.locator(mobile ? "#expense-section .entry-card" : "#expense-section tbody tr[data-id]");
	}

	private static void activate(Locator locator, boolean mobile) {
		if (mobile) {
			locator.tap();
		}
		else {
			locator.focus();
			locator.press("Enter");
		}
	}

	/**
	 * A new account with a household of its own (the database's first account takes over
	 * the first household, which other tests use), removed after the test.
	 */
	private UserAccount ownHousehold(String prefix) {
		UserAccount user = newUser(prefix);
		if (currentHousehold(user) == Households.FIRST) {
			user = newUser(prefix);
		}
		this.households.add(currentHousehold(user));
		return user;
	}

	@ParameterizedTest
	@ValueSource(strings = { "desktop", "mobile" })
	void demoDataIsLoadedFromTheWelcomeAndRemovedInOneClick(String viewport) {
		boolean mobile = "mobile".equals(viewport);
		UserAccount user = ownHousehold("demo-" + viewport);
		Page page = signedIn(user, mobile);
		Locator banner = page.locator("#demo-banner");
		assertThat(banner).hasAttribute("data-state", "hidden");
		assertThat(welcome(page)).isVisible();

		activate(button(welcome(page), "Load demo data"), mobile);
		assertThat(banner).isVisible();
		assertThat(banner).containsText("You are looking at demo data.");
		assertThat(expenses(page, mobile).filter(new Locator.FilterOptions().setHasText("Oakwood Apartments")))
			.hasCount(1);
		assertThat(welcome(page)).isHidden();
		Axe.assertNoViolations(page, "with the demo banner (light)");
		page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.DARK));
		Axe.assertNoViolations(page, "with the demo banner (dark)");
		page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.LIGHT));
		page.screenshot(new Page.ScreenshotOptions()
			.setPath(java.nio.file.Paths.get("target", "screenshots", "demo-data-" + viewport + ".png")));

		// the banner knows it on the next visit too (the start's demo part)
		page.reload();
		assertThat(page.locator("body")).hasAttribute("data-ready", "true");
		assertThat(banner).hasAttribute("data-state", "shown");
		assertThat(banner).isVisible();

		activate(button(banner, "Remove demo data"), mobile);
		assertThat(banner).isHidden();
		assertThat(welcome(page)).isVisible();
		assertThat(expenses(page, mobile)).hasCount(0);
		assertThat(page.locator("#first-run-add")).isFocused();
	}

	@Test
	void aViewerSeesTheBannerWithoutItsButton() {
		UserAccount owner = ownHousehold("demo-owner");
		UserAccount viewer = ownHousehold("demo-viewer");
		int household = currentHousehold(owner);
		this.jdbc.sql("INSERT INTO household_members (household_id, user_id, role) VALUES (:h, :u, 'viewer')")
			.param("h", household)
			.param("u", viewer.id())
			.update();
		this.jdbc.sql("UPDATE users SET current_household_id = :h WHERE id = :u")
			.param("h", household)
			.param("u", viewer.id())
			.update();
		Page ownerPage = signedIn(owner);
		activate(button(welcome(ownerPage), "Load demo data"), false);
		assertThat(ownerPage.locator("#demo-banner")).isVisible();

		Page page = signedIn(viewer);
		Locator banner = page.locator("#demo-banner");
		assertThat(banner).isVisible();
		assertThat(banner).containsText("You are looking at demo data.");
		assertThat(page.locator("#demo-remove")).isHidden();
		assertThat(welcome(page)).isHidden();
		this.jdbc.sql("UPDATE users SET current_household_id = NULL WHERE id = :u").param("u", viewer.id()).update();
	}

}
