package dev.homebudget.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import dev.homebudget.config.StoragePhase;
import dev.homebudget.support.StoragePhases;
import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The Import page on a server in phase P1 (the JSON files primary): the statement routes
 * answer 409, and the page shows that sentence instead of the wizard and the past
 * imports; the app's own CSV import, which works in every phase, stays. axe-core finds
 * nothing, light and dark.
 */
class ImportJsonPhaseBrowserTests extends BrowserTestSupport {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		// P1 refuses to start when PostgreSQL holds entries its empty JSON files do not:
		// the
		// server is given a database of its own, and rows another class left in the
		// shared
		// "ui" database (the base class registers it too) are removed before it starts
		// (when this class is the first to run, "ui" has no tables yet)
		sql("DO $$ BEGIN IF to_regclass('public.expenses') IS NOT NULL THEN "
				+ "PERFORM set_config('hbw.history', 'off', true); DELETE FROM expenses; DELETE FROM incomes; "
				+ "END IF; END $$");
		StoragePhases.register(registry, StoragePhase.P1, "ui_import_p1");
		registry.add("budget.database.url", () -> TestDatabase.jdbcUrl("ui_import_p1"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "desktop", "mobile" })
	void theImportPageSaysStatementImportsNeedPostgresAsThePrimaryStore(String viewport) {
		Page page = open(viewport, mobile(viewport) ? ColorScheme.DARK : ColorScheme.LIGHT);
		HeaderMenu.open(page);
		activate(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import").setExact(true)),
				viewport);
		Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Import").setExact(true));
		assertThat(dialog).hasAttribute("data-ready", "true");
		assertThat(dialog.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText("PostgreSQL")))
			.hasText("Statement imports need PostgreSQL as the primary store (storage phase P2 or P3); "
					+ "this server keeps the JSON files primary");
		assertThat(dialog.locator("#import-file, #import-past")).hasCount(2);
		assertThat(dialog.locator("#import-file:visible, #import-past:visible")).hasCount(0);
		assertThat(dialog.getByLabel("CSV file")).isVisible();
		Axe.assertNoViolations(page, "on the Import page in phase P1 (" + viewport + ")");
		page.keyboard().press("Escape");
		assertThat(dialog).isHidden();
	}

}
