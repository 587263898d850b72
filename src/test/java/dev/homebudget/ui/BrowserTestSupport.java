package dev.homebudget.ui;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInfo;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the browser suite: the whole app on a random port and its own PostgreSQL
 * database, driven through Debian's Chromium by Playwright (no browser download). Each
 * test starts from empty tables and saves a screenshot under {@code target/screenshots/}.
 * Runs only with {@code ./mvnw verify -Pbrowser}.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class BrowserTestSupport {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static Chromium chromium;

	@LocalServerPort
	int port;

	BrowserContext context;

	Page page;

	String viewport = "desktop";

	final List<String> pageErrors = new ArrayList<>();

	private String testName;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("budget.database.url", () -> TestDatabase.jdbcUrl("ui"));
	}

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

	@BeforeEach
	void emptyTables(TestInfo info) {
		this.testName = info.getTestMethod().map((m) -> m.getName()).orElse("test");
		for (String kind : new String[] { "expense", "income" }) {
			JsonNode rows = api("GET", "/api/v1/" + kind, null);
			List<Integer> ids = new ArrayList<>();
			rows.forEach((row) -> ids.add(row.get("id").asInt()));
			if (!ids.isEmpty()) {
				api("POST", "/api/v1/" + kind + "/bulk-delete", "{\"ids\":" + ids + "}");
			}
		}
		// no categories (and so no "Create category ...?" answered before), rates, base
		// currency or strict categories from another test either
		sql("DELETE FROM category_aliases; UPDATE categories SET parent_id = NULL; DELETE FROM categories; "
				+ "DELETE FROM exchange_rates; UPDATE households SET base_currency = 'ILS', strict_categories = false");
	}

	static void sql(String statements) {
		try (Connection connection = TestDatabase.dataSource("ui").getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(statements);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Creates a category through the API (as the UI's pickers then list it); its id. */
	int category(String kind, String name, Integer parent) {
		return api("POST", "/api/v1/categories", "{\"name\":\"" + name + "\",\"kind\":\"" + kind + "\""
				+ ((parent != null) ? ",\"parent_id\":" + parent : "") + "}")
			.get("id")
			.asInt();
	}

	@AfterEach
	void screenshotAndClose() {
		if (this.page != null) {
			this.page.screenshot(new Page.ScreenshotOptions()
				.setPath(Paths.get("target", "screenshots", this.testName + "-" + this.viewport + ".png"))
				.setFullPage(true));
		}
		if (this.context != null) {
			this.context.close();
		}
		assertThat(this.pageErrors).as("uncaught errors in the page").isEmpty();
	}

	/**
	 * Opens the UI at 1280x800 ("desktop") or 390x844 ("mobile") and waits until it has
	 * loaded.
	 */
	Page open(String viewport) {
		return open(viewport, ColorScheme.LIGHT);
	}

	Page open(String viewport, ColorScheme colorScheme) {
		if (this.context != null) {
			this.context.close();
		}
		this.viewport = viewport;
		boolean mobile = "mobile".equals(viewport);
		this.context = chromium.browser()
			.newContext(new Browser.NewContextOptions().setViewportSize(mobile ? 390 : 1280, mobile ? 844 : 800)
				.setHasTouch(mobile)
				.setIsMobile(mobile)
				.setColorScheme(colorScheme)
				.setLocale("en-US"));
		this.page = this.context.newPage();
		this.page.onPageError(this.pageErrors::add);
		this.page
			.onConsoleMessage((message) -> System.out.println("console " + message.type() + ": " + message.text()));
		this.page.navigate("http://127.0.0.1:" + this.port + "/");
		assertThat(this.page.locator("body")).hasAttribute("data-ready", "true");
		return this.page;
	}

	void screenshot(String step) {
		this.page.screenshot(new Page.ScreenshotOptions()
			.setPath(Paths.get("target", "screenshots", this.testName + "-" + this.viewport + "-" + step + ".png"))
			.setFullPage(true));
	}

	Locator section(String kind) {
		return this.page.locator("#" + kind + "-section");
	}

	/** An entry shown: a table row, or on a phone its card. */
	Locator row(String kind, String text) {
		return rows(kind).filter(new Locator.FilterOptions().setHasText(text));
	}

	/**
	 * The entries shown: the table's rows, or on a phone (up to 576 px wide) the cards.
	 */
	Locator rows(String kind) {
		return section(kind).locator(mobile(this.viewport) ? ".entry-card" : "tbody tr");
	}

	Locator toast(String text) {
		return this.page.locator("#toasts .app-toast").filter(new Locator.FilterOptions().setHasText(text));
	}

	JsonNode create(String kind, String json) {
		return api("POST", "/api/v1/" + kind, json).get(kind);
	}

	/** An expense paid in cash, through the API. */
	void expense(String date, String business, String category, String amount, String currency) {
		create("expense", "{\"date\":\"" + date + "\",\"business\":\"" + business + "\",\"category\":\"" + category
				+ "\",\"amount\":" + amount + ",\"account\":\"Cash\",\"currency\":\"" + currency + "\"}");
	}

	/** Sets a category's budget line in a period, through the API. */
	JsonNode assign(YearMonth period, int category, String body) {
		return api("PUT", "/api/v1/budgets/" + period + "/categories/" + category, body);
	}

	static boolean mobile(String viewport) {
		return "mobile".equals(viewport);
	}

	/** A tap on a phone; on a desktop the control is focused and Enter pressed. */
	static void activate(Locator locator, String viewport) {
		if (mobile(viewport)) {
			locator.tap();
		}
		else {
			locator.focus();
			locator.press("Enter");
		}
	}

	JsonNode list(String kind) {
		return api("GET", "/api/v1/" + kind, null);
	}

	JsonNode api(String method, String path, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "application/json")
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)
					: HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		try {
			HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 201);
			return JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
