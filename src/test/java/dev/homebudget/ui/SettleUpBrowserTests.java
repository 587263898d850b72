package dev.homebudget.ui;

import java.nio.file.Paths;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.homebudget.auth.UserAccount;
import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who paid and settling up in a real Chromium, one browser context per person: A invites
 * B, B joins, A adds an expense paid by A and shared (the form's defaults), B sees that B
 * owes A half and settles up, and the balance is zero. The filter bar's "Paid by" shows
 * one member's expenses.
 */
class SettleUpBrowserTests extends SignedInBrowserTestSupport {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("budget.database.url", () -> TestDatabase.jdbcUrl("ui_settle"));
	}

	@Test
	void aSharedExpensePaidByAIsSettledUpByB() {
		UserAccount a = newUser("sa");
		UserAccount b = newUser("sb");
		int household = this.jdbc.sql("SELECT current_household_id FROM users WHERE id = :id")
			.param("id", a.id())
			.query(Integer.class)
			.single();

		Page pageA = signedIn(a);
		pageA.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Household")).click();
		pageA.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create invitation")).click();
		assertThat(pageA.locator("#invite-result")).isVisible();
		String code = pageA.locator("#invite-code").textContent().strip();

		Page pageB = signedIn(b);
		pageB.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Household")).click();
		pageB.getByLabel("Invitation code").fill(code);
		pageB.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join")).click();
		assertThat(pageB.locator("#household option:checked")).containsText("(member)");

		// with two members, the add form asks who paid (default: me) and for whom
		// (default: shared)
		pageA.reload();
		assertThat(pageA.locator("body")).hasAttribute("data-ready", "true");
		Locator section = pageA.locator("#expense-section");
		section.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add expense")).click();
		Locator form = section.locator(".add-form");
		assertThat(form.getByLabel("Paid by")).isVisible();
		assertThat(form.getByLabel("Paid by").locator("option:checked")).containsText("Me (" + a.username() + ")");
		assertThat(form.getByLabel("For whom").locator("option:checked")).hasText("Shared");
		String business = "Dinner " + UUID.randomUUID().toString().substring(0, 6);
		form.getByLabel("Business").fill(business);
		form.getByLabel("Category").fill("Food");
		form.getByLabel("Amount").fill("31.41");
		form.getByLabel("Account").fill("Cash");
		form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
		assertThat(section.locator("tbody tr").filter(new Locator.FilterOptions().setHasText(business)))
			.containsText("31.41");
		assertThat(this.jdbc.sql("SELECT paid_by FROM expenses WHERE business = :business")
			.param("business", business)
			.query(Integer.class)
			.single()).isEqualTo(a.id());

		// the filter bar's "Paid by" narrows the table to one member's expenses
		String byB = "Taxi " + UUID.randomUUID().toString().substring(0, 6);
		this.jdbc
			.sql("""
					INSERT INTO expenses (household_id, date, business, category, amount, account, paid_by)
					SELECT household_id, date, :business, 'Travel', 12.00, 'Cash', :b FROM expenses WHERE business = :dinner""")
			.param("business", byB)
			.param("b", b.id())
			.param("dinner", business)
			.update();
		pageA.reload();
		assertThat(pageA.locator("body")).hasAttribute("data-ready", "true");
		Locator rows = section.locator("tbody tr");
		assertThat(rows).hasCount(2);
		Locator payer = pageA.getByLabel("Filter by payer");
		assertThat(payer).isVisible();
		payer.selectOption(String.valueOf(b.id()));
		assertThat(rows).hasCount(1);
		assertThat(rows).containsText(byB);
		payer.selectOption(String.valueOf(a.id()));
		assertThat(rows).hasCount(1);
		assertThat(rows).containsText(business);
		payer.selectOption("");
		assertThat(rows).hasCount(2);
		this.jdbc.sql("DELETE FROM expenses WHERE business = :business").param("business", byB).update();

		// B: owes A half (the odd cent goes to the lower id, A)
		pageB.reload();
		assertThat(pageB.locator("body")).hasAttribute("data-ready", "true");
		pageB.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Balance")).click();
		Locator transfers = pageB.locator("#balance-transfers");
		assertThat(transfers).containsText(b.username() + " owes " + a.username() + " 15.70");
		assertThat(pageB.locator("#balance-members")).containsText("owes 15.70");
		pageB.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", "balance.png")));
		transfers.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Settle up")).first().click();
		assertThat(transfers).containsText("Everyone is settled up.");
		assertThat(pageB.locator("#balance-members")).containsText(a.username() + ": paid 31.41, share 15.71, settled");
		assertThat(this.jdbc.sql("SELECT count(*) || ' ' || sum(amount) FROM settlements WHERE household_id = :h")
			.param("h", household)
			.query(String.class)
			.single()).isEqualTo("1 15.70");
	}

}
