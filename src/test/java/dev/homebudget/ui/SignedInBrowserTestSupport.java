package dev.homebudget.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.homebudget.auth.UserAccount;
import dev.homebudget.auth.UserAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the browser tests in sign-in mode: accounts made through the application, one
 * browser context per person (each its own cookies, so its own session). Subclasses name
 * their database with a {@code @DynamicPropertySource}.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "budget.auth.mode=sign-in")
abstract class SignedInBrowserTestSupport {

	static final String PASSWORD = "correct horse battery";

	private static Chromium chromium;

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	private final List<BrowserContext> contexts = new ArrayList<>();

	private final List<String> pageErrors = new ArrayList<>();

	@BeforeAll
	static void launchBrowser() {
		chromium = Chromium.launch();
	}

	@AfterAll
	static void closeBrowser() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@AfterEach
	void closeContexts() {
		this.contexts.forEach(BrowserContext::close);
		assertThat(this.pageErrors).as("uncaught errors in the page").isEmpty();
	}

	String base() {
		return "http://127.0.0.1:" + this.port;
	}

	/** The household {@code user} is in now (a new account's own). */
	int currentHousehold(UserAccount user) {
		return this.jdbc.sql("SELECT current_household_id FROM users WHERE id = :id")
			.param("id", user.id())
			.query(Integer.class)
			.single();
	}

	/**
	 * Stores an expense of today (Food, Cash) entered and paid by {@code paidBy} (null:
	 * unknown payer), without shares; its id.
	 */
	int expense(int household, String business, String amount, Integer paidBy) {
		return this.jdbc
			.sql("INSERT INTO expenses (household_id, date, business, category, amount, account, entered_by, paid_by) "
					+ "VALUES (:household, CURRENT_DATE, :business, 'Food', CAST(:amount AS numeric), 'Cash', "
					+ ":paidBy, :paidBy) RETURNING id")
			.param("household", household)
			.param("business", business)
			.param("amount", amount)
			.param("paidBy", paidBy, java.sql.Types.INTEGER)
			.query(Integer.class)
			.single();
	}

	/**
	 * Makes sure the household has an expense category of that name (the pickers list it,
	 * so typing it asks nothing).
	 */
	void expenseCategory(int household, String name) {
		this.jdbc.sql("""
				INSERT INTO categories (household_id, kind, name, name_key)
				SELECT :household, 'expense', :name, name_key(:name)
				WHERE NOT EXISTS (SELECT 1 FROM categories WHERE household_id = :household AND kind = 'expense'
				                  AND name_key = name_key(:name))""")
			.param("household", household)
			.param("name", name)
			.update();
	}

	void share(int expense, int user, String amount) {
		this.jdbc.sql("INSERT INTO expense_shares (expense_id, user_id, amount) VALUES (:e, :u, CAST(:a AS numeric))")
			.param("e", expense)
			.param("u", user)
			.param("a", amount)
			.update();
	}

	/**
	 * Creates an invitation in the household dialog of {@code page} (with the dialog's
	 * default role when {@code role} is null) and returns the code it shows.
	 */
	String invitationCode(Page page, String role) {
		HeaderMenu.open(page);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Household")).click();
		if (role != null) {
			page.locator("#invite-role").selectOption(role);
		}
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create invitation")).click();
		assertThat(page.locator("#invite-result")).isVisible();
		return page.locator("#invite-code").textContent().strip();
	}

	UserAccount newUser(String prefix) {
		return this.accounts.add(prefix + "-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD);
	}

	/** A page in a browser context of its own, 1280x800, not signed in. */
	Page newPage() {
		return newPage(false);
	}

	/**
	 * A page in a browser context of its own, 390x844 (mobile) or 1280x800, not signed
	 * in.
	 */
	Page newPage(boolean mobile) {
		BrowserContext context = chromium.browser()
			.newContext(new Browser.NewContextOptions().setViewportSize(mobile ? 390 : 1280, mobile ? 844 : 800)
				.setHasTouch(mobile)
				.setIsMobile(mobile)
				.setLocale("en-US"));
		this.contexts.add(context);
		Page page = context.newPage();
		page.onPageError(this.pageErrors::add);
		return page;
	}

	/** A new page signed in as the user, with the UI loaded. */
	Page signedIn(UserAccount user) {
		return signedIn(user, false);
	}

	/** A new page (390x844 when mobile) signed in as the user, with the UI loaded. */
	Page signedIn(UserAccount user, boolean mobile) {
		Page page = newPage(mobile);
		page.navigate(base() + "/login");
		signIn(page, user);
		return page;
	}

	/** Signs in on the sign-in page shown and waits for the UI. */
	void signIn(Page page, UserAccount user) {
		page.getByLabel("Username").fill(user.username());
		page.getByLabel("Password").fill(PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		assertThat(page.locator("body")).hasAttribute("data-ready", "true");
		// shown (on a phone, in the header's menu)
		assertThat(page.locator("#household-box:not([hidden])")).hasCount(1);
	}

}
