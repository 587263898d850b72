package dev.homebudget.ui;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The month view's category chart against the budget, on a phone (390x844, by touch) and
 * a desktop (by keyboard): under each budgeted category's bar what the budget period
 * spent (converted into the base currency) of its budget (carried in + assigned), in
 * words; an overspent category says "Over budget" and by how much; an entry without a
 * rate makes the comparison incomplete and it says so; a budgeted category without
 * expenses is listed below the bars; another month shows its own budget; what the Budget
 * page changes shows once it is closed; a budget period that is not the calendar month
 * (payday) is named by its dates and compares its own spending; without a budget the
 * chart is as it was; axe-core finds nothing in light and dark mode with the comparison
 * shown.
 */
class MonthBudgetChartBrowserTests extends BrowserTestSupport {

	private final YearMonth month = YearMonth.now();

	private final String today = LocalDate.now().toString();

	@BeforeEach
	@AfterEach
	void noBudget() {
		sql("DELETE FROM budget_settings; DELETE FROM budget_lines; DELETE FROM budget_spent");
	}

	/**
	 * Groceries (50 assigned last month and nothing spent, what is left carries over; 200
	 * assigned now, 80 spent), Dining (100 assigned, 115 spent), Transport (50 assigned,
	 * 5 EUR at 4.00 and 10 USD without a rate), Gifts (40 assigned, nothing spent) and
	 * Books (12 spent, no budget).
	 */
	private void household() {
		int groceries = category("expense", "Groceries", null);
		int dining = category("expense", "Dining", null);
		int transport = category("expense", "Transport", null);
		int gifts = category("expense", "Gifts", null);
		category("expense", "Books", null);
		api("POST", "/api/v1/exchange-rates",
				"{\"date\":\"" + this.today + "\",\"currency\":\"EUR\",\"rate\":\"4.00\"}");
		expense(this.today, "SuperSal", "Groceries", "80", "ILS");
		expense(this.today, "Pizza Place", "Dining", "115", "ILS");
		expense(this.today, "Metro", "Transport", "5", "EUR");
		expense(this.today, "Taxi abroad", "Transport", "10", "USD");
		expense(this.today, "Bookshop", "Books", "12", "ILS");
		assign(this.month.minusMonths(1), groceries, "{\"assigned\":50,\"carry\":\"surplus\"}");
		assign(this.month, groceries, "{\"assigned\":200}");
		assign(this.month, dining, "{\"assigned\":100}");
		assign(this.month, transport, "{\"assigned\":50}");
		assign(this.month, gifts, "{\"assigned\":40}");
	}

	private Locator chart() {
		return this.page.locator("#category-chart");
	}

	/** A category's line of the chart (its bar, or its line under "Also budgeted"). */
	private Locator bar(String name) {
		return chart().locator(".bars > li")
			.filter(new Locator.FilterOptions().setHas(
					this.page.locator(".bar-label").getByText(name, new Locator.GetByTextOptions().setExact(true))));
	}

	private Locator budget(String name) {
		return bar(name).locator(".chart-budget");
	}

	private Locator dialog() {
		return this.page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Budget").setExact(true));
	}

	private static String range(LocalDate start, LocalDate end) {
		DateTimeFormatter day = DateTimeFormatter.ofPattern("MMM d", Locale.US);
		DateTimeFormatter dayYear = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);
		return ((start.getYear() == end.getYear()) ? day : dayYear).format(start) + " \u2013 " + dayYear.format(end);
	}

	@ParameterizedTest
	@ValueSource(strings = { "desktop", "mobile" })
	void theCategoryChartShowsSpentAgainstTheBudgetAndMarksOverspendingInWords(String viewport) {
		household();
		open(viewport);

		// spent of carried in + assigned, what is left, in the base currency
		assertThat(budget("Groceries")).hasText("\u20aa 80.00 of \u20aa 250.00, \u20aa 170.00 left");
		assertThat(budget("Transport"))
			.hasText("\u20aa 20.00 of \u20aa 50.00, \u20aa 30.00 left (incomplete: 1 entry has no rate)");
		// the chart's own figures stay as they were: each currency's sum
		assertThat(bar("Transport").locator(".bar-currencies")).containsText("\u20ac 5.00");

		// overspent: the amount over and a word, not colour alone
		assertThat(budget("Dining")).hasText("\u20aa 115.00 of \u20aa 100.00, over by \u20aa 15.00 Over budget");
		assertThat(chart().getByText("Over budget", new Locator.GetByTextOptions().setExact(true))).hasCount(1);
		assertThat(bar("Dining").locator(".chart-budget-over")).hasCount(1);
		assertThat(chart().locator(".chart-budget-over")).hasCount(1);

		// spending without a budget; a budget without spending
		assertThat(budget("Books")).hasText("No budget");
		Locator others = chart().getByRole(AriaRole.LIST, new Locator.GetByRoleOptions().setName("Also budgeted"));
		assertThat(others.locator(".bar-label")).hasText(new String[] { "Gifts" });
		assertThat(budget("Gifts")).hasText("\u20aa 0.00 of \u20aa 40.00, \u20aa 40.00 left");

		// what the comparison is and that it is incomplete
		assertThat(chart().locator(".chart-budget-note").first())
			.hasText("Thin bars: spent against this month\u2019s budget (carried in + assigned), in ILS.");
		assertThat(chart().locator(".chart-budget-incomplete"))
			.hasText("Incomplete: 1 entry has no rate, so it is not counted in spent.");
		screenshot("chart");
		Axe.assertNoViolations(this.page, "with the budget in the category chart (light, " + viewport + ")");

		// the month before: no expenses, its own budget
		activate(this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Previous month")), viewport);
		assertThat(chart()).containsText("No expenses in this month.");
		assertThat(budget("Groceries")).hasText("\u20aa 0.00 of \u20aa 50.00, \u20aa 50.00 left");
		assertThat(chart().locator(".chart-budget")).hasCount(1);
		assertThat(chart().locator(".chart-budget-incomplete")).hasCount(0);
		activate(this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next month")), viewport);
		assertThat(budget("Dining")).containsText("over by \u20aa 15.00");

		// covering the overspending on the Budget page shows once it is closed
		HeaderMenu.open(this.page);
		activate(this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Budget").setExact(true)),
				viewport);
		assertThat(dialog()).isVisible();
		Locator assigned = dialog().getByRole(AriaRole.BUTTON,
				new Locator.GetByRoleOptions().setName(Pattern.compile("^Assigned to Dining:")));
		activate(assigned, viewport);
		Locator input = dialog().getByRole(AriaRole.TEXTBOX,
				new Locator.GetByRoleOptions().setName("Assigned to Dining").setExact(true));
		input.fill("150");
		if (mobile(viewport)) {
			dialog().locator(".budget-row")
				.filter(new Locator.FilterOptions().setHas(this.page.locator(".budget-name")
					.getByText("Dining", new Locator.GetByTextOptions().setExact(true))))
				.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save").setExact(true))
				.tap();
		}
		else {
			input.press("Enter");
		}
		assertThat(assigned).hasText("\u20aa 150.00");
		if (mobile(viewport)) {
			dialog().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close").setExact(true)).tap();
		}
		else {
			this.page.keyboard().press("Escape");
		}
		assertThat(dialog()).isHidden();
		assertThat(budget("Dining")).hasText("\u20aa 115.00 of \u20aa 150.00, \u20aa 35.00 left");
		assertThat(chart().getByText("Over budget")).hasCount(0);
		assertThat(chart().locator(".chart-budget-over")).hasCount(0);
	}

	@ParameterizedTest
	@ValueSource(strings = { "desktop", "mobile" })
	void axeFindsNothingInDarkModeWithTheBudgetInTheChart(String viewport) {
		household();
		open(viewport, ColorScheme.DARK);
		assertThat(budget("Dining")).containsText("Over budget");
		assertThat(chart().locator(".chart-budget-incomplete")).isVisible();
		assertThat(budget("Gifts")).isVisible();
		screenshot("dark");
		Axe.assertNoViolations(this.page, "with the budget in the category chart (dark, " + viewport + ")");
	}

	/**
	 * Periods start on the 10th: the month's period runs from the 10th to the 9th of the
	 * next month, so the chart's calendar month (Groceries 30 + 70) and the period (70 +
	 * 25) differ; the comparison is the period's, named by its dates.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "desktop", "mobile" })
	void aPaydayPeriodIsNamedByItsDatesAndComparesItsOwnSpending(String viewport) {
		api("PUT", "/api/v1/budgets/settings", "{\"start_day\":10,\"weekend_rule\":\"none\"}");
		int groceries = category("expense", "Groceries", null);
		expense(this.month.atDay(3).toString(), "Before payday", "Groceries", "30", "ILS");
		expense(this.month.atDay(15).toString(), "After payday", "Groceries", "70", "ILS");
		expense(this.month.plusMonths(1).atDay(5).toString(), "Next month", "Groceries", "25", "ILS");
		assign(this.month, groceries, "{\"assigned\":80}");
		open(viewport);

		assertThat(bar("Groceries").locator(".bar-value")).hasText("\u20aa 100.00");
		assertThat(budget("Groceries")).hasText("\u20aa 95.00 of \u20aa 80.00, over by \u20aa 15.00 Over budget");
		assertThat(chart().locator(".chart-budget-note")).hasText("Thin bars: spent against the budget of the period "
				+ range(this.month.atDay(10), this.month.plusMonths(1).atDay(9)) + " (carried in + assigned), in ILS.");
	}

	@Test
	void withoutABudgetTheChartStaysAsItWas() {
		category("expense", "Groceries", null);
		expense(this.today, "SuperSal", "Groceries", "80", "ILS");
		open("desktop");
		assertThat(bar("Groceries").locator(".bar-value")).hasText("\u20aa 80.00");
		assertThat(chart().locator(".bars > li")).hasCount(1);
		// the budget's answer (nothing assigned) has come and added nothing
		assertThat(chart()).hasAttribute("data-budget-for", this.month.toString());
		assertThat(chart()).hasAttribute("data-budget", "none");
		assertThat(chart().locator(".chart-budget, .chart-budget-extra, .chart-budget-note")).hasCount(0);
	}

}
