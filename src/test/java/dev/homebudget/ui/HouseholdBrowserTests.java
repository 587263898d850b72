package dev.homebudget.ui;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
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
 * household of their own, sees nothing of it. An invitation link opened while signed out
 * survives the sign-in without reaching the server.
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
		int household = currentHousehold(a);
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
		HeaderMenu.open(pageA);
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
		HeaderMenu.open(pageC);
		pageC.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Household")).click();
		pageC.getByLabel("Invitation code").fill(code);
		pageC.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join")).click();
		assertThat(pageC.locator("#household-message")).containsText("already been used");

		pageA.reload();
		HeaderMenu.open(pageA);
		pageA.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Household")).click();
		assertThat(pageA.locator("#household-members")).containsText(b.username());
	}

	@Test
	void anInvitationLinkOpenedWhileSignedOutOpensTheJoinDialogAfterSigningIn() {
		UserAccount a = newUser("la");
		UserAccount b = newUser("lb");
		String householdName = this.jdbc
			.sql("SELECT h.name FROM households h JOIN users u " + "ON u.current_household_id = h.id WHERE u.id = :id")
			.param("id", a.id())
			.query(String.class)
			.single();
		Page pageA = signedIn(a);
		String code = invitationCode(pageA, null);

		Page pageB = newPage();
		List<String> requested = new ArrayList<>();
		pageB.onRequest((request) -> requested.add(request.url()));
		pageB.navigate(base() + "/#invitation=" + code);
		assertThat(pageB).hasURL(base() + "/login");
		assertThat(pageB.locator("#invitation-hint")).isVisible();
		signIn(pageB, b);
		Locator dialog = pageB.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Household"));
		assertThat(dialog).isVisible();
		assertThat(dialog.getByLabel("Invitation code")).hasValue(code);
		pageB.screenshot(new Page.ScreenshotOptions()
			.setPath(Paths.get("target", "screenshots", "invitation-after-sign-in.png")));
		dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Join")).click();
		assertThat(pageB.locator("#household option:checked")).hasText(householdName + " (member)");
		assertThat(pageB.getByRole(AriaRole.DIALOG)).hasCount(0);
		assertThat(requested).isNotEmpty().noneMatch((url) -> url.contains(code));
		assertThat(this.jdbc
			.sql("SELECT role FROM household_members hm JOIN users u "
					+ "ON u.current_household_id = hm.household_id AND u.id = hm.user_id WHERE u.id = :id")
			.param("id", b.id())
			.query(String.class)
			.single()).isEqualTo("member");
	}

}
