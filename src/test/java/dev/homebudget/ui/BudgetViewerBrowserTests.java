package dev.homebudget.ui;

import java.time.YearMonth;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.homebudget.auth.UserAccount;
import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A viewer's budget page: A owns a household with a budget (Food, 150.00 assigned, 40.00
 * spent) and invites B as viewer; B reads the figures, the rows and "Why this number?" on
 * a desktop and a phone, but has nothing to change them with (no assigned-amount editor,
 * no move, copy or fill, no "Rules…", the period settings shown without a Save); and a
 * member budget set by the owner, which the viewer reads with the report.
 */
class BudgetViewerBrowserTests extends SignedInBrowserTestSupport {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("budget.database.url", () -> TestDatabase.jdbcUrl("ui_budget_viewer"));
	}

	@Test
	void aViewerReadsTheBudgetAndChangesNothing() {
		UserAccount a = newUser("ba");
		UserAccount b = newUser("bb");
		int household = currentHousehold(a);
		expenseCategory(household, "Food");
		int food = this.jdbc
			.sql("SELECT id FROM categories WHERE household_id = :h AND kind = 'expense' AND name = 'Food'")
			.param("h", household)
			.query(Integer.class)
			.single();
		this.jdbc
			.sql("INSERT INTO budget_lines (household_id, category_id, period, assigned) "
					+ "VALUES (:h, :c, :p, 150.00)")
			.param("h", household)
			.param("c", food)
			.param("p", YearMonth.now().toString())
			.update();
		expense(household, "Market", "40.00", a.id());

		Page owner = signedIn(a);
		String code = invitationCode(owner, "viewer");
		Page desktop = signedIn(b);
		HeaderMenu.open(desktop);
		desktop.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Household")).click();
		desktop.getByLabel("Invitation code").fill(code);
		desktop.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join")).click();
		assertThat(desktop.locator("#household option:checked")).containsText("(viewer)");
		assertThat(desktop.locator("body")).hasAttribute("data-ready", "true");
		assertReadOnly(desktop, false);

		Page phone = signedIn(b, true);
		assertThat(phone.locator("#household option:checked")).containsText("(viewer)");
		assertReadOnly(phone, true);
	}

	/**
	 * Member budgets: A and B share a 40.00 expense 30.00/10.00; A (the owner, by
	 * keyboard) sets Food to count B's share only and sees spent follow; B, a viewer,
	 * reads the rule and the report but has no "Rules…" to change it.
	 */
	@Test
	void aMemberBudgetCountsOneSharedAndAViewerReadsTheRules() {
		UserAccount a = newUser("ma");
		UserAccount b = newUser("mb");
		int household = currentHousehold(a);
		expenseCategory(household, "Food");
		int food = this.jdbc
			.sql("SELECT id FROM categories WHERE household_id = :h AND kind = 'expense' AND name = 'Food'")
			.param("h", household)
			.query(Integer.class)
			.single();
		this.jdbc
			.sql("INSERT INTO budget_lines (household_id, category_id, period, assigned) "
					+ "VALUES (:h, :c, :p, 150.00)")
			.param("h", household)
			.param("c", food)
			.param("p", YearMonth.now().toString())
			.update();
		int expense = expense(household, "Market", "40.00", a.id());
		share(expense, a.id(), "30.00");
		share(expense, b.id(), "10.00");

		Page owner = signedIn(a);
		String code = invitationCode(owner, "viewer");
		Page viewer = signedIn(b);
		HeaderMenu.open(viewer);
		viewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Household")).click();
		viewer.getByLabel("Invitation code").fill(code);
		viewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join")).click();
		assertThat(viewer.locator("#household option:checked")).containsText("(viewer)");
		assertThat(viewer.locator("body")).hasAttribute("data-ready", "true");

		// the owner: Food counts B's share only, from this period on
		owner.reload();
		assertThat(owner.locator("body")).hasAttribute("data-ready", "true");
		HeaderMenu.open(owner);
		owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Budget").setExact(true)).click();
		Locator dialog = owner.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Budget").setExact(true));
		Locator row = dialog.locator(".budget-row");
		assertThat(row.locator(".budget-available")).hasText("Available \u20aa 110.00");
		Locator rules = row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Rules\u2026 (Food)"));
		rules.focus();
		rules.press("Enter");
		Locator form = owner.getByRole(AriaRole.DIALOG,
				new Page.GetByRoleOptions().setName("Rules of \u201cFood\u201d").setExact(true));
		Locator count = form.getByLabel("Count", new Locator.GetByLabelOptions().setExact(true));
		assertThat(count.locator("option")).hasText(new String[] { "Whole amounts (everyone)",
				a.username() + "\u2019s share only", b.username() + "\u2019s share only" });
		assertThat(count).hasValue("0");
		count.selectOption(String.valueOf(b.id()));
		Axe.assertNoViolations(owner, "with the rules form and its member rule open");
		Locator save = form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save rules"));
		save.focus();
		save.press("Enter");
		assertThat(form).isHidden();
		assertThat(row.locator(".budget-rules-text")).hasText("Rules: Counts " + b.username() + "\u2019s share only");
		assertThat(row.locator(".budget-available")).hasText("Available \u20aa 140.00");
		assertThat(rules).isFocused();

		// the viewer reads the rule and the report, and has nothing to change them with
		viewer.reload();
		assertThat(viewer.locator("body")).hasAttribute("data-ready", "true");
		HeaderMenu.open(viewer);
		viewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Budget").setExact(true)).click();
		Locator viewerDialog = viewer.getByRole(AriaRole.DIALOG,
				new Page.GetByRoleOptions().setName("Budget").setExact(true));
		Locator viewerRow = viewerDialog.locator(".budget-row");
		assertThat(viewerRow.locator(".budget-rules-text"))
			.hasText("Rules: Counts " + b.username() + "\u2019s share only");
		assertThat(viewerRow.locator(".budget-available")).hasText("Available \u20aa 140.00");
		assertThat(viewerDialog.getByRole(AriaRole.BUTTON,
				new Locator.GetByRoleOptions().setName(Pattern.compile("^Rules"))))
			.hasCount(0);
		viewerDialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Report").setExact(true))
			.click();
		Locator periods = viewerDialog.getByRole(AriaRole.TABLE,
				new Locator.GetByRoleOptions().setName(Pattern.compile("^Per period")));
		assertThat(periods.locator("tbody tr")).hasCount(12);
		assertThat(periods.locator("tfoot")).containsText("\u20aa 150.00");
		Axe.assertNoViolations(viewer, "on a viewer's budget report");
	}

	private static void assertReadOnly(Page page, boolean mobile) {
		HeaderMenu.open(page);
		Locator open = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Budget").setExact(true));
		if (mobile) {
			open.tap();
		}
		else {
			open.click();
		}
		Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Budget").setExact(true));
		Locator row = dialog.locator(".budget-row");
		assertThat(row).hasCount(1);
		assertThat(row.locator(".budget-name")).hasText("Food");
		assertThat(row.locator(".budget-assigned")).hasText("Assigned \u20aa 150.00");
		assertThat(row.locator(".budget-available")).hasText("Available \u20aa 110.00");
		assertThat(dialog.locator(".budget-figure-spent dd")).hasText("\u20aa 40.00");
		// nothing that writes
		assertThat(dialog.getByRole(AriaRole.BUTTON,
				new Locator.GetByRoleOptions().setName(Pattern
					.compile("^(Assigned to|Move money|Copy from|Fill from|Cover overspending|Save settings)"))))
			.hasCount(0);
		assertThat(dialog.locator("input.budget-input")).hasCount(0);
		assertThat(dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Rules"))))
			.hasCount(0);
		// reading is all there
		Locator why = dialog.getByRole(AriaRole.BUTTON,
				new Locator.GetByRoleOptions().setName("Why this number? (Food)"));
		if (mobile) {
			why.tap();
		}
		else {
			why.click();
		}
		assertThat(row.getByRole(AriaRole.LISTITEM)).hasCount(1);
		assertThat(row.getByRole(AriaRole.LISTITEM)).containsText("\u20aa 150.00 assigned \u2212 \u20aa 40.00 spent");
		Locator settings = dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Period settings"));
		if (mobile) {
			settings.tap();
		}
		else {
			settings.click();
		}
		assertThat(dialog.getByLabel("Periods start on day")).hasValue("1");
		assertThat(dialog.getByLabel("Periods start on day")).isDisabled();
		assertThat(dialog.getByLabel("A start on a weekend")).isDisabled();
		Axe.assertNoViolations(page, "on a viewer's budget page" + (mobile ? " (phone)" : ""));
	}

}
