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
 * Households in a real Chromium, one browser context per person: A invites B from the
 * household dialog, B joins with the code and sees A's expense; a third user, in a
 * household of their own, sees nothing of it.
 */
class HouseholdBrowserTests extends SignedInBrowserTestSupport {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("budget.database.url", () -> TestDatabase.jdbcUrl("ui_households"));
	}

	private static Locator expenseRows(Page page, String business) {
		return page.locator("#expense-section tbody tr").filter(new Locator.FilterOptions().setHasText(business));
	}

	@Test
	void anInvitedUserSeesTheSharedExpenseAndAnOutsiderSeesNothing() {
		UserAccount a = newUser("a");
		UserAccount b = newUser("b");
		UserAccount c = newUser("c");
		int household = this.jdbc.sql("SELECT current_household_id FROM users WHERE id = :id")
			.param("id", a.id())
			.query(Integer.class)
			.single();
		String business = "Shared " + UUID.randomUUID().toString().substring(0, 6);
		String today = java.time.LocalDate.now().toString();
		this.jdbc
			.sql("INSERT INTO expenses (household_id, date, business, category, amount, account) "
					+ "VALUES (:household, CAST(:date AS date), :business, 'Food', 31.40, 'Cash')")
			.param("household", household)
			.param("date", today)
			.param("business", business)
			.update();

		Page pageA = signedIn(a);
		assertThat(expenseRows(pageA, business)).containsText("31.40");
		pageA.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Household")).click();
		assertThat(pageA.locator("#household-members")).containsText(a.username());
		pageA.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create invitation")).click();
		assertThat(pageA.locator("#invite-result")).isVisible();
		String code = pageA.locator("#invite-code").textContent().strip();
		assertThat(code).hasSizeGreaterThan(20);
		pageA.screenshot(
				new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", "household-invite.png")));

		Page pageB = signedIn(b);
		assertThat(expenseRows(pageB, business)).hasCount(0);
		// B opens the invitation link (accept_url): the dialog offers the code
		pageB.navigate("http://127.0.0.1:" + this.port + "/#invitation=" + code);
		assertThat(pageB.getByLabel("Invitation code")).hasValue(code);
		pageB.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join")).click();
		assertThat(expenseRows(pageB, business)).containsText("31.40");
		assertThat(pageB.locator("#household option:checked")).containsText("(member)");

		Page pageC = signedIn(c);
		assertThat(pageC.locator("#expense-section")).isVisible();
		assertThat(expenseRows(pageC, business)).hasCount(0);
		pageC.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Household")).click();
		pageC.getByLabel("Invitation code").fill(code);
		pageC.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join")).click();
		assertThat(pageC.locator("#household-message")).containsText("already been used");

		pageA.reload();
		pageA.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Household")).click();
		assertThat(pageA.locator("#household-members")).containsText(b.username());
	}

}
