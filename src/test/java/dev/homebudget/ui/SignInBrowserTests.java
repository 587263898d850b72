package dev.homebudget.ui;

import java.nio.file.Paths;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in mode in a real Chromium: the UI sends a signed-out visitor to the sign-in page,
 * works after signing in (its changes carry the CSRF token), and signing out ends the
 * session.
 */
class SignInBrowserTests extends SignedInBrowserTestSupport {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("budget.database.url", () -> TestDatabase.jdbcUrl("ui_sign_in"));
	}

	@Test
	void signInAddAnExpenseAndSignOut() {
		String name = "dana-" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.add(name, PASSWORD);
		String business = "Bakery " + UUID.randomUUID().toString().substring(0, 6);
		Page page = newPage();
		String base = base();

		page.navigate(base + "/");
		assertThat(page).hasURL(base + "/login");
		page.getByLabel("Username").fill(name);
		page.getByLabel("Password").fill("not the password");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		assertThat(page.locator("#sign-in-error")).isVisible();

		page.getByLabel("Username").fill(name);
		page.getByLabel("Password").fill(PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		// the UI adds ?month=... itself; the pattern is matched as a JavaScript RegExp
		assertThat(page).hasURL(java.util.regex.Pattern.compile(":" + this.port + "/(\\?month=[0-9-]+)?$"));
		assertThat(page.locator("body")).hasAttribute("data-ready", "true");
		assertThat(page.locator("#account-name")).hasText(name);
		page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", "sign-in-ui.png")));

		Locator section = page.locator("#expense-section");
		section.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add expense")).click();
		Locator form = section.locator("form.add-form");
		form.getByLabel("Business").fill(business);
		form.getByLabel("Category").fill("Food");
		form.getByLabel("Amount").fill("42.5");
		form.getByLabel("Account").fill("Cash");
		form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
		assertThat(section.locator("tbody tr").filter(new Locator.FilterOptions().setHasText(business)))
			.containsText("42.50");
		assertThat(this.jdbc.sql("SELECT amount FROM expenses WHERE business = :business")
			.param("business", business)
			.query(java.math.BigDecimal.class)
			.single()).isEqualByComparingTo("42.50");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
		assertThat(page).hasURL(base + "/login?signed-out");
		assertThat(page.locator("#signed-out")).isVisible();
		page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", "sign-in-out.png")));
		page.navigate(base + "/");
		assertThat(page).hasURL(base + "/login");
	}

}
