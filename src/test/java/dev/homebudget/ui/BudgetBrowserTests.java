package dev.homebudget.ui;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The budget page on a phone (390x844, by touch) and a desktop (by keyboard): the current
 * period's figures in the base currency (an entry without a rate said so, never a
 * complete total), assigning an amount inline and seeing available and to-assign follow,
 * a wrong amount refused next to the field, overspending marked in words, moving money
 * (covering an overspending, too much refused), copying the previous period's plan,
 * filling from past spending and with what the targets need, "Why this number?" with the
 * carried chain, switching periods, the period settings, a stale edit (412) shown as it
 * is now, the empty state; axe-core finds nothing in light and dark mode with the page
 * and with the move dialog open.
 */
class BudgetBrowserTests extends BrowserTestSupport {

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.US);

	private static final DateTimeFormatter SHORT_MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.US);

	private final YearMonth month = YearMonth.now();

	private final String today = LocalDate.now().toString();

	private int groceries;

	private int dining;

	private int transport;

	@BeforeEach
	void noBudget() {
		sql("DELETE FROM budget_settings; DELETE FROM budget_lines; DELETE FROM budget_spent");
	}

	/**
	 * Food (a group: Groceries, Dining) and Transport; this period: income 3,000.00,
	 * Groceries 200 assigned and 80 spent, Dining 100 assigned and 130 spent (overspent
	 * by 30), Transport 50 assigned (its target: refill to 100) and 5 EUR spent at 4.00
	 * (20.00), and 10 USD without a rate.
	 */
	private void household() {
		int food = category("expense", "Food", null);
		this.groceries = category("expense", "Groceries", food);
		this.dining = category("expense", "Dining", food);
		this.transport = category("expense", "Transport", null);
		api("POST", "/api/v1/exchange-rates",
				"{\"date\":\"" + this.today + "\",\"currency\":\"EUR\",\"rate\":\"4.00\"}");
		create("income", "{\"date\":\"" + this.today
				+ "\",\"category\":\"Salary\",\"amount\":3000,\"account\":\"Bank\",\"currency\":\"ILS\"}");
		expense(this.today, "SuperSal", "Groceries", "80", "ILS");
		expense(this.today, "Pizza Place", "Dining", "130", "ILS");
		expense(this.today, "Metro", "Transport", "5", "EUR");
		expense(this.today, "Taxi abroad", "Transport", "10", "USD");
		assign(this.month, this.groceries, "{\"assigned\":200}");
		assign(this.month, this.dining, "{\"assigned\":100}");
		assign(this.month, this.transport, "{\"assigned\":50,\"target\":{\"kind\":\"refill\",\"amount\":100}}");
	}

	/** A tap on a phone, a click elsewhere. */
	private static void press(Locator locator, String viewport) {
		if (mobile(viewport)) {
			locator.tap();
		}
		else {
			locator.click();
		}
	}

	/** A checkbox ticked by a tap on a phone, by Space on a desktop. */
	private static void check(Locator checkbox, String viewport) {
		if (mobile(viewport)) {
			checkbox.tap();
		}
		else {
			checkbox.focus();
			checkbox.press("Space");
		}
		assertThat(checkbox).isChecked();
	}

	/** One category's line of a period as the API gives it. */
	private JsonNode line(YearMonth period, int category) {
		for (JsonNode row : api("GET", "/api/v1/budgets/" + period, null).get("categories")) {
			if (row.get("category_id").asInt() == category) {
				return row;
			}
		}
		throw new AssertionError("no line of category " + category + " in " + period);
	}

	private Locator dialog() {
		return this.page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Budget").setExact(true));
	}

	private Locator moveDialog() {
		return this.page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Move money"));
	}

	private Locator button(Locator scope, String name) {
		return scope.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
	}

	private Locator budgetRow(String name) {
		return dialog().locator(".budget-row")
			.filter(new Locator.FilterOptions().setHas(
					this.page.locator(".budget-name").getByText(name, new Locator.GetByTextOptions().setExact(true))));
	}

	private Locator available(String name) {
		return budgetRow(name).locator(".budget-available");
	}

	private Locator assignButton(String name) {
		return budgetRow(name).getByRole(AriaRole.BUTTON,
				new Locator.GetByRoleOptions().setName(Pattern.compile("^Assigned to " + name + ":")));
	}

	private Locator assignInput(String name) {
		return budgetRow(name).getByRole(AriaRole.TEXTBOX,
				new Locator.GetByRoleOptions().setName("Assigned to " + name).setExact(true));
	}

	private Locator figure(String key) {
		return dialog().locator(".budget-figure-" + key + " dd");
	}

	private Locator status() {
		return dialog().locator("#budget-status");
	}

	private Page openBudget(String viewport) {
		return openBudget(viewport, ColorScheme.LIGHT);
	}

	private Page openBudget(String viewport, ColorScheme scheme) {
		Page page = open(viewport, scheme);
		HeaderMenu.open(page);
		press(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Budget").setExact(true)), viewport);
		assertThat(dialog()).isVisible();
		assertThat(dialog().locator("#budget-period-name")).hasText(MONTH.format(this.month));
		return page;
	}

	private static String range(LocalDate start, LocalDate endExclusive) {
		LocalDate end = endExclusive.minusDays(1);
		DateTimeFormatter day = DateTimeFormatter.ofPattern("MMM d", Locale.US);
		DateTimeFormatter dayYear = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);
		return ((start.getYear() == end.getYear()) ? day : dayYear).format(start) + " \u2013 " + dayYear.format(end);
	}

	@ParameterizedTest
	@ValueSource(strings = { "desktop", "mobile" })
	void assigningAnAmountUpdatesAvailableAndToAssignAndOverspendingIsMarked(String viewport) {
		household();
		openBudget(viewport);
		assertThat(dialog().locator("#budget-period-range"))
			.hasText(range(this.month.atDay(1), this.month.plusMonths(1).atDay(1)));

		// the figures in the base currency; the entry without a rate is said, not dropped
		assertThat(dialog()).containsText("Amounts in ILS");
		assertThat(figure("income")).hasText("\u20aa 3,000.00");
		assertThat(figure("assigned")).hasText("\u20aa 350.00");
		assertThat(figure("to-assign")).hasText("\u20aa 2,650.00");
		assertThat(figure("spent")).hasText("\u20aa 230.00 incomplete");
		assertThat(figure("available")).hasText("\u20aa 120.00 incomplete");
		assertThat(dialog().locator(".budget-incomplete"))
			.containsText("1 entry of this period could not be converted into ILS");
		assertThat(budgetRow("Transport")).containsText("1 entry without an exchange rate is not counted in spent.");
		assertThat(available("Transport")).hasText("Available \u20aa 30.00");
		assertThat(budgetRow("Transport").locator(".budget-target")).hasText(
				"Target: refill to \u20aa 100.00 each period; this period needs \u20aa 100.00, \u20aa 50.00 still needed");

		// the group and its rows
		Locator food = dialog().getByRole(AriaRole.REGION, new Locator.GetByRoleOptions().setName("Food"));
		assertThat(food)
			.containsText("\u20aa 300.00 assigned \u00b7 \u20aa 210.00 spent \u00b7 \u20aa 90.00 available");
		assertThat(food.locator(".budget-name")).hasText(new String[] { "Food", "Dining", "Groceries" });

		// overspending: in words and on the bar, not by colour alone
		assertThat(available("Dining")).hasText("Available \u20aa -30.00 Overspent");
		Locator diningBar = budgetRow("Dining").getByRole(AriaRole.PROGRESSBAR);
		assertThat(diningBar).hasAccessibleName("Dining: budget spent");
		assertThat(diningBar).hasAttribute("aria-valuetext",
				"\u20aa\u00a0130.00 spent of \u20aa\u00a0100.00 (130%), overspent");
		assertThat(diningBar).hasAttribute("aria-valuenow", "100");
		assertThat(available("Groceries")).hasText("Available \u20aa 120.00");
		assertThat(budgetRow("Groceries").getByRole(AriaRole.PROGRESSBAR)).hasAttribute("aria-valuenow", "40");
		Axe.assertNoViolations(this.page, "on the budget page (light, " + viewport + ")");

		// a wrong amount: the API's sentence next to the field, the editor stays
		Locator input = assignInput("Groceries");
		activate(assignButton("Groceries"), viewport);
		assertThat(input).isFocused();
		assertThat(input).hasValue("200.00");
		input.fill("lots");
		if (mobile(viewport)) {
			button(budgetRow("Groceries"), "Save").tap();
		}
		else {
			input.press("Enter");
		}
		assertThat(budgetRow("Groceries").locator(".budget-error")).containsText("Enter a number");
		assertThat(input).hasAttribute("aria-invalid", "true");
		assertThat(input).isFocused();

		// cancel (Escape on a desktop, which leaves the page open) changes nothing
		if (mobile(viewport)) {
			button(budgetRow("Groceries"), "Cancel").tap();
		}
		else {
			input.press("Escape");
			assertThat(assignButton("Groceries")).isFocused();
		}
		assertThat(input).hasCount(0);
		assertThat(dialog()).isVisible();
		assertThat(assignButton("Groceries")).hasText("\u20aa 200.00");

		// assign: available, the group and the figures follow
		activate(assignButton("Groceries"), viewport);
		input.fill("250");
		if (mobile(viewport)) {
			button(budgetRow("Groceries"), "Save").tap();
		}
		else {
			input.press("Enter");
		}
		assertThat(status())
			.hasText("Assigned \u20aa 250.00 to \u201cGroceries\u201d in " + MONTH.format(this.month) + ".");
		assertThat(available("Groceries")).hasText("Available \u20aa 170.00");
		assertThat(assignButton("Groceries")).hasText("\u20aa 250.00");
		assertThat(figure("assigned")).hasText("\u20aa 400.00");
		assertThat(figure("to-assign")).hasText("\u20aa 2,600.00");
		assertThat(food).containsText("\u20aa 350.00 assigned");
		if (!mobile(viewport)) {
			assertThat(assignButton("Groceries")).isFocused();
		}
		assertThat(line(this.month, this.groceries).get("assigned").decimalValue()).isEqualByComparingTo("250.00");

		// assigning the overspending away
		activate(assignButton("Dining"), viewport);
		assignInput("Dining").fill("130.00");
		if (mobile(viewport)) {
			button(budgetRow("Dining"), "Save").tap();
		}
		else {
			assignInput("Dining").press("Enter");
		}
		assertThat(available("Dining")).hasText("Available \u20aa 0.00");
		assertThat(budgetRow("Dining").getByRole(AriaRole.PROGRESSBAR)).hasAttribute("aria-valuetext",
				"\u20aa\u00a0130.00 spent of \u20aa\u00a0130.00 (100%)");
		screenshot("assigned");

		// what the targets need, after a confirmation
		activate(button(dialog(), "Fill targets"), viewport);
		Locator confirm = dialog().locator(".budget-confirm");
		assertThat(confirm).containsText("Assign \u201cTransport\u201d what its target needs in "
				+ MONTH.format(this.month) + " (\u20aa 50.00 more in all)?");
		activate(button(confirm, "Assign"), viewport);
		assertThat(status()).hasText("Assigned \u201cTransport\u201d what its target needs.");
		assertThat(assignButton("Transport")).hasText("\u20aa 100.00");
		assertThat(budgetRow("Transport").locator(".budget-target"))
			.hasText("Target: refill to \u20aa 100.00 each period; this period needs \u20aa 100.00, on track");
		assertThat(button(dialog(), "Fill targets")).hasCount(0);
	}

	@ParameterizedTest
	@ValueSource(strings = { "desktop", "mobile" })
	void moneyMovesBetweenTwoCategoriesAndAxeFindsNothingInLightAndDarkMode(String viewport) {
		household();
		openBudget(viewport);

		// cover the overspending: the dialog comes with the overspent category and amount
		activate(button(budgetRow("Dining"), "Cover overspending of Dining"), viewport);
		assertThat(moveDialog()).isVisible();
		Locator from = moveDialog().getByLabel("From");
		Locator to = moveDialog().getByLabel("To", new Locator.GetByLabelOptions().setExact(true));
		Locator amount = moveDialog().getByLabel("Amount");
		assertThat(from).isFocused();
		assertThat(to.locator("option:checked")).hasText("Dining (\u20aa 100.00 assigned)");
		assertThat(from.locator("option:checked")).hasText("Groceries (\u20aa 200.00 assigned)");
		assertThat(amount).hasValue("30.00");
		Axe.assertNoViolations(this.page, "with the move dialog open (light, " + viewport + ")");

		// more than the category has: the API's sentence at the amount
		amount.fill("500");
		if (mobile(viewport)) {
			button(moveDialog(), "Move").tap();
		}
		else {
			amount.press("Enter");
		}
		assertThat(moveDialog().locator("#budget-move-amount-error"))
			.hasText("The category moved from has only 200.00 assigned in " + this.month);
		assertThat(amount).isFocused();
		amount.fill("30");
		if (mobile(viewport)) {
			button(moveDialog(), "Move").tap();
		}
		else {
			amount.press("Enter");
		}
		assertThat(moveDialog()).isHidden();
		assertThat(status()).hasText("Moved \u20aa 30.00 from \u201cGroceries\u201d to \u201cDining\u201d.");
		assertThat(available("Dining")).hasText("Available \u20aa 0.00");
		assertThat(budgetRow("Dining")).not().containsText("Overspent");
		assertThat(budgetRow("Dining").getByRole(AriaRole.BUTTON,
				new Locator.GetByRoleOptions().setName(Pattern.compile("Cover overspending"))))
			.hasCount(0);
		assertThat(available("Groceries")).hasText("Available \u20aa 90.00");
		assertThat(figure("assigned")).hasText("\u20aa 350.00");

		// from the page's button, two other categories; Cancel (Escape) moves nothing
		activate(button(dialog(), "Move money"), viewport);
		assertThat(moveDialog()).isVisible();
		if (mobile(viewport)) {
			button(moveDialog(), "Cancel").tap();
		}
		else {
			this.page.keyboard().press("Escape");
		}
		assertThat(moveDialog()).isHidden();
		assertThat(dialog()).isVisible();
		activate(button(dialog(), "Move money"), viewport);
		assertThat(from.locator("option:checked")).hasText("Groceries (\u20aa 170.00 assigned)");
		from.selectOption(String.valueOf(this.groceries));
		to.selectOption(String.valueOf(this.transport));
		assertThat(to.locator("option:checked")).hasText("Transport (\u20aa 50.00 assigned)");
		amount.fill("25.50");
		if (mobile(viewport)) {
			button(moveDialog(), "Move").tap();
		}
		else {
			amount.press("Enter");
		}
		assertThat(status()).hasText("Moved \u20aa 25.50 from \u201cGroceries\u201d to \u201cTransport\u201d.");
		assertThat(available("Transport")).hasText("Available \u20aa 55.50");
		assertThat(available("Groceries")).hasText("Available \u20aa 64.50");
		JsonNode period = api("GET", "/api/v1/budgets/" + this.month, null);
		assertThat(period.get("assigned").decimalValue()).isEqualByComparingTo("350.00");
		screenshot("moved");

		// dark mode: the page, then the move dialog
		openBudget(viewport, ColorScheme.DARK);
		assertThat(available("Transport")).hasText("Available \u20aa 55.50");
		Axe.assertNoViolations(this.page, "on the budget page (dark, " + viewport + ")");
		activate(button(dialog(), "Move money"), viewport);
		assertThat(moveDialog()).isVisible();
		Axe.assertNoViolations(this.page, "with the move dialog open (dark, " + viewport + ")");
	}

	@ParameterizedTest
	@ValueSource(strings = { "desktop", "mobile" })
	void copyFillExplainAndSwitchPeriods(String viewport) {
		int food = category("expense", "Food", null);
		this.groceries = category("expense", "Groceries", food);
		this.dining = category("expense", "Dining", food);
		YearMonth previous = this.month.minusMonths(1);
		String before = previous.atDay(15).toString();
		expense(before, "SuperSal", "Groceries", "150", "ILS");
		expense(before, "Pizza Place", "Dining", "40", "ILS");
		assign(previous, this.groceries, "{\"assigned\":120,\"carry\":\"both\"}");
		assign(previous, this.dining, "{\"assigned\":90}");
		assign(this.month, this.groceries, "{\"assigned\":5}");
		openBudget(viewport);

		// the carried overspending: available below what was assigned, and why
		assertThat(budgetRow("Groceries").locator(".budget-carried")).hasText("\u2212\u20aa 30.00 carried");
		assertThat(available("Groceries")).hasText("Available \u20aa -25.00 Overspent");
		Locator why = button(budgetRow("Groceries"), "Why this number? (Groceries)");
		activate(why, viewport);
		assertThat(why).hasAttribute("aria-expanded", "true");
		Locator chain = budgetRow("Groceries").getByRole(AriaRole.LIST,
				new Locator.GetByRoleOptions().setName("How Groceries\u2019s available amount came about"));
		assertThat(chain.getByRole(AriaRole.LISTITEM)).hasText(new String[] {
				SHORT_MONTH.format(previous)
						+ ": \u20aa 120.00 assigned \u2212 \u20aa 150.00 spent = \u20aa -30.00 available; "
						+ "\u20aa -30.00 carried on (what is left or overspent carries over)",
				SHORT_MONTH.format(this.month)
						+ ": \u20aa -30.00 carried in + \u20aa 5.00 assigned \u2212 \u20aa 0.00 spent "
						+ "= \u20aa -25.00 available" });
		Axe.assertNoViolations(this.page, "with an explanation open (" + viewport + ")");
		activate(why, viewport);
		assertThat(chain).hasCount(0);
		assertThat(why).hasAttribute("aria-expanded", "false");

		// copy the previous period's plan: first only where this one has nothing
		String previousName = MONTH.format(previous);
		Locator copy = button(dialog(), "Copy from " + previousName);
		activate(copy, viewport);
		Locator confirm = dialog().locator(".budget-confirm");
		assertThat(confirm)
			.containsText("Copy the amounts assigned in " + previousName + " into " + MONTH.format(this.month) + "?");
		if (mobile(viewport)) {
			button(confirm, "Copy").tap();
		}
		else {
			assertThat(button(confirm, "Copy")).isFocused();
			this.page.keyboard().press("Enter");
		}
		assertThat(status()).hasText("Copied 1 amount from " + previousName + ".");
		assertThat(assignButton("Dining")).hasText("\u20aa 90.00");
		assertThat(assignButton("Groceries")).hasText("\u20aa 5.00");
		if (!mobile(viewport)) {
			assertThat(copy).isFocused();
		}

		// then replacing what it has, after saying so; Cancel (Escape) first
		activate(copy, viewport);
		if (mobile(viewport)) {
			button(confirm, "Cancel").tap();
		}
		else {
			this.page.keyboard().press("Escape");
			assertThat(copy).isFocused();
		}
		assertThat(confirm).hasCount(0);
		assertThat(dialog()).isVisible();
		activate(copy, viewport);
		Locator replace = confirm.getByLabel("Also replace the amounts " + MONTH.format(this.month) + " already has");
		check(replace, viewport);
		activate(button(confirm, "Copy"), viewport);
		assertThat(status()).hasText("Copied 2 amounts from " + previousName + ".");
		assertThat(assignButton("Groceries")).hasText("\u20aa 120.00");
		assertThat(available("Groceries")).hasText("Available \u20aa 90.00");

		// fill from what the period before spent, replacing
		activate(button(dialog(), "Fill from spending"), viewport);
		confirm.getByLabel("Periods to average over").selectOption("1");
		check(replace, viewport);
		activate(button(confirm, "Fill"), viewport);
		assertThat(status()).hasText("Assigned 2 categories the average they spent.");
		assertThat(assignButton("Groceries")).hasText("\u20aa 150.00");
		assertThat(assignButton("Dining")).hasText("\u20aa 40.00");

		// the period before, and back
		activate(dialog().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Previous period")),
				viewport);
		assertThat(dialog().locator("#budget-period-name")).hasText(previousName);
		assertThat(dialog().locator("#budget-period-range")).hasText(range(previous.atDay(1), this.month.atDay(1)));
		assertThat(available("Groceries")).hasText("Available \u20aa -30.00 Overspent");
		assertThat(figure("spent")).hasText("\u20aa 190.00");
		assertThat(button(dialog(), "Copy from " + MONTH.format(previous.minusMonths(1)))).isVisible();
		activate(dialog().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Next period")), viewport);
		assertThat(dialog().locator("#budget-period-name")).hasText(MONTH.format(this.month));
		assertThat(assignButton("Groceries")).hasText("\u20aa 150.00");
		screenshot("copied");
	}

	@ParameterizedTest
	@ValueSource(strings = { "desktop", "mobile" })
	void thePeriodSettingsMoveThePeriodsStart(String viewport) {
		household();
		openBudget(viewport);
		Locator toggle = button(dialog(), "Period settings");
		activate(toggle, viewport);
		assertThat(toggle).hasAttribute("aria-expanded", "true");
		Locator day = dialog().getByLabel("Periods start on day");
		Locator rule = dialog().getByLabel("A start on a weekend");
		assertThat(day).hasValue("1");
		assertThat(rule).hasValue("none");
		Axe.assertNoViolations(this.page, "with the period settings open (" + viewport + ")");

		// a day no month has everywhere: the sentence next to the field
		day.fill("30");
		activate(button(dialog(), "Save settings"), viewport);
		assertThat(dialog().locator("#budget-settings-start_day-error"))
			.hasText("The start day is 1 to 28 (every month has those days)");
		assertThat(day).hasAttribute("aria-invalid", "true");

		day.fill("10");
		rule.selectOption(new SelectOption().setLabel("Moves to the Friday before"));
		if (mobile(viewport)) {
			button(dialog(), "Save settings").tap();
		}
		else {
			day.press("Enter");
		}
		assertThat(status()).hasText("Periods now start on day 10, or the Friday before when that is a weekend.");
		assertThat(dialog().locator("#budget-settings")).hasCount(0);
		assertThat(dialog().locator("#budget-period-range"))
			.hasText(range(payday(this.month), payday(this.month.plusMonths(1))));
		JsonNode settings = api("GET", "/api/v1/budgets/settings", null);
		assertThat(settings.get("start_day").asInt()).isEqualTo(10);
		assertThat(settings.get("weekend_rule").asString()).isEqualTo("friday_before");
	}

	/** The 10th of the month, or the Friday before when it is a weekend. */
	private static LocalDate payday(YearMonth month) {
		LocalDate day = month.atDay(10);
		while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
			day = day.minusDays(1);
		}
		return day;
	}

	@ParameterizedTest
	@ValueSource(strings = { "desktop", "mobile" })
	void aStaleEditIsRefusedAndTheRowShownAsItIsNow(String viewport) {
		household();
		openBudget(viewport);
		activate(assignButton("Groceries"), viewport);
		Locator input = assignInput("Groceries");
		assertThat(input).hasValue("200.00");
		// someone else changes the line meanwhile
		assign(this.month, this.groceries, "{\"assigned\":111}");
		input.fill("260");
		if (mobile(viewport)) {
			button(budgetRow("Groceries"), "Save").tap();
		}
		else {
			input.press("Enter");
		}
		assertThat(dialog().locator("#budget-message")).hasText("Someone changed \u201cGroceries\u201d in "
				+ MONTH.format(this.month)
				+ " meanwhile: the budget now shows it as it is. Enter your amount again if it should still change.");
		assertThat(assignButton("Groceries")).hasText("\u20aa 111.00");
		assertThat(available("Groceries")).hasText("Available \u20aa 31.00");
		if (!mobile(viewport)) {
			assertThat(assignButton("Groceries")).isFocused();
		}
		// again, on the line as it is now
		activate(assignButton("Groceries"), viewport);
		input.fill("260");
		if (mobile(viewport)) {
			button(budgetRow("Groceries"), "Save").tap();
		}
		else {
			input.press("Enter");
		}
		assertThat(available("Groceries")).hasText("Available \u20aa 180.00");
		assertThat(dialog().locator("#budget-message")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "desktop", "mobile" })
	void withoutExpenseCategoriesThePageLeadsToTheCategoriesPage(String viewport) {
		openBudget(viewport);
		assertThat(dialog().locator(".budget-empty")).hasText(Pattern.compile("^No expense categories yet\\."));
		assertThat(button(dialog(), "Move money")).hasCount(0);
		Axe.assertNoViolations(this.page, "on the empty budget page (" + viewport + ")");
		activate(button(dialog(), "Categories page"), viewport);
		assertThat(dialog()).isHidden();
		assertThat(this.page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Categories"))).isVisible();
	}

	@ParameterizedTest
	@ValueSource(strings = { "desktop", "mobile" })
	void nextPeriodShowsWhatIsAvailableAfterTheScheduledBills(String viewport) {
		household();
		YearMonth next = this.month.plusMonths(1);
		assign(next, this.groceries, "{\"assigned\":200}");
		try {
			api("POST", "/api/v1/schedules", "{\"kind\": \"expense\", \"template\": {\"business\": \"Box\","
					+ " \"category\": \"Groceries\", \"amount\": \"120.00\", \"account\": \"Bank\","
					+ " \"currency\": \"ILS\", \"notes\": null}, \"rrule\": \"FREQ=MONTHLY\", \"start\": \""
					+ next.atDay(3) + "\", \"end\": null, \"count\": null, \"weekend\": \"keep\", \"mode\": \"auto\"}");
			openBudget(viewport);
			activate(dialog().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Next period")),
					viewport);
			assertThat(dialog().locator("#budget-period-name")).hasText(MONTH.format(next));
			assertThat(budgetRow("Groceries").locator(".budget-scheduled")).hasText("Scheduled \u20aa 120.00");
			assertThat(budgetRow("Groceries").locator(".budget-after-scheduled"))
				.hasText("After scheduled \u20aa 80.00");
			assertThat(figure("after-scheduled")).containsText("\u20aa");
			assertThat(budgetRow("Dining").locator(".budget-scheduled")).hasCount(0);
			Axe.assertNoViolations(this.page, "with scheduled bills in the budget (" + viewport + ")");
		}
		finally {
			sql("DELETE FROM schedule_occurrences; DELETE FROM schedules");
		}
	}

}
