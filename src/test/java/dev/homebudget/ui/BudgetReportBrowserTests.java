package dev.homebudget.ui;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The budget page's report, budget against actual, on a phone (390x844, by touch) and a
 * desktop (by keyboard): the last 12 periods up to the current one by default, per period
 * and per category over the range, with the currency, an overspent period and category
 * marked in words; on a phone the tables scroll sideways inside the page and nothing is
 * clipped; another range, and a range ending before it starts refused at its field;
 * axe-core finds nothing in light and dark mode.
 */
class BudgetReportBrowserTests extends BrowserTestSupport {

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.US);

	private static final DateTimeFormatter SHORT_MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.US);

	private final YearMonth month = YearMonth.now();

	@BeforeEach
	void noBudget() {
		sql("DELETE FROM budget_settings; DELETE FROM budget_lines; DELETE FROM budget_spent");
	}

	/**
	 * Leaves no expenses behind: a server started next on this database in a JSON phase
	 * (BudgetJsonPhaseBrowserTests) refuses to start when PostgreSQL holds entries its
	 * empty JSON files lack.
	 */
	@AfterEach
	void noExpensesLeft() {
		List<Integer> ids = new ArrayList<>();
		list("expense").forEach((row) -> ids.add(row.get("id").asInt()));
		if (!ids.isEmpty()) {
			api("POST", "/api/v1/expense/bulk-delete", "{\"ids\":" + ids + "}");
		}
	}

	/**
	 * The period before: Groceries 200 assigned, 80 spent. This one: Groceries 10
	 * assigned, Dining 100 assigned and 130 spent (overspent).
	 */
	private void household() {
		int groceries = category("expense", "Groceries", null);
		int dining = category("expense", "Dining", null);
		YearMonth previous = this.month.minusMonths(1);
		expense(previous.atDay(15).toString(), "SuperSal", "Groceries", "80", "ILS");
		expense(this.month.atDay(1).toString(), "Pizza Place", "Dining", "130", "ILS");
		assign(previous, groceries, "{\"assigned\":200}");
		assign(this.month, groceries, "{\"assigned\":10}");
		assign(this.month, dining, "{\"assigned\":100}");
	}

	private Locator dialog() {
		return this.page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Budget").setExact(true));
	}

	private Locator table(String caption) {
		return dialog().getByRole(AriaRole.TABLE,
				new Locator.GetByRoleOptions().setName(Pattern.compile("^" + caption)));
	}

	private static Locator tableRow(Locator table, String head) {
		return table.getByRole(AriaRole.ROW)
			.filter(new Locator.FilterOptions().setHas(table.page()
				.getByRole(AriaRole.ROWHEADER, new Page.GetByRoleOptions().setName(head).setExact(true))));
	}

	private void openReport(String viewport, ColorScheme scheme) {
		Page page = open(viewport, scheme);
		HeaderMenu.open(page);
		Locator open = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Budget").setExact(true));
		if (mobile(viewport)) {
			open.tap();
		}
		else {
			open.click();
		}
		assertThat(dialog().locator("#budget-period-name")).hasText(MONTH.format(this.month));
		Locator report = dialog().getByRole(AriaRole.BUTTON,
				new Locator.GetByRoleOptions().setName("Report").setExact(true));
		activate(report, viewport);
		assertThat(report).hasAttribute("aria-pressed", "true");
		assertThat(
				dialog().getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setName("Budget against actual")))
			.isVisible();
	}

	@ParameterizedTest
	@ValueSource(strings = { "desktop", "mobile" })
	void theReportShowsEachPeriodAndCategoryWithOverspendingInWords(String viewport) {
		household();
		openReport(viewport, ColorScheme.LIGHT);
		YearMonth first = this.month.minusMonths(11);
		String title = SHORT_MONTH.format(first) + " \u2013 " + SHORT_MONTH.format(this.month);
		Locator from = dialog().getByLabel("From");
		Locator to = dialog().getByLabel("To", new Locator.GetByLabelOptions().setExact(true));
		assertThat(from).hasValue(first.toString());
		assertThat(to).hasValue(this.month.toString());
		if (!mobile(viewport)) {
			assertThat(from).isFocused();
		}

		// per period: twelve rows and the total
		Locator periods = table("Per period, " + title);
		assertThat(periods).isVisible();
		assertThat(periods.locator("tbody tr")).hasCount(12);
		assertThat(tableRow(periods, SHORT_MONTH.format(this.month.minusMonths(1))).getByRole(AriaRole.CELL))
			.hasText(new String[] { "\u20aa 200.00", "\u20aa 80.00", "\u20aa 120.00" });
		assertThat(tableRow(periods, SHORT_MONTH.format(this.month)).getByRole(AriaRole.CELL))
			.hasText(new String[] { "\u20aa 110.00", "\u20aa 130.00", "\u20aa -20.00 Overspent" });
		assertThat(tableRow(periods, SHORT_MONTH.format(first)).getByRole(AriaRole.CELL))
			.hasText(new String[] { "\u20aa 0.00", "\u20aa 0.00", "\u20aa 0.00" });
		assertThat(tableRow(periods, "All 12 periods").getByRole(AriaRole.CELL))
			.hasText(new String[] { "\u20aa 310.00", "\u20aa 210.00", "\u20aa 100.00" });
		assertThat(dialog())
			.containsText("Amounts in ILS; difference = assigned \u2212 spent. 1 period of 12 overspent.");

		// per category over the range
		Locator categories = table("Per category, " + title);
		assertThat(tableRow(categories, "Groceries").getByRole(AriaRole.CELL))
			.hasText(new String[] { "\u20aa 210.00", "\u20aa 80.00", "\u20aa 130.00" });
		assertThat(tableRow(categories, "Dining").getByRole(AriaRole.CELL))
			.hasText(new String[] { "\u20aa 100.00", "\u20aa 130.00", "\u20aa -30.00 Overspent" });

		// nothing clipped: the page does not scroll sideways, the table's last column can
		// be
		// scrolled to inside its own region (a phone says so in the caption)
		assertThat((Boolean) dialog().evaluate("(d) => d.scrollWidth <= d.clientWidth")).isTrue();
		Locator lastHead = periods.getByRole(AriaRole.COLUMNHEADER,
				new Locator.GetByRoleOptions().setName("Difference"));
		lastHead.scrollIntoViewIfNeeded();
		assertThat(lastHead).isInViewport();
		if (mobile(viewport)) {
			assertThat(dialog().locator("#budget-report-periods-caption .budget-scroll-hint")).isVisible();
		}
		Axe.assertNoViolations(this.page, "on the budget report (light, " + viewport + ")");
		screenshot("report");

		// two periods
		from.fill(this.month.minusMonths(1).toString());
		if (mobile(viewport)) {
			dialog().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Show")).tap();
		}
		else {
			from.press("Enter");
		}
		String two = SHORT_MONTH.format(this.month.minusMonths(1)) + " \u2013 " + SHORT_MONTH.format(this.month);
		Locator twoPeriods = table("Per period, " + two);
		assertThat(twoPeriods.locator("tbody tr")).hasCount(2);
		assertThat(tableRow(twoPeriods, "All 2 periods").getByRole(AriaRole.CELL))
			.hasText(new String[] { "\u20aa 310.00", "\u20aa 210.00", "\u20aa 100.00" });

		// a range that ends before it starts: said at the field
		from.fill(this.month.plusMonths(1).toString());
		if (mobile(viewport)) {
			dialog().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Show")).tap();
		}
		else {
			from.press("Enter");
		}
		assertThat(dialog().locator("#budget-report-to-error"))
			.hasText("A report spans 1 to 120 periods, from no later than to");
		assertThat(to).hasAttribute("aria-invalid", "true");
		assertThat(to).isFocused();

		// back to the period
		activate(dialog().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Back to the period")),
				viewport);
		assertThat(dialog().locator(".budget-report")).hasCount(0);
		assertThat(dialog().locator("#budget-period-name")).isVisible();
		assertThat(dialog().locator(".budget-row")).hasCount(2);

		// dark mode
		openReport(viewport, ColorScheme.DARK);
		assertThat(table("Per period, " + title).locator("tbody tr")).hasCount(12);
		Axe.assertNoViolations(this.page, "on the budget report (dark, " + viewport + ")");
	}

}
