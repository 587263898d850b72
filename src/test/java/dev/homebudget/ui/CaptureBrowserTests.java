package dev.homebudget.ui;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.ColorScheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fast capture (issue 22): the add bar at the top of the list that stays open, N for a
 * new expense, amount first on the phone sheet, the category from the business,
 * "1,234.50" and "1.234,50" read and "1,234" asked about, a question on a negative
 * expense, the new row highlighted in view; and the bugs seen around it (a failed month
 * load, an inline error widening the table, errors shown twice, toasts piling up, Hebrew
 * in cells, 115 Tab presses to reach "Add expense").
 */
class CaptureBrowserTests extends BrowserTestSupport {

	private final String today = LocalDate.now().toString();

	/** A full month: enough rows that the table runs far below the fold. */
	private void fullMonth() {
		sql("INSERT INTO expenses (date, business, category, amount, account) SELECT date_trunc('month', current_date)::date"
				+ " + (g % 28), 'Shop ' || g, 'Cat ' || (g % 7), g + 0.5, 'Cash' FROM generate_series(1, 60) g");
	}

	private List<String> posts(Page page) {
		List<String> posts = new CopyOnWriteArrayList<>();
		page.onRequest((request) -> {
			if ("POST".equals(request.method()) && request.url().contains("/api/v1/expense")) {
				posts.add(request.postData());
			}
		});
		return posts;
	}

	@Test
	void desktopAddBarAtTheTopStaysOpenReadsGroupedAmountsAndShowsTheNewRowInView() {
		fullMonth();
		category("expense", "Groceries", null);
		Page page = open("desktop");
		List<String> posts = posts(page);
		// N from anywhere outside a field opens the add bar, above the table
		page.locator("body").press("n");
		Locator form = section("expense").locator("form.add-form");
		assertThat(form).isVisible();
		assertThat(form.getByLabel("Business")).isFocused();
		assertThat(section("expense").locator("#add-expense-open")).hasAttribute("aria-keyshortcuts", "N");
		assertThat(form).containsText("press N for a new expense");
		assertThat(form.boundingBox().y).isLessThan(section("expense").locator("table").boundingBox().y);

		form.getByLabel("Business").fill("Zeta Market");
		form.getByLabel("Category").fill("Groceries");
		form.getByLabel("Amount").fill("1,234.50");
		form.getByLabel("Account").fill("Visa");
		form.getByLabel("Amount").press("Enter");
		Locator added = row("expense", "Zeta Market");
		assertThat(added).containsText("1,234.50");
		assertThat(added).hasAttribute("data-just-added", "true");
		assertThat(added).isInViewport();
		screenshot("added");
		// still open, emptied for the next one, the date kept
		assertThat(form).isVisible();
		assertThat(form.getByLabel("Business")).isFocused();
		assertThat(form.getByLabel("Business")).isEmpty();
		assertThat(form.getByLabel("Date")).hasValue(this.today);

		form.getByLabel("Business").fill("Omega");
		form.getByLabel("Category").fill("Groceries");
		form.getByLabel("Amount").fill("1.234,50");
		form.getByLabel("Amount").press("Enter");
		assertThat(row("expense", "Omega")).containsText("1,234.50");
		assertThat(row("expense", "Omega")).hasAttribute("data-just-added", "true");

		// read two ways: asked, nothing sent
		form.getByLabel("Business").fill("Ambiguous");
		form.getByLabel("Category").fill("Groceries");
		form.getByLabel("Amount").fill("1,234");
		form.getByLabel("Amount").press("Enter");
		assertThat(page.locator("#add-expense-amount-error")).hasText(
				"\u201c1,234\u201d can be read two ways: write 1234 (without the comma) for the whole amount, or at most 2 digits after the comma, like 1,23.");
		assertThat(form.getByLabel("Amount")).isFocused();
		assertThat(page.locator("#toasts .app-toast-error")).hasCount(0);
		assertThat(posts).hasSize(2);
		assertThat(JSON.readTree(posts.get(0)).get("amount").asString()).isEqualTo("1234.50");
		assertThat(JSON.readTree(posts.get(1)).get("amount").asString()).isEqualTo("1234.50");
		screenshot("ambiguous");
		for (JsonNode saved : list("expense")) {
			if (saved.get("business").asString().equals("Omega")) {
				assertThat(saved.get("amount").decimalValue()).isEqualByComparingTo("1234.50");
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "desktop", "mobile" })
	void aNegativeExpenseIsAskedAboutBeforeItIsSaved(String viewport) {
		category("expense", "Clothes", null);
		Page page = open(viewport);
		List<String> posts = posts(page);
		Locator form;
		if (mobile(viewport)) {
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add transaction")).tap();
			form = page.locator("#sheet-form");
		}
		else {
			page.locator("body").press("n");
			form = section("expense").locator("form.add-form");
		}
		form.getByLabel("Amount").fill("-20");
		form.getByLabel("Business").fill("Shoe shop");
		form.getByLabel("Category").fill("Clothes");
		form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
		Locator question = form.locator(".capture-question");
		assertThat(question).containsText("a refund?");
		assertThat(
				question.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Yes, a refund: save it")))
			.isFocused();
		Axe.assertNoViolations(page, "with the negative-expense question (light)");
		page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.DARK));
		Axe.assertNoViolations(page, "with the negative-expense question (dark)");
		screenshot("question");
		question.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("No, change the amount")).click();
		assertThat(question).hasCount(0);
		assertThat(form.getByLabel("Amount")).isFocused();
		assertThat(posts).isEmpty();

		form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
		form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Yes, a refund: save it")).click();
		assertThat(row("expense", "Shoe shop")).containsText("-20.00");
		assertThat(posts).hasSize(1);
		assertThat(list("expense").get(0).get("amount").decimalValue()).isEqualByComparingTo("-20");
	}

	@Test
	void mobileSheetStartsOnTheAmountAndTakesTheCategoryFromTheBusiness() {
		category("expense", "Groceries", null);
		expense(this.today, "SuperSal", "Groceries", "10", "\u20aa");
		Page page = open("mobile");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add transaction")).tap();
		Locator form = page.locator("#sheet-form");
		assertThat(form.getByLabel("Amount")).isFocused();
		assertThat(form.locator("input, select, textarea").first()).hasAttribute("name", "amount");
		assertThat(form.getByLabel("Amount")).hasAttribute("inputmode", "decimal");
		page.keyboard().type("12,5");
		form.getByLabel("Business").fill("SuperSal");
		assertThat(form.getByLabel("Category")).hasValue("Groceries");
		form.getByLabel("Account").fill("Cash");
		Axe.assertNoViolations(page, "on the phone sheet (light)");
		screenshot("sheet");
		form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).tap();
		assertThat(toast("Transaction added")).isVisible();
		Locator added = rows("expense").filter(new Locator.FilterOptions().setHasText("12.50"));
		assertThat(added).hasAttribute("data-just-added", "true");
		assertThat(added).isInViewport();
	}

	@Test
	void theSkipLinkReachesTheAddBarInTwoKeyPressesInAFullMonth() {
		fullMonth();
		Page page = open("desktop");
		page.keyboard().press("Tab");
		Locator skip = page.getByRole(AriaRole.LINK,
				new Page.GetByRoleOptions().setName("Add an expense (shortcut: N)"));
		assertThat(skip).isFocused();
		assertThat(skip).isVisible();
		page.keyboard().press("Enter");
		assertThat(section("expense").locator("form.add-form").getByLabel("Business")).isFocused();
	}

	@Test
	void aMonthThatFailsToLoadLeavesTheMonthShownAsItWasAndToastsDoNotPileUp() {
		expense(this.today, "Now", "Food", "100.25", "\u20aa");
		Page page = open("desktop");
		assertThat(page.locator("#total-expenses")).hasText("100.25");
		String month = YearMonth.now().toString();
		// every other month's expenses fail to load (the period's one request too, and
		// then
		// its fallback to the list)
		page.route(
				(url) -> (url.contains("/api/v1/expense?") || url.contains("/api/v1/bootstrap/period?"))
						&& !url.contains("from=" + month),
				(route) -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions().setStatus(503)
					.setContentType("application/json")
					.setBody("{\"detail\":\"The database is temporarily unavailable; please retry shortly\"}")));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Previous month")).click();
		assertThat(toast("Could not load " + monthName(YearMonth.now().minusMonths(1)))).containsText("Still showing");
		assertThat(page.getByLabel("Month", new Page.GetByLabelOptions().setExact(true))).hasValue(month);
		for (int i = 2; i <= 5; i++) {
			page.getByLabel("Month", new Page.GetByLabelOptions().setExact(true))
				.fill(YearMonth.now().minusMonths(i).toString());
			assertThat(toast("Could not load " + monthName(YearMonth.now().minusMonths(i))))
				.containsText("Still showing " + monthName(YearMonth.now()));
		}
		assertThat(page.getByLabel("Month", new Page.GetByLabelOptions().setExact(true))).hasValue(month);
		assertThat(page.locator("#total-expenses")).hasText("100.25");
		assertThat(row("expense", "Now")).hasCount(1);
		assertThat(page.locator("#category-chart-heading")).containsText(monthName(YearMonth.now()));
		assertThat(page).hasURL(java.util.regex.Pattern.compile("month=" + month));
		// five failures, at most three toasts over the table
		assertThat(page.locator("#toasts .app-toast")).not().hasCount(0);
		assertThat(page.locator("#toasts .app-toast").count()).isLessThanOrEqualTo(3);
		screenshot("failed");
	}

	private static String monthName(YearMonth month) {
		return month.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.US) + " "
				+ month.getYear();
	}

	@Test
	void aRefusedCellValueWrapsInsideItsColumn() {
		expense(this.today, "Cafe", "Food", "10", "\u20aa");
		Page page = open("desktop");
		Locator amount = row("expense", "Cafe").locator("td[data-field=amount]");
		amount.click();
		Locator input = amount.locator("input");
		assertThat(input).isFocused();
		double before = amount.boundingBox().width;
		input.fill("1,234");
		input.press("Enter");
		Locator error = amount.locator(".cell-error");
		assertThat(error).containsText("can be read two ways");
		BoundingBox box = amount.boundingBox();
		// the field's "invalid" icon takes its padding (about 24 px); the message itself
		// adds
		// nothing (unwrapped it added some 400 px)
		assertThat(box.width).as("the cell's width with the message").isLessThan(before + 40);
		assertThat(error.boundingBox().height).as("the message wraps onto lines").isGreaterThan(30);
		Object overflow = page.evaluate(
				"() => { const t = document.querySelector('#expense-section .table-responsive'); return t.scrollWidth - t.clientWidth; }");
		assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
		assertThat(page.locator("#toasts .app-toast-error")).hasCount(0);
		screenshot("cell-error");
		input.press("Escape");
	}

	@Test
	void mobileHebrewTextTakesItsOwnDirectionOnTheCards() {
		String hebrew = "\u05e1\u05d5\u05e4\u05e8 \u05e4\u05d0\u05e8\u05dd \u05d4\u05d2\u05d3\u05d5\u05dc \u05d1\u05e8\u05d7\u05d5\u05d1 \u05d4\u05e8\u05e6\u05dc";
		expense(this.today, hebrew, "\u05de\u05d6\u05d5\u05df", "42", "\u20aa");
		Page page = open("mobile");
		// the card shows the whole business (wrapped, not cut), in its own direction
		Locator business = row("expense", "42.00").locator(".entry-card-title");
		assertThat(business).hasAttribute("dir", "auto");
		assertThat(business).hasCSS("direction", "rtl");
		assertThat(business).hasText(hebrew);
		assertThat(row("expense", "42.00").locator(".entry-card-detail [dir=auto]").first()).hasCSS("direction", "rtl");
		assertThat(row("expense", "42.00").locator(".entry-card-amount")).hasCSS("direction", "ltr");
		screenshot("hebrew");
	}

	@ParameterizedTest
	@ValueSource(strings = { "desktop", "mobile" })
	void theAddFormsHaveNoAccessibilityViolationsInLightAndDark(String viewport) {
		expense(this.today, "Cafe", "Food", "10", "\u20aa");
		Page page = open(viewport);
		if (mobile(viewport)) {
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add transaction")).tap();
		}
		else {
			page.locator("body").press("n");
			section("expense").locator("form.add-form").getByLabel("Amount").fill("1,234");
			section("expense").locator("form.add-form").getByLabel("Amount").press("Enter");
			assertThat(page.locator("#add-expense-amount-error")).not().isEmpty();
		}
		Axe.assertNoViolations(page, "with the add form open (light)");
		page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.DARK));
		assertThat(page.locator("html")).hasAttribute("data-bs-theme", "dark");
		Axe.assertNoViolations(page, "with the add form open (dark)");
		screenshot("dark");
	}

}
