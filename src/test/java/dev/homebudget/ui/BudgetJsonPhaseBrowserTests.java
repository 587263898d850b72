package dev.homebudget.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.homebudget.config.StoragePhase;
import dev.homebudget.support.StoragePhases;
import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The budget page on a server in phase P1 (the JSON files primary): the API answers 409,
 * and the page shows its sentence instead of figures, with nothing to change.
 */
class BudgetJsonPhaseBrowserTests extends BrowserTestSupport {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		StoragePhases.register(registry, StoragePhase.P1, "ui_budget_p1");
		registry.add("budget.database.url", () -> TestDatabase.jdbcUrl("ui_budget_p1"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "desktop", "mobile" })
	void theBudgetPageSaysBudgetsNeedPostgresAsThePrimaryStore(String viewport) {
		Page page = open(viewport);
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
		page.keyboard().press("Escape");
		assertThat(dialog).isHidden();
	}

}
