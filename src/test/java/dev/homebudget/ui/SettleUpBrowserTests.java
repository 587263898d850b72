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
 * Who paid and settling up in a real Chromium, one browser context per person: A invites
 * B, B joins, A adds an expense paid by A and shared (the form's defaults), B sees that B
 * owes A half and settles up, and the balance is zero.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "budget.auth.mode=sign-in")
class SettleUpBrowserTests {

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
		registry.add("budget.database.url", () -> TestDatabase.jdbcUrl("ui_settle"));
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

	@Test
	void aSharedExpensePaidByAIsSettledUpByB() {
		UserAccount a = newUser("sa");
		UserAccount b = newUser("sb");
		int household = this.jdbc.sql("SELECT current_household_id FROM users WHERE id = :id")
			.param("id", a.id())
			.query(Integer.class)
			.single();

		Page pageA = signedIn(a);
		pageA.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Household")).click();
		pageA.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create invitation")).click();
		assertThat(pageA.locator("#invite-result")).isVisible();
		String code = pageA.locator("#invite-code").textContent().strip();

		Page pageB = signedIn(b);
		pageB.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Household")).click();
		pageB.getByLabel("Invitation code").fill(code);
		pageB.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join")).click();
		assertThat(pageB.locator("#household option:checked")).containsText("(member)");

		// with two members, the add form asks who paid (default: me) and for whom
		// (default: shared)
		pageA.reload();
		assertThat(pageA.locator("body")).hasAttribute("data-ready", "true");
		Locator section = pageA.locator("#expense-section");
		section.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add expense")).click();
		Locator form = section.locator(".add-form");
		assertThat(form.getByLabel("Paid by")).isVisible();
		assertThat(form.getByLabel("Paid by").locator("option:checked")).containsText("Me (" + a.username() + ")");
		assertThat(form.getByLabel("For whom").locator("option:checked")).hasText("Shared");
		String business = "Dinner " + UUID.randomUUID().toString().substring(0, 6);
		form.getByLabel("Business").fill(business);
		form.getByLabel("Category").fill("Food");
		form.getByLabel("Amount").fill("31.41");
		form.getByLabel("Account").fill("Cash");
		form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
		assertThat(section.locator("tbody tr").filter(new Locator.FilterOptions().setHasText(business)))
			.containsText("31.41");
		assertThat(this.jdbc.sql("SELECT paid_by FROM expenses WHERE business = :business")
			.param("business", business)
			.query(Integer.class)
			.single()).isEqualTo(a.id());

		// B: owes A half (the odd cent goes to the lower id, A)
		pageB.reload();
		assertThat(pageB.locator("body")).hasAttribute("data-ready", "true");
		pageB.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Balance")).click();
		Locator transfers = pageB.locator("#balance-transfers");
		assertThat(transfers).containsText(b.username() + " owes " + a.username() + " 15.70");
		assertThat(pageB.locator("#balance-members")).containsText("owes 15.70");
		pageB.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", "balance.png")));
		transfers.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Settle up")).first().click();
		assertThat(transfers).containsText("Everyone is settled up.");
		assertThat(pageB.locator("#balance-members")).containsText(a.username() + ": paid 31.41, share 15.71, settled");
		assertThat(this.jdbc.sql("SELECT count(*) || ' ' || sum(amount) FROM settlements WHERE household_id = :h")
			.param("h", household)
			.query(String.class)
			.single()).isEqualTo("1 15.70");
	}

}
