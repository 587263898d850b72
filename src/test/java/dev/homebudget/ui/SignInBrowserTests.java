package dev.homebudget.ui;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import dev.homebudget.auth.UserAccounts;
import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in mode in a real Chromium: the UI sends a signed-out visitor to the sign-in page,
 * works after signing in (its changes carry the CSRF token), and signing out ends the
 * session.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "budget.auth.mode=sign-in")
class SignInBrowserTests {

	private static final String PASSWORD = "correct horse battery";

	private static Playwright playwright;

	private static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	private BrowserContext context;

	private final List<String> pageErrors = new ArrayList<>();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("budget.database.url", () -> TestDatabase.jdbcUrl("ui_sign_in"));
	}

	@BeforeAll
	static void launchBrowser() {
		playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions()
				.setExecutablePath(Paths.get(System.getProperty("chromium.path", "/usr/bin/chromium")))
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--disable-sync")));
	}

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
	}

	@AfterEach
	void close() {
		if (this.context != null) {
			this.context.close();
		}
		assertThat(this.pageErrors).as("uncaught errors in the page").isEmpty();
	}

	@Test
	void signInAddAnExpenseAndSignOut() {
		String name = "dana-" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.add(name, PASSWORD);
		String business = "Bakery " + UUID.randomUUID().toString().substring(0, 6);
		this.context = browser
			.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800).setLocale("en-US"));
		Page page = this.context.newPage();
		page.onPageError(this.pageErrors::add);
		String base = "http://127.0.0.1:" + this.port;

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
