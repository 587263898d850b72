package dev.homebudget.ui;

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
 * A viewer's Import page: A's household has a committed import and a preview; B, invited
 * as viewer, reads both (the rows with their decisions) on a phone, and has nothing to
 * upload, flip, commit, discard or revert with; the saved profiles are listed without
 * Edit or Delete.
 */
class ImportViewerBrowserTests extends SignedInBrowserTestSupport {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("budget.database.url", () -> TestDatabase.jdbcUrl("ui_import_viewer"));
	}

	private int batch(int household, String status, String fileName, int created) {
		int id = this.jdbc.sql("""
				INSERT INTO import_batches (household_id, status, file_name, format, account, mapping, rows_total,
				                            rows_new, rows_duplicate, rows_match, rows_error, rows_created)
				VALUES (:household, :status, :file, 'csv', 'Visa', CAST('{"date":"date","amount":"amount"}' AS jsonb),
				        1, 1, 0, 0, 0, :created) RETURNING id""")
			.param("household", household)
			.param("status", status)
			.param("file", fileName)
			.param("created", created)
			.query(Integer.class)
			.single();
		this.jdbc.sql("""
				INSERT INTO import_rows (batch_id, line, status, kind, date, amount, currency, business, category,
				                         account, decision)
				VALUES (:batch, 2, 'new', 'expense', CURRENT_DATE, 12.50, 'ILS', 'Coffee Corner', 'Food', 'Visa',
				        'import')""").param("batch", id).update();
		return id;
	}

	@Test
	void aViewerReadsImportsAndChangesNothing() {
		UserAccount a = newUser("ia");
		UserAccount b = newUser("ib");
		int household = currentHousehold(a);
		batch(household, "committed", "january.csv", 1);
		batch(household, "preview", "february.csv", 0);
		this.jdbc.sql("""
				INSERT INTO import_profiles (household_id, name, header_signature, mapping)
				VALUES (:household, 'Visa Cal', 'date', CAST('{"date":"date","amount":"amount"}' AS jsonb))""")
			.param("household", household)
			.update();
		Page owner = signedIn(a);
		String code = invitationCode(owner, "viewer");
		Page viewer = signedIn(b, true);
		HeaderMenu.open(viewer);
		viewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Household")).tap();
		viewer.getByLabel("Invitation code").fill(code);
		viewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join")).tap();
		assertThat(viewer.locator("#household option:checked")).containsText("(viewer)");
		assertThat(viewer.locator("body")).hasAttribute("data-ready", "true");

		HeaderMenu.open(viewer);
		viewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import").setExact(true)).tap();
		Locator dialog = viewer.getByRole(AriaRole.DIALOG,
				new Page.GetByRoleOptions().setName("Import").setExact(true));
		assertThat(dialog).hasAttribute("data-ready", "true");
		Locator past = dialog.locator(".import-past-item");
		assertThat(past).hasCount(2);
		assertThat(dialog.locator("#import-file:visible, #import-own-file:visible")).hasCount(0);
		Locator profile = dialog.locator(".import-profile-item");
		assertThat(profile).hasCount(1);
		assertThat(profile).containsText("Visa Cal");
		assertThat(profile.getByRole(AriaRole.BUTTON)).hasCount(0);
		Locator january = past.filter(new Locator.FilterOptions().setHasText("january.csv"));
		assertThat(january).containsText("Imported");
		assertThat(january.getByRole(AriaRole.BUTTON)).hasCount(1);
		assertThat(january.getByRole(AriaRole.BUTTON)).hasText("Show rows");

		Locator february = past.filter(new Locator.FilterOptions().setHasText("february.csv"));
		february.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Show the rows of february.csv"))
			.tap();
		Locator preview = dialog.locator("#import-preview");
		assertThat(preview.locator("#import-preview-title")).hasText("Preview of february.csv");
		assertThat(preview.locator(".import-card")).hasCount(1);
		assertThat(preview.locator(".import-card")).containsText("Coffee Corner");
		assertThat(preview.locator(".import-card")).containsText("Import");
		assertThat(preview.getByRole(AriaRole.SWITCH)).hasCount(0);
		assertThat(dialog.locator("#import-commit:visible, #import-discard:visible, #import-another:visible"))
			.hasCount(0);
		Axe.assertNoViolations(viewer, "on a viewer's Import page");
	}

}
