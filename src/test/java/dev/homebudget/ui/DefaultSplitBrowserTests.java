package dev.homebudget.ui;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import dev.homebudget.auth.UserAccount;
import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The household's default split in the browser: an owner sets 60/40 in the Household
 * dialog (axe-core finds nothing there, light and dark, desktop and phone), the expense
 * add form then offers "Household split" first and stores its shares in whole cents
 * summing to the amount, and "Split equally" goes back to equal shares.
 */
class DefaultSplitBrowserTests extends SignedInBrowserTestSupport {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("budget.database.url", () -> TestDatabase.jdbcUrl("ui_split"));
	}

	private List<String> shares(String business) {
		return this.jdbc.sql("""
				SELECT s.user_id || ' ' || s.amount FROM expense_shares s JOIN expenses e ON e.id = s.expense_id
				WHERE e.business = :business ORDER BY s.user_id""")
			.param("business", business)
			.query(String.class)
			.list();
	}

	private String addExpense(Page page, String amount, String forWhom) {
		Locator section = page.locator("#expense-section");
		section.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add expense")).click();
		Locator form = section.locator(".add-form");
		assertThat(form.getByLabel("For whom").locator("option:checked")).hasText(forWhom);
		String business = "Groceries " + UUID.randomUUID().toString().substring(0, 6);
		form.getByLabel("Business").fill(business);
		form.getByLabel("Category").fill("Food");
		form.getByLabel("Amount").fill(amount);
		form.getByLabel("Account").fill("Cash");
		form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
		assertThat(section.locator("tbody tr").filter(new Locator.FilterOptions().setHasText(business)))
			.containsText(amount);
		return business;
	}

	@Test
	void anOwnerSetsSixtyFortyAndNewSharedExpensesAreSplitThatWay() {
		UserAccount a = newUser("da");
		UserAccount b = newUser("db");
		int household = currentHousehold(a);
		expenseCategory(household, "Food");
		Page pageA = signedIn(a);
		String code = invitationCode(pageA, null);
		Page pageB = signedIn(b);
		HeaderMenu.open(pageB);
		pageB.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Household")).click();
		pageB.getByLabel("Invitation code").fill(code);
		pageB.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join")).click();
		assertThat(pageB.locator("#household option:checked")).containsText("(member)");

		// no default split yet: "Shared" (equal) is the add form's default
		pageA.reload();
		assertThat(pageA.locator("body")).hasAttribute("data-ready", "true");
		String equal = addExpense(pageA, "10.01", "Shared");
		assertThat(shares(equal)).containsExactly(a.id() + " 5.01", b.id() + " 5.00");

		// the owner sets 60/40 in the Household dialog
		HeaderMenu.open(pageA);
		pageA.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Household")).click();
		Locator dialog = pageA.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Household"));
		dialog.getByLabel("Weight of " + a.username()).fill("60");
		dialog.getByLabel("Weight of " + b.username()).fill("40");
		dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save split")).click();
		assertThat(dialog.locator("#default-split-status"))
			.hasText("Saved: new shared expenses are split by these weights.");
		assertThat(this.jdbc.sql("SELECT split_weights ->> :a FROM schedule_settings WHERE household_id = :h")
			.param("a", String.valueOf(a.id()))
			.param("h", household)
			.query(BigDecimal.class)
			.single()).isEqualByComparingTo("60");
		Axe.assertNoViolations(pageA, "in the household dialog with the default split (light)");
		// a weight left out is refused before anything is sent
		dialog.getByLabel("Weight of " + b.username()).fill("");
		dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save split")).click();
		assertThat(dialog.locator("#default-split-error"))
			.hasText("Give every member a weight, or leave them all empty for equal shares.");
		pageA.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.DARK));
		Axe.assertNoViolations(pageA, "in the household dialog with the default split (dark)");
		pageA.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.LIGHT));
		dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close")).click();

		// the add form now offers the household split first: 100.01 is 60.01 and 40.00
		pageA.reload();
		assertThat(pageA.locator("body")).hasAttribute("data-ready", "true");
		String household6040 = addExpense(pageA, "100.01",
				"Household split (" + a.username() + " 60%, " + b.username() + " 40%)");
		assertThat(shares(household6040)).containsExactly(a.id() + " 60.01", b.id() + " 40.00");
		// "Shared equally" is still there
		Locator forWhom = pageA.locator("#expense-section .add-form").getByLabel("For whom");
		assertThat(forWhom.locator("option")).containsText(new String[] { "Household split", "Shared equally" });

		// the member sees the same on a phone-sized page, but no editor (owners only)
		Page phone = signedIn(b, true);
		HeaderMenu.open(phone);
		phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Household")).click();
		assertThat(phone.locator("#default-split-form")).isHidden();
		phone.close();

		// back to equal shares
		HeaderMenu.open(pageA);
		pageA.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Household")).click();
		// the dialog has loaded the weights (a load still under way would put them back)
		assertThat(dialog.getByLabel("Weight of " + a.username())).hasValue("60");
		dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Split equally")).click();
		assertThat(dialog.locator("#default-split-status")).hasText("Shared expenses are split equally.");
		assertThat(dialog.getByLabel("Weight of " + a.username())).hasValue("");
		assertThat(this.jdbc.sql("SELECT split_weights IS NULL FROM schedule_settings WHERE household_id = :h")
			.param("h", household)
			.query(Boolean.class)
			.single()).isTrue();
		dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close")).click();
		pageA.reload();
		assertThat(pageA.locator("body")).hasAttribute("data-ready", "true");
		addExpense(pageA, "3.00", "Shared");
	}

	@Test
	void theHouseholdDialogWithTheDefaultSplitPassesAxeOnAPhone() {
		UserAccount a = newUser("dp");
		UserAccount b = newUser("dq");
		Page pageA = signedIn(a, true);
		String code = invitationCode(pageA, null);
		Page pageB = signedIn(b);
		HeaderMenu.open(pageB);
		pageB.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Household")).click();
		pageB.getByLabel("Invitation code").fill(code);
		pageB.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join")).click();
		assertThat(pageB.locator("#household option:checked")).containsText("(member)");
		pageA.reload();
		assertThat(pageA.locator("body")).hasAttribute("data-ready", "true");
		HeaderMenu.open(pageA);
		pageA.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Household")).tap();
		Locator dialog = pageA.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Household"));
		assertThat(dialog.getByLabel("Weight of " + b.username())).isVisible();
		dialog.getByLabel("Weight of " + a.username()).fill("12000");
		dialog.getByLabel("Weight of " + b.username()).fill("8000");
		dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save split")).tap();
		assertThat(dialog.locator("#default-split-status"))
			.hasText("Saved: new shared expenses are split by these weights.");
		Axe.assertNoViolations(pageA, "in the household dialog with the default split (phone, light)");
		pageA.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.DARK));
		Axe.assertNoViolations(pageA, "in the household dialog with the default split (phone, dark)");
	}

}
