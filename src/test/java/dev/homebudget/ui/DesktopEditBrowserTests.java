package dev.homebudget.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.homebudget.auth.UserAccount;
import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desktop path to who paid and for whom (1280x800): with more than one member each
 * expense row has an "Edit" button, reached by Tab, that opens the edit sheet as a
 * dialog; Escape closes it untouched, saving sends the changed payers. A household of one
 * gets neither the button nor the "Paid by" column.
 */
class DesktopEditBrowserTests extends SignedInBrowserTestSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("budget.database.url", () -> TestDatabase.jdbcUrl("ui_desktop_edit"));
	}

	/**
	 * The stored split of the expense of that business as the API returns it: "paid_by
	 * for_whom user=share,...".
	 */
	private String apiSplit(Page page, String business) {
		APIResponse response = page.request()
			.get(base() + "/api/v1/expense?business=" + URLEncoder.encode(business, StandardCharsets.UTF_8));
		assertThat(response.status()).isEqualTo(200);
		JsonNode rows = JSON.readTree(response.text());
		assertThat(rows.size()).isEqualTo(1);
		JsonNode row = rows.get(0);
		List<String> shares = new ArrayList<>();
		row.get("shares")
			.forEach((s) -> shares.add(s.get("user_id").asInt() + "=" + s.get("amount").decimalValue().setScale(2)));
		return text(row.get("paid_by")) + " " + text(row.get("for_whom")) + " " + String.join(",", shares);
	}

	private static String text(JsonNode node) {
		return (node == null || node.isNull()) ? "-" : String.valueOf(node.asInt());
	}

	@Test
	void aEditsASharedExpenseToPaidByBForBWithTheEditButton() {
		UserAccount a = newUser("da");
		UserAccount b = newUser("db");
		int household = currentHousehold(a);
		this.jdbc.sql("INSERT INTO household_members (household_id, user_id, role) VALUES (:h, :u, 'member')")
			.param("h", household)
			.param("u", b.id())
			.update();
		String tag = UUID.randomUUID().toString().substring(0, 6);
		// shared, paid by A (the odd cent to the lower id, A): stays as it is
		String keptName = "Kept " + tag;
		int kept = expense(household, keptName, "31.41", a.id());
		share(kept, a.id(), "15.71");
		share(kept, b.id(), "15.70");
		// shared, paid by A: edited to "for B", paid by B
		String editedName = "Edited " + tag;
		int edited = expense(household, editedName, "12.35", a.id());
		share(edited, a.id(), "6.18");
		share(edited, b.id(), "6.17");

		Page page = signedIn(a);
		Locator table = page.locator("#expense-table");
		Locator row = page.locator("#expense-section tbody tr")
			.filter(new Locator.FilterOptions().setHasText(editedName));
		assertThat(table.getByRole(AriaRole.COLUMNHEADER, new Locator.GetByRoleOptions().setName("Paid by")))
			.isVisible();
		assertThat(row.locator("td.col-paid_by")).hasText(a.username());
		Locator edit = row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit expense"));
		assertThat(edit).isVisible();
		assertThat(edit).hasAttribute("aria-label", Pattern.compile("^Edit expense .*" + editedName));

		// keyboard: Tab from the row's cells reaches "Edit"; Enter opens the dialog,
		// Escape
		// closes it and gives the focus back, and nothing is saved
		row.locator("td[data-field=notes]").focus();
		page.keyboard().press("Tab");
		assertThat(edit).isFocused();
		page.keyboard().press("Enter");
		Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Edit expense"));
		assertThat(dialog).isVisible();
		assertThat(dialog.getByLabel("Business")).hasValue(editedName);
		assertThat(dialog.getByLabel("Paid by").locator("option:checked")).hasText("Me (" + a.username() + ")");
		assertThat(dialog.getByLabel("For whom").locator("option:checked")).hasText("Shared");
		assertThat(dialog.getByLabel("Date")).isFocused();
		page.keyboard().press("Escape");
		assertThat(dialog).isHidden();
		assertThat(edit).isFocused();
		assertThat(apiSplit(page, editedName)).isEqualTo(a.id() + " - " + a.id() + "=6.18," + b.id() + "=6.17");

		// paid by B, for B
		edit.click();
		assertThat(dialog).isVisible();
		dialog.getByLabel("Paid by").selectOption(String.valueOf(b.id()));
		dialog.getByLabel("For whom").selectOption(String.valueOf(b.id()));
		page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", "desktop-edit.png")));
		dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
		assertThat(dialog).isHidden();
		assertThat(page.locator("#toasts")).containsText("Transaction updated");
		assertThat(row.locator("td.col-paid_by")).hasText(b.username());
		assertThat(edit).isFocused();
		assertThat(apiSplit(page, editedName)).isEqualTo(b.id() + " " + b.id() + " " + b.id() + "=12.35");
		assertThat(apiSplit(page, keptName)).isEqualTo(a.id() + " - " + a.id() + "=15.71," + b.id() + "=15.70");

		// A paid 31.41, share 15.71; B paid 12.35, share 15.70 + 12.35 (before: A paid
		// 43.76, share 21.89, B owed 21.87)
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Balance")).click();
		Locator members = page.locator("#balance-members");
		assertThat(members).containsText(a.username() + ": paid 31.41, share 15.71, is owed 15.70");
		assertThat(members).containsText(b.username() + ": paid 12.35, share 28.05, owes 15.70");
		assertThat(page.locator("#balance-transfers li")).hasCount(1);
		assertThat(page.locator("#balance-transfers li"))
			.containsText(b.username() + " owes " + a.username() + " 15.70");
		page.screenshot(
				new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", "desktop-edit-balance.png")));
		page.locator("#balance-close").click();

		// inline cell edits still work and leave the payers alone
		row.locator("td[data-field=notes]").click();
		page.locator("#expense-section td.editing input").fill("inline");
		page.locator("#expense-section td.editing input").press("Enter");
		assertThat(page.locator("#toasts")).containsText("Notes saved");
		assertThat(row.locator("td[data-field=notes]")).hasText("inline");
		assertThat(apiSplit(page, editedName)).isEqualTo(b.id() + " " + b.id() + " " + b.id() + "=12.35");
	}

	@Test
	void aHouseholdOfOneHasNoEditButtonAndNoPaidByColumn() {
		UserAccount alone = newUser("dc");
		String business = "Alone " + UUID.randomUUID().toString().substring(0, 6);
		expense(currentHousehold(alone), business, "9.99", alone.id());

		Page page = signedIn(alone);
		// the Balance button shows once split.js has loaded the members
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Balance"))).isVisible();
		Locator row = page.locator("#expense-section tbody tr")
			.filter(new Locator.FilterOptions().setHasText(business));
		assertThat(row).containsText("9.99");
		assertThat(page.locator("#expense-section [data-action=edit]")).hasCount(0);
		assertThat(page.locator("#expense-section .col-paid_by")).hasCount(0);
	}

}
