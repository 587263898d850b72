package dev.homebudget.ui;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The UI's flows in a real Chromium, on a 1280x800 ("desktop") and a 390x844 ("mobile")
 * viewport.
 */
class WebUiBrowserTests extends BrowserTestSupport {

	private final String today = LocalDate.now().toString();

	private final String lastMonthDay = YearMonth.now().minusMonths(1).atDay(15).toString();

	@Test
	void desktopAddShowsTheApiValidationMessageNextToTheFieldThenSaves() {
		category("expense", "Groceries", null);
		Page page = open("desktop");
		section("expense").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add expense")).click();
		Locator form = section("expense").locator("form.add-form");
		form.getByLabel("Business").fill("SuperSal");
		form.getByLabel("Category").fill("Groceries");
		form.getByLabel("Amount").fill("abc");
		form.getByLabel("Account").fill("Visa 1234");
		form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();

		// in words a person uses (the API's body keeps its own), and once: no toast as
		// well
		assertThat(page.locator("#add-expense-amount-error")).hasText("Enter a number, like 12.50");
		assertThat(form.getByLabel("Amount")).hasAttribute("aria-invalid", "true");
		assertThat(page.locator("#toasts .app-toast")).hasCount(0);
		screenshot("error");
		assertThat(list("expense")).isEmpty();

		form.getByLabel("Amount").fill("1234.5");
		form.getByLabel("Amount").press("Enter");
		assertThat(row("expense", "SuperSal")).containsText("1,234.50");
		assertThat(row("expense", "SuperSal")).containsText("₪");
		assertThat(toast("Expense added")).isVisible();
		assertThat(page.locator("#total-expenses")).hasText("1,234.50");
		assertThat(page.locator("#total-balance")).hasText("-1,234.50");
		JsonNode saved = list("expense").get(0);
		assertThat(saved.get("amount").decimalValue()).isEqualByComparingTo("1234.50");
		assertThat(saved.get("date").asString()).isEqualTo(this.today);
		assertThat(saved.get("business").asString()).isEqualTo("SuperSal");
	}

	@Test
	void desktopInlineEditSendsThePatchWithTheRawValueAndEscapeCancels() {
		JsonNode expense = create("expense", "{\"date\":\"" + this.today
				+ "\",\"business\":\"Cafe\",\"category\":\"Food\",\"amount\":10,\"account\":\"Cash\"}");
		Page page = open("desktop");
		Locator amount = row("expense", "Cafe").locator("td[data-field=amount]");
		assertThat(amount).containsText("10.00");
		amount.click();
		Locator input = amount.locator("input");
		assertThat(input).hasValue("10.00");
		input.fill("1234.5");
		Response response = page.waitForResponse((r) -> "PATCH".equals(r.request().method()),
				() -> input.press("Enter"));
		assertThat(response.url()).endsWith("/api/v1/expense/" + expense.get("id").asInt());
		assertThat(JSON.readTree(response.request().postData()))
			.isEqualTo(JSON.readTree("{\"field\":\"amount\",\"value\":\"1234.5\"}"));
		assertThat(amount).containsText("1,234.50");
		assertThat(page.locator("#total-expenses")).hasText("1,234.50");

		Locator category = row("expense", "Cafe").locator("td[data-field=category]");
		category.click();
		category.locator("input").fill("Changed");
		category.locator("input").press("Escape");
		assertThat(category).hasText("Food");

		Locator date = row("expense", "Cafe").locator("td[data-field=date]");
		date.click();
		assertThat(date.locator("input")).hasValue(this.today);
		date.locator("input").press("Escape");

		// A value the API refuses stays in the cell with the API's message.
		amount.click();
		amount.locator("input").fill("lots");
		amount.locator("input").press("Enter");
		assertThat(amount.locator(".cell-error")).hasText("Enter a number, like 12.50");
		assertThat(page.locator("#toasts .app-toast-error")).hasCount(0);
		screenshot("error");
		amount.locator("input").press("Escape");
		assertThat(amount).containsText("1,234.50");

		JsonNode saved = list("expense").get(0);
		assertThat(saved.get("amount").decimalValue()).isEqualByComparingTo("1234.50");
		assertThat(saved.get("category").asString()).isEqualTo("Food");
	}

	@Test
	void desktopDeleteAsksForConfirmationAndReportsFailures() {
		create("expense", "{\"date\":\"" + this.today
				+ "\",\"business\":\"Keep\",\"category\":\"Food\",\"amount\":5,\"account\":\"Cash\"}");
		JsonNode gone = create("expense", "{\"date\":\"" + this.today
				+ "\",\"business\":\"Remove\",\"category\":\"Food\",\"amount\":7,\"account\":\"Cash\"}");
		JsonNode vanished = create("expense", "{\"date\":\"" + this.today
				+ "\",\"business\":\"Vanished\",\"category\":\"Food\",\"amount\":9,\"account\":\"Cash\"}");
		Page page = open("desktop");
		assertThat(rows("expense")).hasCount(3);

		row("expense", "Remove").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete expense"))
			.click();
		row("expense", "Remove").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel")).click();
		assertThat(rows("expense")).hasCount(3);
		row("expense", "Remove").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete expense"))
			.click();
		// a delete reloads the list afterwards; that reload must be served before the
		// deletion "elsewhere" below, or it would take the Vanished row away first
		page.waitForResponse(
				(response) -> response.request().method().equals("GET") && response.url().contains("/api/v1/expense?"),
				() -> row("expense", "Remove")
					.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete").setExact(true))
					.click());
		assertThat(row("expense", "Remove")).hasCount(0);
		assertThat(toast("Expense deleted")).isVisible();

		// Deleted elsewhere meanwhile: the 404 reaches the user.
		api("DELETE", "/api/v1/expense/" + vanished.get("id").asInt(), null);
		row("expense", "Vanished").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete expense"))
			.click();
		row("expense", "Vanished")
			.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete").setExact(true))
			.click();
		assertThat(toast("Could not delete expense: Expense not found")).isVisible();
		assertThat(rows("expense")).hasCount(1);
		assertThat(page.locator("#total-expenses")).hasText("5.00");
		assertThat(list("expense")).hasSize(1);
		assertThat(gone.get("id").asInt()).isNotEqualTo(list("expense").get(0).get("id").asInt());
	}

	@Test
	void desktopSelectModeSelectsAllAndBulkDeletes() {
		create("income",
				"{\"date\":\"" + this.today + "\",\"category\":\"Salary\",\"amount\":1000,\"account\":\"Bank\"}");
		create("income", "{\"date\":\"" + this.today + "\",\"category\":\"Gift\",\"amount\":50,\"account\":\"Cash\"}");
		create("income",
				"{\"date\":\"" + this.today + "\",\"category\":\"Refund\",\"amount\":20,\"account\":\"Bank\"}");
		create("expense", "{\"date\":\"" + this.today
				+ "\",\"business\":\"Other\",\"category\":\"Food\",\"amount\":3,\"account\":\"Cash\"}");
		Page page = open("desktop");
		assertThat(page.locator("#total-incomes")).hasText("1,070.00");
		Locator incomes = section("income");
		incomes.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Select").setExact(true)).click();
		incomes.getByLabel("Select all incomes").check();
		assertThat(incomes.locator(".selected-count")).hasText("3 selected");
		incomes.locator("tbody input[type=checkbox]").first().uncheck();
		assertThat(incomes.locator(".selected-count")).hasText("2 selected");
		incomes.getByLabel("Select all incomes").check();
		screenshot("selected");
		incomes.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete selected")).click();
		incomes.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Yes, delete")).click();
		assertThat(toast("3 incomes deleted")).isVisible();
		assertThat(rows("income")).hasCount(0);
		assertThat(incomes.locator(".bulk-bar")).isHidden();
		assertThat(page.locator("#total-incomes")).hasText("0.00");
		assertThat(list("income")).isEmpty();
		assertThat(list("expense")).hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "desktop", "mobile" })
	void monthSwitchShowsThatMonthsRowsAndTotals(String viewport) {
		create("expense", "{\"date\":\"" + this.today
				+ "\",\"business\":\"Now\",\"category\":\"Food\",\"amount\":\"100.25\",\"account\":\"Cash\"}");
		create("income",
				"{\"date\":\"" + this.today + "\",\"category\":\"Salary\",\"amount\":2000,\"account\":\"Bank\"}");
		create("expense", "{\"date\":\"" + this.lastMonthDay
				+ "\",\"business\":\"Before\",\"category\":\"Rent\",\"amount\":50,\"account\":\"Bank\"}");
		Page page = open(viewport);
		assertThat(page.getByLabel("Month", new Page.GetByLabelOptions().setExact(true)))
			.hasValue(YearMonth.now().toString());
		assertThat(page.locator("#total-expenses")).hasText("100.25");
		assertThat(page.locator("#total-incomes")).hasText("2,000.00");
		assertThat(page.locator("#total-balance")).hasText("1,899.75");
		assertThat(rows("expense")).hasCount(1);
		assertThat(row("expense", "Now")).hasCount(1);
		assertThat(page.locator("#category-chart")).containsText("Food");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Previous month")).click();
		assertThat(page.locator("#total-expenses")).hasText("50.00");
		assertThat(page.locator("#total-incomes")).hasText("0.00");
		assertThat(page.locator("#total-balance")).hasText("-50.00");
		assertThat(row("expense", "Before")).hasCount(1);
		assertThat(rows("expense")).hasCount(1);
		assertThat(rows("income")).hasCount(0);
		assertThat(page.locator("#category-chart")).containsText("Rent");
		screenshot("previous");

		page.getByLabel("Month", new Page.GetByLabelOptions().setExact(true)).fill(YearMonth.now().toString());
		assertThat(page.locator("#total-balance")).hasText("1,899.75");
		assertThat(row("expense", "Now")).hasCount(1);
	}

	@Test
	void mobileAddAndEditOfAnExpenseWithAnEmptyBusinessUseTheExpenseResource() {
		category("expense", "Parking", null);
		Page page = open("mobile");
		List<String> writes = recordWrites(page);
		assertThat(section("expense").locator(".add-btn")).isHidden();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add transaction")).click();
		Locator sheet = page.getByRole(AriaRole.DIALOG);
		assertThat(sheet).isVisible();
		assertThat(sheet.getByLabel("Type")).hasValue("expense");
		sheet.getByLabel("Category").fill("Parking");
		sheet.getByLabel("Amount").fill("12.30");
		sheet.getByLabel("Account").fill("Cash");
		screenshot("add");
		sheet.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
		assertThat(toast("Transaction added")).isVisible();
		assertThat(sheet).isHidden();
		assertThat(row("expense", "Parking")).containsText("12.30");
		JsonNode created = list("expense").get(0);
		int id = created.get("id").asInt();
		assertThat(created.get("business").asString()).isEmpty();

		row("expense", "Parking").click();
		assertThat(sheet).isVisible();
		assertThat(sheet.getByLabel("Type")).isDisabled();
		assertThat(sheet.getByLabel("Business")).hasValue("");
		assertThat(sheet.getByLabel("Amount")).hasValue("12.30");
		sheet.getByLabel("Amount").fill("15");
		sheet.getByLabel("Notes").fill("street");
		sheet.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
		assertThat(toast("Transaction updated")).isVisible();
		assertThat(row("expense", "Parking")).containsText("15.00");
		assertThat(page.locator("#total-expenses")).hasText("15.00");

		assertThat(writes).containsExactly("POST /api/v1/expense", "PUT /api/v1/expense/" + id);
		JsonNode saved = list("expense").get(0);
		assertThat(saved.get("amount").decimalValue()).isEqualByComparingTo("15.00");
		assertThat(saved.get("notes").asString()).isEqualTo("street");
		assertThat(list("income")).isEmpty();
	}

	@Test
	void mobileAddAndEditOfAnIncome() {
		category("income", "Salary", null);
		Page page = open("mobile");
		List<String> writes = recordWrites(page);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add transaction")).click();
		Locator sheet = page.getByRole(AriaRole.DIALOG);
		sheet.getByLabel("Type").selectOption("income");
		assertThat(sheet.getByLabel("Business")).hasCount(0);
		sheet.getByLabel("Category").fill("Salary");
		sheet.getByLabel("Amount").fill("5000");
		sheet.getByLabel("Account").fill("Bank");
		sheet.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
		assertThat(toast("Transaction added")).isVisible();
		assertThat(row("income", "Salary")).containsText("5,000.00");
		int id = list("income").get(0).get("id").asInt();

		row("income", "Salary").click();
		assertThat(sheet.getByLabel("Type")).hasValue("income");
		sheet.getByLabel("Amount").fill("5100.10");
		sheet.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
		assertThat(toast("Transaction updated")).isVisible();
		assertThat(row("income", "Salary")).containsText("5,100.10");
		assertThat(page.locator("#total-incomes")).hasText("5,100.10");
		assertThat(writes).containsExactly("POST /api/v1/income", "PUT /api/v1/income/" + id);
		assertThat(list("income").get(0).get("amount").decimalValue()).isEqualByComparingTo("5100.10");
	}

	@Test
	void mobileSheetShowsValidationMessagesNextToTheFields() {
		Page page = open("mobile");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add transaction")).click();
		Locator sheet = page.getByRole(AriaRole.DIALOG);
		sheet.getByLabel("Date").fill("");
		sheet.getByLabel("Amount").fill("12,5x");
		sheet.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
		assertThat(page.locator("#sheet-amount-error")).hasText("Enter a number, like 12.50");
		assertThat(page.locator("#sheet-date-error")).not().isEmpty();
		assertThat(sheet).isVisible();
		assertThat(page.locator("#toasts .app-toast-error")).hasCount(0);
		screenshot("error");
		sheet.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel")).click();
		assertThat(sheet).isHidden();
		assertThat(list("expense")).isEmpty();
	}

	@Test
	void desktopFiltersBySearchTextCategoryAndAccountAndKeyboardEditsACell() {
		create("expense", "{\"date\":\"" + this.today
				+ "\",\"business\":\"Corner Cafe\",\"category\":\"Food\",\"amount\":12,\"account\":\"Cash\"}");
		create("expense", "{\"date\":\"" + this.today
				+ "\",\"business\":\"Paz\",\"category\":\"Fuel\",\"amount\":200,\"account\":\"Visa\"}");
		create("expense", "{\"date\":\"" + this.today
				+ "\",\"business\":\"Market\",\"category\":\"Food\",\"amount\":80,\"account\":\"Visa\"}");
		Page page = open("desktop");
		assertThat(rows("expense")).hasCount(3);
		page.getByLabel("Search text").fill("cafe");
		assertThat(rows("expense")).hasCount(1);
		assertThat(row("expense", "Corner Cafe")).hasCount(1);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Clear")).click();
		assertThat(rows("expense")).hasCount(3);
		page.getByLabel("Filter by category").fill("Food");
		assertThat(rows("expense")).hasCount(2);
		page.getByLabel("Filter by account").fill("Visa");
		assertThat(rows("expense")).hasCount(1);
		assertThat(row("expense", "Market")).hasCount(1);
		assertThat(page.locator("#expense-summary")).containsText("80.00");
		// Suggestions from past entries.
		assertThat(page.locator("#dl-expense-business option[value='Paz']")).hasCount(1);
		screenshot("filtered");

		// Keyboard only: focus the cell, Enter opens the editor, Enter saves.
		Locator notes = row("expense", "Market").locator("td[data-field=notes]");
		notes.focus();
		page.keyboard().press("Enter");
		assertThat(notes.locator("input")).isFocused();
		page.keyboard().type("weekly");
		page.keyboard().press("Enter");
		assertThat(notes).hasText("weekly");
		assertThat(toast("Notes saved")).isVisible();
	}

	@Test
	void desktopShowsOneMonthOfTenThousandRowsWithoutDownloadingThemAll() {
		try (Connection connection = TestDatabase.dataSource("ui").getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("INSERT INTO expenses (date, business, category, amount, account) "
					+ "SELECT current_date - (g % 700), 'Shop ' || (g % 50), 'Cat ' || (g % 12), "
					+ "(g % 90000) / 100.0 + 1, 'Acc ' || (g % 4) FROM generate_series(1, 10000) g");
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		List<Integer> monthIds = new java.util.ArrayList<>();
		list("expense").forEach((row) -> {
			if (row.get("date").asString().startsWith(YearMonth.now().toString())) {
				monthIds.add(row.get("id").asInt());
			}
		});
		long started = System.nanoTime();
		Page page = open("desktop");
		long millis = (System.nanoTime() - started) / 1_000_000;
		String inPage = page.locator("body").getAttribute("data-ready-ms");
		System.out.println("10,000 rows: tables shown " + inPage + " ms after navigation start (" + millis
				+ " ms including opening a browser context)");
		System.out.println(page.evaluate(
				"() => JSON.stringify(performance.getEntriesByType('resource').map(e => [e.name.replace(location.origin, ''), Math.round(e.startTime), Math.round(e.duration)]).concat([['dcl', Math.round(performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd), Math.round(performance.getEntriesByType('navigation')[0].responseEnd)]]))"));
		// the timings are recorded (printed above), not judged here: a busy machine must
		// not
		// fail the build; bench/README.md judges load times on an idle box
		assertThat(Integer.parseInt(inPage)).as("ms from navigation start to tables shown").isPositive();
		assertThat(rows("expense")).hasCount(monthIds.size());
		Object lists = page.evaluate("() => performance.getEntriesByType('resource')"
				+ ".map(e => e.name).filter(n => /\\/api\\/v1\\/(expense|income)(\\?|$)/.test(n))"
				+ ".filter(n => !n.includes('from=')).length");
		assertThat(((Number) lists).intValue()).as("unfiltered list requests").isZero();
	}

	@Test
	void mobileFollowsTheDarkSystemSetting() {
		create("expense", "{\"date\":\"" + this.today
				+ "\",\"business\":\"Night\",\"category\":\"Fun\",\"amount\":1234567.8,\"account\":\"Card\"}");
		Page page = open("mobile", ColorScheme.DARK);
		assertThat(page.locator("html")).hasAttribute("data-bs-theme", "dark");
		assertThat(row("expense", "Night")).containsText("1,234,567.80");
		assertThat(page.locator("#total-expenses")).hasText("1,234,567.80");
	}

	@Test
	void singleUserModeShowsNoAccountMenuTokensOrHouseholds() {
		Page page = open("desktop");
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("API tokens"))).isHidden();
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))).isHidden();
		assertThat(page.locator("#household-box")).isHidden();
	}

	@Test
	void mobileDeleteFromTheEditSheet() {
		create("expense", "{\"date\":\"" + this.today
				+ "\",\"business\":\"Bus\",\"category\":\"Travel\",\"amount\":2.5,\"account\":\"Card\"}");
		Page page = open("mobile");
		row("expense", "Travel").tap();
		page.getByRole(AriaRole.DIALOG)
			.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete").setExact(true))
			.click();
		assertThat(toast("Expense deleted")).isVisible();
		assertThat(page.getByRole(AriaRole.DIALOG)).isHidden();
		assertThat(rows("expense")).hasCount(0);
		assertThat(list("expense")).isEmpty();
	}

	private static List<String> recordWrites(Page page) {
		List<String> writes = new CopyOnWriteArrayList<>();
		page.onRequest((Request request) -> {
			if (!"GET".equals(request.method())) {
				writes.add(request.method() + " " + request.url().replaceFirst("^https?://[^/]+", ""));
			}
		});
		return writes;
	}

}
