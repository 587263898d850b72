package dev.homebudget.ui;

import java.time.LocalDate;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.homebudget.config.StoragePhase;
import dev.homebudget.support.StoragePhases;
import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The budget page on a server in phase P1 (the JSON files primary): the API answers 409,
 * and the page shows its sentence instead of figures (and instead of the report), with
 * nothing to change; the month view's category chart stays as it is, without an error.
 */
class BudgetJsonPhaseBrowserTests extends BrowserTestSupport {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		// P1 refuses to start when PostgreSQL holds entries its empty JSON files do not;
		// the
		// server may be given the shared "ui" database (the base class registers it too),
		// so
		// rows another class left there are removed before it starts
		sql("BEGIN; SET LOCAL hbw.history = 'off'; DELETE FROM expenses; DELETE FROM incomes; COMMIT");
		StoragePhases.register(registry, StoragePhase.P1, "ui_budget_p1");
		registry.add("budget.database.url", () -> TestDatabase.jdbcUrl("ui_budget_p1"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "desktop", "mobile" })
	void theBudgetPageSaysBudgetsNeedPostgresAsThePrimaryStore(String viewport) {
		Page page = open(viewport);
		HeaderMenu.open(page);
		Locator open = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Budget").setExact(true));
		if ("mobile".equals(viewport)) {
			open.tap();
		}
		else {
			open.click();
		}
		Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Budget").setExact(true));
		assertThat(dialog.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText("PostgreSQL")))
			.hasText("Budgets need PostgreSQL as the primary store (storage phase P2 or P3); "
					+ "this server keeps the JSON files primary");
		assertThat(dialog.locator(".budget-figures, .budget-row, .budget-actions")).hasCount(0);
		Axe.assertNoViolations(page, "on the budget page in phase P1 (" + viewport + ")");
		// the report says the same
		activate(dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Report").setExact(true)),
				viewport);
		assertThat(dialog.locator(".budget-report").getByRole(AriaRole.ALERT))
			.hasText("Budgets need PostgreSQL as the primary store (storage phase P2 or P3); "
					+ "this server keeps the JSON files primary");
		assertThat(dialog.locator(".budget-report table")).hasCount(0);
		page.keyboard().press("Escape");
		assertThat(dialog).isHidden();
	}

	@Test
	void theMonthsCategoryChartStaysAsItIsWithoutAnError() {
		create("expense", "{\"date\":\"" + LocalDate.now()
				+ "\",\"business\":\"SuperSal\",\"category\":\"Groceries\",\"amount\":80,\"account\":\"Cash\"}");
		Page page = open("desktop");
		Locator chart = page.locator("#category-chart");
		assertThat(chart.locator(".bars > li")).hasCount(1);
		assertThat(chart).containsText("Groceries");
		// the budget's 409 has come: nothing added, nothing said
		assertThat(chart).hasAttribute("data-budget", "unavailable");
		assertThat(chart.locator(".chart-budget, .chart-budget-extra, .chart-budget-note")).hasCount(0);
		assertThat(page.locator("#toasts .app-toast")).hasCount(0);
	}

}
