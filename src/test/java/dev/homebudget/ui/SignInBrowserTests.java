package dev.homebudget.ui;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.homebudget.auth.UserAccount;
import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in mode in a real Chromium: the UI sends a signed-out visitor to the sign-in page,
 * works after signing in (its changes carry the CSRF token), and signing out ends the
 * session. The API tokens dialog creates a token that works as a Bearer token until it is
 * revoked there.
 */
class SignInBrowserTests extends SignedInBrowserTestSupport {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("budget.database.url", () -> TestDatabase.jdbcUrl("ui_sign_in"));
	}

	@Test
	void signInAddAnExpenseAndSignOut() {
		String name = "dana-" + UUID.randomUUID().toString().substring(0, 8);
		expenseCategory(currentHousehold(this.accounts.add(name, PASSWORD)), "Food");
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

		HeaderMenu.open(page);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
		assertThat(page).hasURL(base + "/login?signed-out");
		assertThat(page.locator("#signed-out")).isVisible();
		page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", "sign-in-out.png")));
		page.navigate(base + "/");
		assertThat(page).hasURL(base + "/login");
	}

	private int expenseListStatus(String token) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/api/v1/expense"))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json")
			.build();
		return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	@Test
	void aTokenCreatedInTheTokensDialogWorksUntilItIsRevokedThere() throws Exception {
		UserAccount user = newUser("tok");
		Page page = signedIn(user);
		page.context().grantPermissions(List.of("clipboard-read", "clipboard-write"));
		HeaderMenu.open(page);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("API tokens")).click();
		Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("API tokens"));
		assertThat(dialog).isVisible();
		assertThat(dialog.locator("#token-none")).isVisible();
		dialog.getByLabel("Token name").fill("backup script");
		// a session alone cannot make a token: the password is asked, and a wrong one
		// refused
		dialog.getByLabel("Your password").fill("not my password");
		dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create token")).click();
		assertThat(dialog.locator("#token-message")).hasText("The password is wrong");
		assertThat(dialog.getByLabel("Your password")).isEmpty();
		assertThat(dialog.locator("#token-created")).isHidden();
		assertThat(dialog.locator("#token-none")).isVisible();
		dialog.getByLabel("Your password").fill(PASSWORD);
		assertThat(dialog.getByLabel("Expires")).hasValue("90");
		dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create token")).click();
		assertThat(dialog.locator("#token-created")).isVisible();
		assertThat(dialog.getByLabel("Your password")).isEmpty();
		assertThat(dialog.locator("#token-created")).containsText("you won't see it again");
		assertThat(dialog.locator("#token-secret")).hasText(java.util.regex.Pattern.compile("^hbw_\\S{20,}$"));
		String secret = dialog.locator("#token-secret").textContent().strip();
		Locator rows = dialog.locator("#token-list tr:not(.token-confirm-row)");
		assertThat(rows).hasCount(1);
		assertThat(rows.first()).containsText("backup script");
		assertThat(rows.first()).containsText("Never");
		assertThat(rows.first().locator("td").nth(3)).hasText(java.util.regex.Pattern.compile("\\b20\\d\\d\\b"));
		dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Copy")).click();
		assertThat(dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Copied"))).isVisible();
		assertThat(page.evaluate("navigator.clipboard.readText()")).isEqualTo(secret);
		page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", "tokens-created.png")));

		assertThat(expenseListStatus(secret)).isEqualTo(200);

		// reopened: the secret is gone from the page, the token shows its last use
		dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close")).click();
		HeaderMenu.open(page);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("API tokens")).click();
		assertThat(dialog.locator("#token-created")).isHidden();
		assertThat(dialog.locator("#token-secret")).isEmpty();
		assertThat(rows.first()).containsText("backup script");
		assertThat(rows.first()).not().containsText("Never");

		dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Revoke backup script")).click();
		assertThat(dialog.locator("#token-list")).containsText("Revoke?");
		// the first click only asks: the token still works
		assertThat(expenseListStatus(secret)).isEqualTo(200);
		dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Yes, revoke backup script")).click();
		assertThat(rows).hasCount(0);
		assertThat(dialog.locator("#token-none")).isVisible();
		assertThat(expenseListStatus(secret)).isEqualTo(401);
	}

	@Test
	void onAPhoneTheRevokeConfirmationFitsTheDialogAndARevokedTokensSecretLeavesTheScreen() {
		UserAccount user = newUser("tokphone");
		Page page = signedIn(user, true);
		HeaderMenu.open(page);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("API tokens")).tap();
		Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("API tokens"));
		dialog.getByLabel("Token name").fill("phone script");
		dialog.getByLabel("Your password").fill(PASSWORD);
		dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create token")).tap();
		assertThat(dialog.locator("#token-secret")).hasText(java.util.regex.Pattern.compile("^hbw_\\S{20,}$"));

		dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Revoke phone script")).tap();
		Locator yes = dialog.getByRole(AriaRole.BUTTON,
				new Locator.GetByRoleOptions().setName("Yes, revoke phone script"));
		assertThat(yes).isVisible();
		com.microsoft.playwright.options.BoundingBox box = dialog.boundingBox();
		for (Locator control : List.of(yes,
				dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel").setExact(true)))) {
			com.microsoft.playwright.options.BoundingBox b = control.boundingBox();
			assertThat(b.x).as("left edge inside the dialog").isGreaterThanOrEqualTo(box.x);
			assertThat(b.x + b.width).as("right edge inside the dialog").isLessThanOrEqualTo(box.x + box.width);
		}
		Object overflow = page.evaluate("() => { const d = document.getElementById('token-dialog'); "
				+ "return d.scrollWidth - d.clientWidth; }");
		assertThat(((Number) overflow).intValue()).as("the dialog scrolls sideways by").isLessThanOrEqualTo(0);
		Axe.assertNoViolations(page, "in the tokens dialog on a phone");
		page.screenshot(
				new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", "tokens-revoke-mobile.png")));
		yes.tap();
		assertThat(dialog.locator("#token-none")).isVisible();
		assertThat(dialog.locator("#token-created")).isHidden();
		assertThat(dialog.locator("#token-secret")).isEmpty();
	}

}
