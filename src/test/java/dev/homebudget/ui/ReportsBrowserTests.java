package dev.homebudget.ui;

import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Reports a person can read (issue 22): the period picker the table, the totals and the
 * charts follow; each category against its average over the 12 periods before; the
 * 12-month trend with axis values and a bar per month that shows that month; a category
 * that filters the table; every filter applied to the cards and the charts as to the
 * table; the view kept in the address. On a phone (touch) and a desktop (keyboard).
 */
class ReportsBrowserTests extends BrowserTestSupport {

	private final YearMonth now = YearMonth.now();

	/**
	 * This month: Food 100 + 50, Rent 100, a salary of 1,000; each of the 12 months
	 * before: Food 100.
	 */
	private void someMonths() {
		category("expense", "Food", null);
		category("expense", "Rent", null);
		expense(this.now.atDay(2).toString(), "Market", "Food", "100", "ILS");
		expense(this.now.atDay(3).toString(), "Bakery", "Food", "50", "ILS");
		expense(this.now.atDay(1).toString(), "Landlord", "Rent", "100", "ILS");
		create("income", "{\"date\":\"" + this.now.atDay(1)
				+ "\",\"category\":\"Salary\",\"amount\":1000,\"account\":\"Bank\",\"currency\":\"ILS\"}");
		for (int back = 1; back <= 12; back++) {
			expense(this.now.minusMonths(back).atDay(15).toString(), "Market " + back, "Food", "100", "ILS");
		}
	}

	private Locator categoryRow(String name) {
		return this.page.locator("#category-chart .bars > li").filter(new Locator.FilterOptions().setHasText(name));
	}

	/**
	 * month, quarter, year or custom: tapped on a phone, with the arrow keys on a
	 * desktop.
	 */
	private void choosePeriod(String kind, String viewport) {
		Locator radio = this.page.locator("#period-kind-" + kind);
		if (mobile(viewport)) {
			this.page.locator("label[for=\"period-kind-" + kind + "\"]").tap();
		}
		else {
			// a radio group: the arrows move the choice
			Locator checked = this.page.locator("input[name=period-kind]:checked");
			List<String> order = List.of("month", "quarter", "year", "custom");
			int steps = order.indexOf(kind) - order.indexOf(checked.getAttribute("value"));
			checked.focus();
			for (int i = 0; i < Math.abs(steps); i++) {
				this.page.keyboard().press((steps > 0) ? "ArrowRight" : "ArrowLeft");
			}
		}
		assertThat(radio).isChecked();
	}

	private static String monthName(YearMonth month) {
		return month.getMonth().getDisplayName(TextStyle.SHORT, Locale.US) + " " + month.getYear();
	}

	@ParameterizedTest
	@ValueSource(strings = { "desktop", "mobile" })
	void theTotalsAndTheCategoriesFollowThePeriodEachAgainstItsAverage(String viewport) {
		someMonths();
		Page page = open(viewport);
		assertThat(page.locator("#period-name")).hasText(monthName(this.now));
		assertThat(page.locator("#totals-period")).hasText("Totals for " + monthName(this.now));
		assertThat(page.locator("#total-expenses")).hasText("250.00");
		assertThat(page.locator("#total-expenses-currency")).hasText("\u20aa");
		assertThat(categoryRow("Food")).containsText("\u20aa\u00a0150.00");
		assertThat(categoryRow("Food")).containsText("Average of the 12 months before: \u20aa\u00a0100.00, 50% above");
		assertThat(categoryRow("Rent")).containsText("Average of the 12 months before: none");
		screenshot("month");

		choosePeriod("year", viewport);
		int monthsBeforeThisYear = this.now.getMonthValue() - 1;
		String yearSpent = String.format(Locale.US, "%,d.00", 250 + 100 * monthsBeforeThisYear);
		assertThat(page.locator("#period-name")).hasText(String.valueOf(this.now.getYear()));
		assertThat(page.locator("#total-expenses")).hasText(yearSpent);
		assertThat(page).hasURL(Pattern.compile("period=year"));
		// one year began since the first expense: the year before, with Food in its
		// months
		// from 12 months ago
		assertThat(categoryRow("Food")).containsText(
				String.format(Locale.US, "Average of the year before (since the first expense): \u20aa\u00a0%,d.00",
						100 * (12 - monthsBeforeThisYear)));
		assertThat(rows("expense")).hasCount(3 + monthsBeforeThisYear);
		assertThat(section("expense").locator(".empty-hint")).isHidden();
		screenshot("year");
		// a whole period back and forth
		activate(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show the previous period")),
				viewport);
		assertThat(page.locator("#period-name")).hasText(String.valueOf(this.now.getYear() - 1));
		assertThat(page.locator("#total-expenses"))
			.hasText(String.format(Locale.US, "%,d.00", 100 * (12 - monthsBeforeThisYear)));
		activate(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show the next period")),
				viewport);
		assertThat(page.locator("#period-name")).hasText(String.valueOf(this.now.getYear()));
		assertThat(page.locator("#total-expenses")).hasText(yearSpent);

		choosePeriod("quarter", viewport);
		int quarter = (this.now.getMonthValue() - 1) / 3 + 1;
		assertThat(page.locator("#period-name")).hasText("Q" + quarter + " " + this.now.getYear());
		// four quarters began since the first expense (12 months ago); this quarter's own
		// months before this one are not before it
		long foodCents = Math.round((12 - (this.now.getMonthValue() - 1) % 3) * 10000 / 4.0);
		assertThat(categoryRow("Food")).containsText(String.format(Locale.US,
				"Average of the 4 quarters before (since the first expense): \u20aa\u00a0%d.%02d", foodCents / 100,
				foodCents % 100));

		choosePeriod("custom", viewport);
		Locator from = page.locator("#period-custom")
			.getByLabel("From", new Locator.GetByLabelOptions().setExact(true));
		Locator to = page.locator("#period-custom").getByLabel("to", new Locator.GetByLabelOptions().setExact(true));
		from.fill(this.now.atDay(2).toString());
		to.fill(this.now.atDay(3).toString());
		activate(page.locator("#period-custom")
			.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Show")), viewport);
		assertThat(page.locator("#total-expenses")).hasText("150.00");
		assertThat(rows("expense")).hasCount(2);
		assertThat(page)
			.hasURL(Pattern.compile("period=custom&from=" + this.now.atDay(2) + "&to=" + this.now.atDay(3)));
		// the 12 ranges of 2 days before: none of the earlier months' 15ths in them, or
		// some
		assertThat(categoryRow("Food")).containsText("Average of the 12 ranges of this length before:");
		screenshot("custom");

		// a first day after the last one is refused in words
		from.fill(this.now.atDay(3).toString());
		to.fill(this.now.atDay(2).toString());
		activate(page.locator("#period-custom")
			.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Show")), viewport);
		assertThat(page.locator("#period-custom-error")).hasText("Choose a first day on or before the last day.");
		assertThat(page.locator("#total-expenses")).hasText("150.00");
	}

	@ParameterizedTest
	@ValueSource(strings = { "desktop", "mobile" })
	void aCategoryFiltersTheTableTheCardsAndTheChartsAndTheAddressKeepsIt(String viewport) {
		someMonths();
		Page page = open(viewport);
		Locator food = page.getByRole(AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Food: show only this category"));
		activate(food, viewport);
		assertThat(page.locator("#filter-category")).hasValue("Food");
		assertThat(rows("expense")).hasCount(2);
		assertThat(page.locator("#total-expenses")).hasText("150.00");
		assertThat(page.locator("#totals-period"))
			.hasText("Totals for " + monthName(this.now) + ", only entries matching category \u201cFood\u201d");
		assertThat(categoryRow("Rent")).hasCount(0);
		assertThat(page.locator("#trend-chart")).containsText("Expenses matching the filters");
		assertThat(page).hasURL(Pattern.compile("category=Food"));
		screenshot("filtered");

		// a bookmark (any spelling of the category) shows the same view again
		page.navigate("http://127.0.0.1:" + this.port + "/?month=" + this.now + "&period=quarter&category=food");
		assertThat(page.locator("body")).hasAttribute("data-ready", "true");
		assertThat(page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Show a quarter"))).isChecked();
		assertThat(page.locator("#filter-category")).hasValue("food");
		assertThat(rows("expense")).not().hasCount(0);
		// a phone's cards name the category with the business
		rows("expense").all().forEach((row) -> {
			if (mobile(viewport)) {
				assertThat(row.locator(".entry-card-body")).containsText("Food");
			}
			else {
				assertThat(row.locator("td[data-field=category]")).hasText("Food");
			}
		});
		assertThat(page.locator("#totals-period")).containsText("only entries matching category \u201cfood\u201d");
		assertThat(categoryRow("Food")).hasClass(Pattern.compile("active"));

		// the same category again clears the filter
		activate(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Food: show only this category")),
				viewport);
		assertThat(page.locator("#filter-category")).hasValue("");
		assertThat(categoryRow("Rent")).hasCount(1);
		assertThat(page).not().hasURL(Pattern.compile("category="));
	}

	@ParameterizedTest
	@ValueSource(strings = { "desktop", "mobile" })
	void everyFilterAppliesToTheCategoriesAsToTheTableAndTheCards(String viewport) {
		someMonths();
		expense(this.now.atDay(4).toString(), "Corner shop", "Rent", "30", "ILS");
		create("expense", "{\"date\":\"" + this.now.atDay(5)
				+ "\",\"business\":\"Grocer\",\"category\":\"Food\",\"amount\":20,\"account\":\"Card\",\"currency\":\"ILS\"}");
		Page page = open(viewport);
		assertThat(categoryRow("Food")).containsText("\u20aa\u00a0170.00");
		assertThat(categoryRow("Rent")).containsText("\u20aa\u00a0130.00");

		// a text: the businesses "Market ..." (this month's 100, and each month before)
		page.locator("#filter-q").fill("Market");
		page.locator("#filter-q").press("Enter");
		assertThat(rows("expense")).hasCount(1);
		assertThat(page.locator("#total-expenses")).hasText("100.00");
		assertThat(categoryRow("Food")).containsText("\u20aa\u00a0100.00");
		assertThat(categoryRow("Food")).containsText("Average of the 12 months before: \u20aa\u00a0100.00, as usual");
		assertThat(categoryRow("Rent")).hasCount(0);
		assertThat(page.locator("#trend-chart")).containsText("Expenses matching the filters");
		assertThat(page).hasURL(Pattern.compile("q=Market"));
		screenshot("text");

		// an account, kept in the address: a bookmark shows the same bars
		page.navigate("http://127.0.0.1:" + this.port + "/?month=" + this.now + "&account=Card");
		assertThat(page.locator("body")).hasAttribute("data-ready", "true");
		assertThat(page.locator("#filter-account")).hasValue("Card");
		assertThat(rows("expense")).hasCount(1);
		assertThat(page.locator("#total-expenses")).hasText("20.00");
		assertThat(categoryRow("Food")).containsText("\u20aa\u00a020.00");
		assertThat(categoryRow("Food")).containsText("Average of the 12 months before: none");
		assertThat(categoryRow("Rent")).hasCount(0);

		// nothing matches: the chart says so, like the table
		page.locator("#filter-q").fill("no such text");
		page.locator("#filter-q").press("Enter");
		assertThat(rows("expense")).hasCount(0);
		assertThat(page.locator("#category-chart")).containsText("No expenses in this month match the filters.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "desktop", "mobile" })
	void theCsvExportIsTheViewShownWithItsFilters(String viewport) throws java.io.IOException {
		someMonths();
		Page page = open(viewport);
		page.navigate("http://127.0.0.1:" + this.port + "/?month=" + this.now + "&category=Food");
		assertThat(page.locator("body")).hasAttribute("data-ready", "true");
		assertThat(rows("expense")).hasCount(2);
		Locator export = section("expense").getByRole(AriaRole.LINK,
				new Locator.GetByRoleOptions().setName("Export the expenses shown as CSV"));
		assertThat(export).isVisible();
		com.microsoft.playwright.Download download = page.waitForDownload(() -> activate(export, viewport));
		String csv = java.nio.file.Files.readString(download.path());
		// the month's Food expenses, every one of them; not the rent, not another month's
		org.assertj.core.api.Assertions.assertThat(csv)
			.contains("Market", "Bakery")
			.doesNotContain("Landlord", "Market 1");
		org.assertj.core.api.Assertions.assertThat(csv.strip().lines()).hasSize(3);
	}

	@ParameterizedTest
	@ValueSource(strings = { "desktop", "mobile" })
	void theTrendHasAxisValuesAndABarShowsItsMonth(String viewport) {
		someMonths();
		Page page = open(viewport);
		Locator ticks = page.locator("#trend-chart .trend-tick");
		assertThat(ticks.first()).hasText("\u20aa\u00a00");
		assertThat(ticks.last()).containsText("\u20aa\u00a01,");
		YearMonth before = this.now.minusMonths(3);
		Locator bar = page.locator("#trend-chart [data-month=\"" + before + "\"]");
		assertThat(bar).hasAttribute("aria-label",
				Pattern.compile("expenses \u20aa\u00a0100\\.00, incomes \u20aa\u00a00\\.00\\. Show this month$"));
		activate(bar, viewport);
		assertThat(page.locator("#period-name")).hasText(monthName(before));
		assertThat(page.locator("#month")).hasValue(before.toString());
		assertThat(rows("expense")).hasCount(1);
		assertThat(row("expense", "Market 3")).hasCount(1);
		assertThat(page.locator("#trend-chart [data-month=\"" + before + "\"]")).hasAttribute("aria-pressed", "true");
		assertThat(page).hasURL(Pattern.compile("month=" + before));
		screenshot("bar");
	}

	@ParameterizedTest
	@ValueSource(strings = { "desktop", "mobile" })
	void theReportsPassAxeInLightAndDarkMode(String viewport) {
		someMonths();
		for (ColorScheme scheme : new ColorScheme[] { ColorScheme.LIGHT, ColorScheme.DARK }) {
			Page page = open(viewport, scheme);
			assertThat(categoryRow("Food")).containsText("50% above");
			assertThat(page.locator("#trend-chart .trend-tick").first()).isVisible();
			Axe.assertNoViolations(page, "month view with reports (" + scheme + ", " + viewport + ")");
			choosePeriod("year", viewport);
			assertThat(categoryRow("Food")).containsText("Average of the year before");
			choosePeriod("custom", viewport);
			assertThat(page.locator("#period-custom")).isVisible();
			activate(page.getByRole(AriaRole.BUTTON,
					new Page.GetByRoleOptions().setName("Food: show only this category")), viewport);
			assertThat(page.locator("#totals-period")).containsText("only entries matching");
			Axe.assertNoViolations(page, "filtered custom range (" + scheme + ", " + viewport + ")");
			screenshot(scheme.name().toLowerCase(Locale.ROOT));
		}
	}

}
