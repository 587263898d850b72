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
		assertThat(page.locator("#household-box")).isVisible();
	}

}
