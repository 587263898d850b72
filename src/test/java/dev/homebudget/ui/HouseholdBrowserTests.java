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
import dev.homebudget.auth.UserAccount;
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
 * Households in a real Chromium, one browser context per person: A invites B from the
 * household dialog, B joins with the code and sees A's expense; a third user, in a
 * household of their own, sees nothing of it.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "budget.auth.mode=sign-in")
class HouseholdBrowserTests {

	private static final String PASSWORD = "correct horse battery";

	private static Playwright playwright;

	private static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	private final List<BrowserContext> contexts = new ArrayList<>();

	private final List<String> pageErrors = new ArrayList<>();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("budget.database.url", () -> TestDatabase.jdbcUrl("ui_households"));
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
		this.contexts.forEach(BrowserContext::close);
		assertThat(this.pageErrors).as("uncaught errors in the page").isEmpty();
	}

	private UserAccount newUser(String prefix) {
		return this.accounts.add(prefix + "-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD);
	}

	private Page signedIn(UserAccount user) {
		BrowserContext context = browser
			.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800).setLocale("en-US"));
		this.contexts.add(context);
		Page page = context.newPage();
		page.onPageError(this.pageErrors::add);
		page.navigate("http://127.0.0.1:" + this.port + "/login");
		page.getByLabel("Username").fill(user.username());
		page.getByLabel("Password").fill(PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		assertThat(page.locator("body")).hasAttribute("data-ready", "true");
		assertThat(page.locator("#household-box")).isVisible();
		return page;
	}

	private static Locator expenseRows(Page page, String business) {
		return page.locator("#expense-section tbody tr").filter(new Locator.FilterOptions().setHasText(business));
	}

	@Test
	void anInvitedUserSeesTheSharedExpenseAndAnOutsiderSeesNothing() {
		UserAccount a = newUser("a");
		UserAccount b = newUser("b");
		UserAccount c = newUser("c");
		int household = this.jdbc.sql("SELECT current_household_id FROM users WHERE id = :id")
			.param("id", a.id())
			.query(Integer.class)
			.single();
		String business = "Shared " + UUID.randomUUID().toString().substring(0, 6);
		String today = java.time.LocalDate.now().toString();
		this.jdbc
			.sql("INSERT INTO expenses (household_id, date, business, category, amount, account) "
					+ "VALUES (:household, CAST(:date AS date), :business, 'Food', 31.40, 'Cash')")
			.param("household", household)
			.param("date", today)
			.param("business", business)
			.update();

		Page pageA = signedIn(a);
		assertThat(expenseRows(pageA, business)).containsText("31.40");
		pageA.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Household")).click();
		assertThat(pageA.locator("#household-members")).containsText(a.username());
		pageA.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create invitation")).click();
		assertThat(pageA.locator("#invite-result")).isVisible();
		String code = pageA.locator("#invite-code").textContent().strip();
		assertThat(code).hasSizeGreaterThan(20);
		pageA.screenshot(
				new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", "household-invite.png")));

		Page pageB = signedIn(b);
		assertThat(expenseRows(pageB, business)).hasCount(0);
		// B opens the invitation link (accept_url): the dialog offers the code
		pageB.navigate("http://127.0.0.1:" + this.port + "/#invitation=" + code);
		assertThat(pageB.getByLabel("Invitation code")).hasValue(code);
		pageB.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join")).click();
		assertThat(expenseRows(pageB, business)).containsText("31.40");
		assertThat(pageB.locator("#household option:checked")).containsText("(member)");

		Page pageC = signedIn(c);
		assertThat(pageC.locator("#expense-section")).isVisible();
		assertThat(expenseRows(pageC, business)).hasCount(0);
		pageC.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Household")).click();
		pageC.getByLabel("Invitation code").fill(code);
		pageC.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join")).click();
		assertThat(pageC.locator("#household-message")).containsText("already been used");

		pageA.reload();
		pageA.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Household")).click();
		assertThat(pageA.locator("#household-members")).containsText(b.username());
	}

}
