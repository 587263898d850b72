package dev.homebudget.ui;

import java.nio.file.Paths;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.ColorScheme;
import dev.homebudget.auth.UserAccount;
import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A phone's header (390x844) is one short row: the title, the month and a Menu button
 * whose panel holds the pages, the household and the account (API tokens, sign out); a
 * desktop keeps them in its header.
 */
class PhoneHeaderBrowserTests extends SignedInBrowserTestSupport {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("budget.database.url", () -> TestDatabase.jdbcUrl("ui_phone_header"));
	}

	private static Locator button(Page page, String name) {
		return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

	@Test
	void thePhoneHeaderIsOneShortRowWithTheAccountAndPagesInItsMenu() {
		UserAccount user = newUser("ph");
		Page page = signedIn(user, true);
		Locator header = page.locator("header.app-header");
		BoundingBox box = header.boundingBox();
		assertThat(box.height).as("height of the phone's header").isLessThanOrEqualTo(64);
		assertThat(page.locator("#month")).isVisible();
		assertThat(button(page, "Previous month")).isVisible();
		Locator menu = button(page, "Menu");
		assertThat(menu).hasAttribute("aria-expanded", "false");
		for (String item : new String[] { "Budget", "Import", "API tokens", "Sign out", "Household" }) {
			assertThat(button(page, item)).isHidden();
		}

		// the menu holds the pages, the household and the account
		menu.tap();
		assertThat(menu).hasAttribute("aria-expanded", "true");
		Locator panel = page.locator("#header-menu");
		for (String item : new String[] { "Budget", "Schedules", "Import", "Rules", "Household", "API tokens",
				"Sign out" }) {
			assertThat(panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(item).setExact(true)))
				.isVisible();
		}
		assertThat(panel.getByLabel("Household", new Locator.GetByLabelOptions().setExact(true))).isVisible();
		assertThat(panel.locator("#account-name")).hasText(user.username());
		// the panel fits the screen
		BoundingBox panelBox = panel.boundingBox();
		assertThat(panelBox.x).isGreaterThanOrEqualTo(0);
		assertThat(panelBox.x + panelBox.width).isLessThanOrEqualTo(390);
		Axe.assertNoViolations(page, "with the header's menu open (light)");
		page.screenshot(
				new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", "phone-header-menu.png")));
		page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.DARK));
		Axe.assertNoViolations(page, "with the header's menu open (dark)");
		page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.LIGHT));

		// Escape closes it and gives the focus back to the button
		page.keyboard().press("Escape");
		assertThat(menu).hasAttribute("aria-expanded", "false");
		assertThat(button(page, "API tokens")).isHidden();
		assertThat(menu).isFocused();

		// an item opens its page; closing it brings the focus back to the Menu button
		menu.tap();
		button(page, "API tokens").tap();
		Locator tokens = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("API tokens"));
		assertThat(tokens).isVisible();
		assertThat(menu).hasAttribute("aria-expanded", "false");
		page.keyboard().press("Escape");
		assertThat(tokens).isHidden();
		assertThat(menu).isFocused();

		// a tap elsewhere closes it
		menu.tap();
		assertThat(button(page, "Budget")).isVisible();
		page.locator("#totals-period").tap();
		assertThat(button(page, "Budget")).isHidden();

		// Sign out from the menu
		menu.tap();
		button(page, "Sign out").tap();
		assertThat(page).hasURL(Pattern.compile("/login"));
	}

	@Test
	void theDesktopKeepsItsHeaderWithoutAMenuButton() {
		UserAccount user = newUser("pd");
		Page page = signedIn(user, false);
		assertThat(button(page, "Menu")).isHidden();
		for (String item : new String[] { "Budget", "Import", "API tokens", "Sign out", "Household" }) {
			assertThat(button(page, item)).isVisible();
		}
	}

}
