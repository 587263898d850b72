package dev.homebudget.ui;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A category's rules on the budget page, on a phone (390x844, by touch, the form a bottom
 * sheet) and a desktop (by keyboard: the carry mode with the arrow keys, Tab to the next
 * field, Enter saves, Escape closes and focus goes back to the row's "Rules…"): what is
 * left carrying over with a cap (the next period's carried amount follows), a "save by"
 * target and what it needs, wrong values refused next to their fields (the cap and the
 * target's amount at once), a line changed meanwhile (412) shown as it is now; axe-core
 * finds nothing with the form open in light and dark mode.
 */
class BudgetRulesBrowserTests extends BrowserTestSupport {

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.US);

	private static final DateTimeFormatter DAY_YEAR = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);

	private final YearMonth month = YearMonth.now();

	private int groceries;

	private int dining;

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
	 * Groceries and Dining; the period before this one: Groceries 200 assigned and 80
	 * spent, Dining 100 assigned and nothing spent; nothing carries yet.
	 */
	private void household() {
		this.groceries = category("expense", "Groceries", null);
		this.dining = category("expense", "Dining", null);
		YearMonth previous = this.month.minusMonths(1);
		expense(previous.atDay(15).toString(), "SuperSal", "Groceries", "80", "ILS");
		assign(previous, this.groceries, "{\"assigned\":200}");
		assign(previous, this.dining, "{\"assigned\":100}");
	}

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

	private Locator rulesDialog(String name) {
		return this.page.getByRole(AriaRole.DIALOG,
				new Page.GetByRoleOptions().setName("Rules of \u201c" + name + "\u201d").setExact(true));
	}

	private static Locator button(Locator scope, String name) {
		return scope.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
	}

	private Locator budgetRow(String name) {
		return dialog().locator(".budget-row")
			.filter(new Locator.FilterOptions().setHas(
					this.page.locator(".budget-name").getByText(name, new Locator.GetByTextOptions().setExact(true))));
	}

	private Locator rulesButton(String name) {
		return button(budgetRow(name), "Rules\u2026 (" + name + ")");
	}

	private Locator status() {
		return dialog().locator("#budget-status");
	}

	private void openBudget(String viewport, ColorScheme scheme) {
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
	}

	/** Saves the form: a tap on Save on a phone, Enter in a field on a desktop. */
	private static void save(Locator form, Locator field, String viewport) {
		if (mobile(viewport)) {
			button(form, "Save rules").tap();
		}
		else {
			field.press("Enter");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "desktop", "mobile" })
	void whatIsLeftCarriesWithACapAndASaveByTargetSaysWhatItNeeds(String viewport) {
		household();
		YearMonth previous = this.month.minusMonths(1);
		openBudget(viewport, ColorScheme.LIGHT);
		activate(dialog().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Previous period")),
				viewport);
		assertThat(dialog().locator("#budget-period-name")).hasText(MONTH.format(previous));
		assertThat(budgetRow("Groceries").locator(".budget-rules-text")).hasCount(0);

		// carry what is left, at most 50.00, from the period before on
		activate(rulesButton("Groceries"), viewport);
		Locator form = rulesDialog("Groceries");
		assertThat(form).isVisible();
		assertThat(form).containsText("These rules hold from " + MONTH.format(previous) + " on");
		Locator none = form.getByLabel("Nothing carries over (a limit that resets)");
		Locator surplus = form.getByLabel("What is left carries over", new Locator.GetByLabelOptions().setExact(true));
		Locator cap = form.getByLabel("Carry at most");
		assertThat(none).isChecked();
		Axe.assertNoViolations(this.page, "with the rules form open (light, " + viewport + ")");
		screenshot("rules-form");
		if (mobile(viewport)) {
			surplus.tap();
			cap.tap();
		}
		else {
			assertThat(none).isFocused();
			this.page.keyboard().press("ArrowDown");
			assertThat(surplus).isFocused();
			this.page.keyboard().press("Tab");
			assertThat(cap).isFocused();
		}
		assertThat(surplus).isChecked();
		cap.fill("50");
		save(form, cap, viewport);
		assertThat(form).isHidden();
		assertThat(status())
			.hasText("Saved the rules of \u201cGroceries\u201d from " + MONTH.format(previous) + " on.");
		assertThat(budgetRow("Groceries").locator(".budget-rules-text"))
			.hasText("Rules: What is left carries over, at most \u20aa 50.00");
		if (!mobile(viewport)) {
			assertThat(rulesButton("Groceries")).isFocused();
		}
		JsonNode saved = line(previous, this.groceries);
		assertThat(saved.get("carry").asString()).isEqualTo("surplus");
		assertThat(saved.get("carry_cap").decimalValue()).isEqualByComparingTo("50.00");
		assertThat(saved.get("assigned").decimalValue()).isEqualByComparingTo("200.00");

		// this period: 120.00 was left, 50.00 of it carried in
		activate(dialog().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Next period")), viewport);
		assertThat(dialog().locator("#budget-period-name")).hasText(MONTH.format(this.month));
		assertThat(budgetRow("Groceries").locator(".budget-carried")).hasText("+\u20aa 50.00 carried");
		assertThat(budgetRow("Groceries").locator(".budget-available")).hasText("Available \u20aa 50.00");
		assertThat(budgetRow("Dining").locator(".budget-carried")).hasCount(0);

		// Cancel (Escape) changes nothing and goes back to the row's button
		activate(rulesButton("Dining"), viewport);
		Locator diningForm = rulesDialog("Dining");
		assertThat(diningForm).isVisible();
		if (mobile(viewport)) {
			button(diningForm, "Cancel").tap();
		}
		else {
			this.page.keyboard().press("Escape");
			assertThat(rulesButton("Dining")).isFocused();
		}
		assertThat(diningForm).isHidden();
		assertThat(dialog()).isVisible();

		// save 1,200.00 by the end of the period five months on
		LocalDate by = this.month.plusMonths(5).atEndOfMonth();
		activate(rulesButton("Dining"), viewport);
		assertThat(diningForm.getByLabel("Target amount")).isHidden();
		Locator kind = diningForm.getByLabel("Target", new Locator.GetByLabelOptions().setExact(true));
		kind.selectOption(new SelectOption().setLabel("Save an amount by a date"));
		Locator targetAmount = diningForm.getByLabel("Target amount");
		Locator date = diningForm.getByLabel("By", new Locator.GetByLabelOptions().setExact(true));
		targetAmount.fill("1200");
		date.fill(by.toString());
		save(diningForm, targetAmount, viewport);
		assertThat(diningForm).isHidden();
		assertThat(status()).hasText("Saved the rules of \u201cDining\u201d from " + MONTH.format(this.month) + " on.");
		JsonNode target = line(this.month, this.dining).get("target");
		assertThat(target.get("kind").asString()).isEqualTo("save_by");
		assertThat(target.get("date").asString()).isEqualTo(by.toString());
		String need = String.format(Locale.US, "%,.2f", target.get("need").decimalValue());
		assertThat(budgetRow("Dining").locator(".budget-target")).hasText("Target: save \u20aa 1,200.00 by "
				+ DAY_YEAR.format(by) + "; this period needs \u20aa " + need + ", \u20aa " + need + " still needed");
		screenshot("rules");

		// dark mode, the form of a category with a target
		openBudget(viewport, ColorScheme.DARK);
		activate(rulesButton("Dining"), viewport);
		Locator darkForm = rulesDialog("Dining");
		assertThat(darkForm.getByLabel("Target amount")).hasValue("1200.00");
		assertThat(darkForm.getByLabel("By", new Locator.GetByLabelOptions().setExact(true))).hasValue(by.toString());
		Axe.assertNoViolations(this.page, "with the rules form open (dark, " + viewport + ")");
	}

	@ParameterizedTest
	@ValueSource(strings = { "desktop", "mobile" })
	void wrongValuesAreShownAtTheirFieldsAndAStaleFormIsRefused(String viewport) {
		household();
		openBudget(viewport, ColorScheme.LIGHT);
		activate(rulesButton("Groceries"), viewport);
		Locator form = rulesDialog("Groceries");
		Locator cap = form.getByLabel("Carry at most");
		Locator targetAmount = form.getByLabel("Target amount");
		form.getByLabel("Target", new Locator.GetByLabelOptions().setExact(true))
			.selectOption(new SelectOption().setLabel("Refill up to an amount each period"));
		assertThat(form.getByLabel("By", new Locator.GetByLabelOptions().setExact(true))).isHidden();

		// a negative cap and a target of nothing: both said, each at its field
		cap.fill("-5");
		targetAmount.fill("0");
		save(form, targetAmount, viewport);
		assertThat(form.locator("[id='budget-rules-carry_cap-error']")).hasText("Enter 0 or more");
		assertThat(form.locator("[id='budget-rules-target.amount-error']")).hasText("Enter more than 0");
		assertThat(cap).hasAttribute("aria-invalid", "true");
		assertThat(targetAmount).hasAttribute("aria-invalid", "true");
		assertThat(cap).isFocused();
		assertThat(form).isVisible();
		assertThat(line(this.month, this.groceries).get("target").isNull()).isTrue();

		// someone else changes the line meanwhile: refused, and the row shown as it is
		// now
		cap.fill("50");
		targetAmount.fill("300");
		assign(this.month, this.groceries, "{\"assigned\":75}");
		save(form, targetAmount, viewport);
		assertThat(form).isHidden();
		assertThat(dialog().locator("#budget-message")).hasText("Someone changed \u201cGroceries\u201d in "
				+ MONTH.format(this.month)
				+ " meanwhile: the budget now shows it as it is. Open its rules again if they should still change.");
		assertThat(budgetRow("Groceries").locator(".budget-assigned")).containsText("\u20aa 75.00");
		assertThat(budgetRow("Groceries").locator(".budget-target")).hasCount(0);
		if (!mobile(viewport)) {
			assertThat(rulesButton("Groceries")).isFocused();
		}

		// again, on the line as it is now
		activate(rulesButton("Groceries"), viewport);
		assertThat(cap).isEmpty();
		form.getByLabel("Target", new Locator.GetByLabelOptions().setExact(true))
			.selectOption(new SelectOption().setLabel("Refill up to an amount each period"));
		targetAmount.fill("300");
		save(form, targetAmount, viewport);
		assertThat(form).isHidden();
		assertThat(budgetRow("Groceries").locator(".budget-target"))
			.hasText("Target: refill to \u20aa 300.00 each period; this period needs \u20aa 300.00, "
					+ "\u20aa 225.00 still needed");
		assertThat(dialog().locator("#budget-message")).isEmpty();
	}

}
