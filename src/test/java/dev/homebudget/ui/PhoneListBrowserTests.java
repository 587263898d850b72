package dev.homebudget.ui;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
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
 * The month's entries on a phone (390x844): cards grouped by day instead of the clipped
 * table; a tap opens the edit sheet (Save, Delete); a swipe to the left deletes, and Undo
 * in the toast brings the entry back; select mode ticks cards, and the bulk bar stays on
 * screen while selecting, on a phone and a desktop.
 */
class PhoneListBrowserTests extends BrowserTestSupport {

	private final LocalDate day2 = YearMonth.now().atDay(2);

	private final LocalDate day5 = YearMonth.now().atDay(5);

	private JsonNode expense(LocalDate date, String business, String category, String amount) {
		return create("expense", "{\"date\":\"" + date + "\",\"business\":\"" + business + "\",\"category\":\""
				+ category + "\",\"amount\":" + amount + ",\"account\":\"Cash\"}");
	}

	/** How the day headings read a date: "Sat 5 Dec" (with the year in another year). */
	private static String dayName(LocalDate date) {
		String pattern = (date.getYear() == LocalDate.now().getYear()) ? "EEE d MMM" : "EEE d MMM yyyy";
		return date.format(DateTimeFormatter.ofPattern(pattern, Locale.UK));
	}

	private Locator sheet() {
		return this.page.getByRole(AriaRole.DIALOG);
	}

	private Locator button(Locator root, String name) {
		return root.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
	}

	@Test
	void phoneShowsTheMonthAsCardsGroupedByDayAndTheDesktopKeepsItsTable() {
		expense(this.day2, "Bakery", "Food", "4.5");
		expense(this.day5, "\u05e1\u05d5\u05e4\u05e8", "Groceries", "1234.5");
		expense(this.day5, "", "Parking", "12");
		create("income",
				"{\"date\":\"" + this.day5 + "\",\"category\":\"Salary\",\"amount\":2000,\"account\":\"Bank\"}");
		Page page = open("mobile");

		Locator expenses = section("expense");
		assertThat(expenses.locator("#expense-table")).isHidden();
		Locator days = expenses.locator(".entry-day");
		assertThat(days).hasCount(2);
		// newest day first, each under a heading with its date
		Locator newest = days.nth(0);
		assertThat(newest.getByRole(AriaRole.HEADING)).hasText(dayName(this.day5));
		assertThat(newest.locator("time")).hasAttribute("datetime", this.day5.toString());
		assertThat(newest.locator(".entry-card")).hasCount(2);
		assertThat(days.nth(1).getByRole(AriaRole.HEADING)).hasText(dayName(this.day2));
		assertThat(days.nth(1).locator(".entry-card")).hasCount(1);
		// a list per day, named by its heading
		assertThat(page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName(dayName(this.day2))))
			.containsText("Bakery");

		// business (or the category without one), the amount with its currency; user text
		// in its own direction
		Locator hebrew = row("expense", "\u05e1\u05d5\u05e4\u05e8");
		assertThat(hebrew.locator(".entry-card-title")).hasText("\u05e1\u05d5\u05e4\u05e8");
		assertThat(hebrew.locator(".entry-card-title")).hasAttribute("dir", "auto");
		assertThat(hebrew.locator(".entry-card-detail")).containsText("Groceries");
		assertThat(hebrew.locator(".entry-card-amount")).hasText("\u20aa\u00a01,234.50");
		assertThat(row("expense", "Parking").locator(".entry-card-title")).hasText("Parking");
		assertThat(row("expense", "Bakery").locator(".entry-card-amount")).hasText("\u20aa\u00a04.50");
		assertThat(row("income", "Salary")).containsText("2,000.00");
		// each card is a button for touch and keyboard, described for screen readers
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bakery")))
			.hasAttribute("aria-describedby", "phone-card-hint");
		assertThat(page.locator("#phone-card-hint")).hasText("Opens it to edit or delete.");
		screenshot("cards");

		// the desktop keeps its table, and draws no cards
		open("desktop");
		assertThat(section("expense").locator("#expense-table")).isVisible();
		assertThat(section("expense").locator("tbody tr")).hasCount(3);
		assertThat(section("expense").locator(".entry-card")).hasCount(0);
	}

	@Test
	void tapAndKeyboardOpenTheEditSheetWhichSaves() {
		JsonNode cafe = expense(this.day5, "Cafe", "Food", "10");
		Page page = open("mobile");
		row("expense", "Cafe").tap();
		assertThat(sheet()).isVisible();
		assertThat(sheet().getByLabel("Business")).hasValue("Cafe");
		assertThat(sheet().getByLabel("Amount")).hasValue("10.00");
		sheet().getByLabel("Amount").fill("11.25");
		button(sheet(), "Save").click();
		assertThat(toast("Transaction updated")).isVisible();
		assertThat(sheet()).isHidden();
		assertThat(row("expense", "Cafe").locator(".entry-card-amount")).hasText("\u20aa\u00a011.25");
		assertThat(list("expense").get(0).get("amount").decimalValue()).isEqualByComparingTo("11.25");
		assertThat(list("expense").get(0).get("id").asInt()).isEqualTo(cafe.get("id").asInt());

		// keyboard: the card takes the focus and Enter opens it; Escape gives the focus
		// back
		row("expense", "Cafe").focus();
		page.keyboard().press("Enter");
		assertThat(sheet()).isVisible();
		assertThat(sheet().getByLabel("Amount")).hasValue("11.25");
		page.keyboard().press("Escape");
		assertThat(sheet()).isHidden();
		assertThat(row("expense", "Cafe")).isFocused();
	}

	@Test
	void theEditSheetDeletesAndUndoBringsTheEntryBack() {
		expense(this.day5, "Kiosk", "Food", "3");
		expense(this.day5, "Stays", "Food", "8");
		open("mobile");
		row("expense", "Kiosk").tap();
		assertThat(button(sheet(), "Delete")).isVisible();
		button(sheet(), "Delete").click();
		assertThat(sheet()).isHidden();
		assertThat(toast("Expense deleted")).isVisible();
		assertThat(row("expense", "Kiosk")).hasCount(0);
		assertThat(rows("expense")).hasCount(1);
		assertThat(list("expense")).hasSize(1);

		toast("Expense deleted")
			.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Undo: Expense deleted"))
			.click();
		assertThat(row("expense", "Kiosk")).hasCount(1);
		assertThat(list("expense")).hasSize(2);

		// adding has no Delete
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add transaction")).click();
		assertThat(sheet()).isVisible();
		assertThat(button(sheet(), "Delete")).hasCount(0);
	}

	@Test
	void aSwipeToTheLeftDeletesAndUndoRestoresIt() {
		expense(this.day5, "Swiped", "Food", "6.5");
		expense(this.day5, "Nudged", "Food", "7");
		Page page = open("mobile");

		// a short move is neither a delete nor a tap
		swipeLeft(row("expense", "Nudged"), 40);
		assertThat(row("expense", "Nudged")).hasCount(1);
		assertThat(row("expense", "Nudged")).hasAttribute("style", "");
		assertThat(sheet()).isHidden();

		swipeLeft(row("expense", "Swiped"), 200);
		assertThat(toast("Expense deleted")).isVisible();
		assertThat(row("expense", "Swiped")).hasCount(0);
		assertThat(sheet()).isHidden();
		assertThat(list("expense")).hasSize(1);
		assertThat(page.locator("#total-expenses")).hasText("7.00");
		screenshot("swiped");

		toast("Expense deleted").getByRole(AriaRole.BUTTON).click();
		assertThat(row("expense", "Swiped")).hasCount(1);
		assertThat(row("expense", "Swiped").locator(".entry-card-amount")).hasText("\u20aa\u00a06.50");
		assertThat(page.locator("#total-expenses")).hasText("13.50");
		assertThat(list("expense")).hasSize(2);
	}

	@ParameterizedTest
	@ValueSource(strings = { "mobile", "desktop" })
	void theBulkBarStaysOnScreenWhileSelectingAfterScrolling(String viewport) {
		StringBuilder many = new StringBuilder();
		for (int i = 1; i <= 40; i++) {
			many.append((i > 1) ? "," : "")
				.append("('" + this.day5 + "', 'Shop " + i + "', 'Food', " + i + ", 'Cash')");
		}
		sql("INSERT INTO expenses (date, business, category, amount, account) VALUES " + many);
		Page page = open(viewport);
		Locator expenses = section("expense");
		assertThat(rows("expense")).hasCount(40);
		button(expenses, "Select").click();
		if (mobile(viewport)) {
			Locator first = row("expense", "Shop 40");
			assertThat(first).hasAttribute("aria-pressed", "false");
			first.tap();
			assertThat(first).hasAttribute("aria-pressed", "true");
			row("expense", "Shop 39").focus();
			page.keyboard().press("Enter");
			assertThat(row("expense", "Shop 39")).hasAttribute("aria-pressed", "true");
			assertThat(sheet()).isHidden();
		}
		else {
			row("expense", "Shop 40").locator("input[type=checkbox]").check();
			row("expense", "Shop 39").locator("input[type=checkbox]").check();
		}
		Locator bar = expenses.locator(".bulk-bar");
		assertThat(bar.locator(".selected-count")).hasText("2 selected");
		// the list goes on far below; the bar is in view wherever the list is scrolled
		page.evaluate("() => window.scrollBy(0, 600)");
		page.waitForFunction("() => window.scrollY > 500");
		assertBarInView(page, bar);
		row("expense", "Shop 20").scrollIntoViewIfNeeded();
		assertBarInView(page, bar);
		screenshot("bulk-bar");

		button(bar, "Delete selected").click();
		button(bar, "Yes, delete").click();
		assertThat(toast("2 expenses deleted")).isVisible();
		assertThat(rows("expense")).hasCount(38);
		assertThat(bar).isHidden();
		assertThat(list("expense")).hasSize(38);
	}

	private static void assertBarInView(Page page, Locator bar) {
		assertThat(bar).isVisible();
		BoundingBox box = bar.boundingBox();
		int height = page.viewportSize().height;
		assertThat(box.y).as("top of the bulk bar").isGreaterThanOrEqualTo(0);
		assertThat(box.y + box.height).as("bottom of the bulk bar").isLessThanOrEqualTo(height + 0.5);
	}

	@Test
	void theCardsHaveNoAxeViolationsInLightAndDarkMode() {
		expense(this.day2, "Bakery", "Food", "4.5");
		expense(this.day5, "\u05e1\u05d5\u05e4\u05e8", "Groceries", "1234.5");
		create("income",
				"{\"date\":\"" + this.day5 + "\",\"category\":\"Salary\",\"amount\":2000,\"account\":\"Bank\"}");
		for (ColorScheme scheme : new ColorScheme[] { ColorScheme.LIGHT, ColorScheme.DARK }) {
			open("mobile", scheme);
			assertThat(rows("expense")).hasCount(2);
			Axe.assertNoViolations(this.page, "on the cards (" + scheme + ")");
			// select mode: ticked cards and the bulk bar
			button(section("expense"), "Select").click();
			row("expense", "Bakery").tap();
			assertThat(row("expense", "Bakery")).hasAttribute("aria-pressed", "true");
			Axe.assertNoViolations(this.page, "while selecting (" + scheme + ")");
			button(section("expense"), "Cancel").first().click();
			// the edit sheet with its Delete
			row("expense", "Bakery").tap();
			assertThat(button(sheet(), "Delete")).isVisible();
			Axe.assertNoViolations(this.page, "on the edit sheet (" + scheme + ")");
			screenshot("axe-" + scheme.name().toLowerCase(Locale.ROOT));
		}
	}

	/**
	 * A finger on the card, moved {@code distance} px to the left and lifted: real touch
	 * events (Chromium's input pipeline turns them into pointer events).
	 */
	private void swipeLeft(Locator card, double distance) {
		card.scrollIntoViewIfNeeded();
		BoundingBox box = card.boundingBox();
		double x = box.x + (box.width * 0.8);
		double y = box.y + (box.height / 2);
		CDPSession cdp = this.page.context().newCDPSession(this.page);
		try {
			cdp.send("Input.dispatchTouchEvent", touch("touchStart", x, y));
			int steps = 12;
			for (int i = 1; i <= steps; i++) {
				cdp.send("Input.dispatchTouchEvent", touch("touchMove", x - (distance * i / steps), y));
			}
			JsonObject end = new JsonObject();
			end.addProperty("type", "touchEnd");
			end.add("touchPoints", new JsonArray());
			cdp.send("Input.dispatchTouchEvent", end);
		}
		finally {
			cdp.detach();
		}
	}

	private static JsonObject touch(String type, double x, double y) {
		JsonObject point = new JsonObject();
		point.addProperty("x", x);
		point.addProperty("y", y);
		JsonArray points = new JsonArray();
		points.add(point);
		JsonObject event = new JsonObject();
		event.addProperty("type", type);
		event.add("touchPoints", points);
		return event;
	}

}
