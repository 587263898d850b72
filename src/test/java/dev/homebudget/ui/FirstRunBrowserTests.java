package dev.homebudget.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A household with nothing recorded sees what to do first: add a first expense (the add
 * bar on a desktop, the sheet on a phone) or import a statement; the welcome goes once an
 * entry exists, and a household whose entries are in other months never sees it. Axe-core
 * finds nothing on it in light and dark mode.
 */
class FirstRunBrowserTests extends BrowserTestSupport {

	private static Locator welcome(Page page) {
		return page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Welcome to Home Budget"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "desktop", "mobile" })
	void anEmptyHouseholdIsWelcomedUntilItsFirstEntry(String viewport) {
		category("expense", "Groceries", null);
		Page page = open(viewport);
		Locator welcome = welcome(page);
		assertThat(welcome).isVisible();
		assertThat(page.locator("#first-run")).hasAttribute("data-state", "shown");
		assertThat(welcome.getByRole(AriaRole.BUTTON,
				new Locator.GetByRoleOptions().setName("Import a bank statement").setExact(true)))
			.isVisible();
		Axe.assertNoViolations(page, "with the welcome (light)");
		page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.DARK));
		Axe.assertNoViolations(page, "with the welcome (dark)");
		page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.LIGHT));
		screenshot("welcome");

		activate(welcome.getByRole(AriaRole.BUTTON,
				new Locator.GetByRoleOptions().setName("Add your first expense").setExact(true)), viewport);
		Locator form = mobile(viewport) ? page.locator("#sheet-form") : section("expense").locator("form.add-form");
		assertThat(form).isVisible();
		assertThat(form.getByLabel("Amount")).isVisible();
		form.getByLabel("Amount").fill("12.50");
		form.getByLabel("Business").fill("Corner shop");
		form.getByLabel("Category").fill("Groceries");
		form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
		assertThat(row("expense", "Corner shop")).isVisible();
		assertThat(welcome).isHidden();
	}

	@ParameterizedTest
	@ValueSource(strings = { "desktop" })
	void theImportButtonOpensTheImportPageAndAHouseholdWithOlderEntriesIsNotWelcomed(String viewport) {
		Page page = open(viewport);
		activate(welcome(page).getByRole(AriaRole.BUTTON,
				new Locator.GetByRoleOptions().setName("Import a bank statement").setExact(true)), viewport);
		assertThat(page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Import").setExact(true)))
			.isVisible();

		expense("2020-01-15", "Long ago", "Other", "5.00", "\u20aa");
		Page again = open(viewport);
		assertThat(section("expense").locator(".empty-hint")).isVisible();
		// asked, and not welcomed
		assertThat(again.locator("#first-run")).hasAttribute("data-state", "hidden");
		assertThat(again.locator("#first-run")).isHidden();
	}

}
