package dev.homebudget.ui;

import java.nio.file.Paths;
import java.util.UUID;
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
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A viewer's UI in a real Chromium: A owns a household with two shared expenses and
 * invites B as viewer; B joins and, on a desktop and on a phone, reads the rows, totals
 * and balance but has no way to write (no add form or button, trash, "Edit", inline
 * editor, edit sheet, selection or "Settle up") and sees a "View only" badge. In B's own
 * household the controls are back.
 */
class ViewerBrowserTests extends SignedInBrowserTestSupport {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("budget.database.url", () -> TestDatabase.jdbcUrl("ui_viewer"));
	}

	private void sharedExpense(int household, String business, String amount, UserAccount payer, String half,
			UserAccount other) {
		int id = expense(household, business, amount, payer.id());
		for (UserAccount user : new UserAccount[] { payer, other }) {
			share(id, user.id(), half);
		}
	}

	@Test
	void aViewerReadsEverythingAndWritesNothingUntilSwitchingToItsOwnHousehold() {
		UserAccount a = newUser("va");
		UserAccount b = newUser("vb");
		int householdA = currentHousehold(a);
		int householdB = currentHousehold(b);
		String tag = UUID.randomUUID().toString().substring(0, 6);
		this.jdbc
			.sql("INSERT INTO expenses (household_id, date, business, category, amount, account, entered_by, paid_by) "
					+ "VALUES (:household, CURRENT_DATE, :business, 'Food', 4.00, 'Cash', :b, :b)")
			.param("household", householdB)
			.param("business", "Own " + tag)
			.param("b", b.id())
			.update();

		Page pageA = signedIn(a);
		String code = invitationCode(pageA, "viewer");

		Page desktop = signedIn(b);
		// B's own household: not read-only
		assertThat(desktop.locator("#household-view-only")).isHidden();
		desktop.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Household")).click();
		desktop.getByLabel("Invitation code").fill(code);
		desktop.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join")).click();
		assertThat(desktop.locator("#household option:checked")).containsText("(viewer)");
		// the expenses arrive after B joined (the page reloads on joining)
		sharedExpense(householdA, "Groceries " + tag, "12.50", a, "6.25", b);
		sharedExpense(householdA, "Bakery " + tag, "17.50", a, "8.75", b);
		desktop.reload();
		assertThat(desktop.locator("body")).hasAttribute("data-ready", "true");
		assertReadOnly(desktop, a, b, tag);

		// desktop extras: no "Edit" button, no selection, and a click on a cell opens no
		// editor
		Locator section = desktop.locator("#expense-section");
		assertThat(section.locator("thead .col-paid_by")).isVisible();
		assertThat(section.locator(".edit-row:visible")).hasCount(0);
		assertThat(section.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Select"))).isHidden();
		section.locator("tbody tr").first().locator("td[data-field=category]").click();
		section.locator("tbody tr").first().locator("td[data-field=category]").press("Enter");
		assertThat(desktop.locator("td.editing")).hasCount(0);
		assertThat(desktop.locator("body")).not().hasClass(Pattern.compile("sheet-open"));
		// the Balance figures are there, the "Settle up" button is not
		desktop.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Balance")).click();
		assertThat(desktop.locator("#balance-transfers"))
			.containsText(b.username() + " owes " + a.username() + " 15.00");
		assertThat(desktop.locator("#balance-members")).containsText(a.username() + ": paid 30.00");
		assertThat(desktop.locator("#balance-transfers")
			.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Settle up"))).hasCount(0);
		desktop.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", "viewer.png")));
		desktop.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close")).click();

		Page phone = signedIn(b, true);
		assertReadOnly(phone, a, b, tag);
		assertThat(phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add transaction"))).isHidden();
		// a viewer's cards are not buttons: a tap opens nothing, and a swipe deletes
		// nothing
		Locator cards = phone.locator("#expense-section .entry-card");
		assertThat(cards).hasCount(2);
		assertThat(phone.locator("#expense-section button.entry-card")).hasCount(0);
		cards.first().click();
		com.microsoft.playwright.options.BoundingBox card = cards.first().boundingBox();
		phone.mouse().move(card.x + card.width * 0.8, card.y + card.height / 2);
		phone.mouse().down();
		phone.mouse()
			.move(card.x + 10, card.y + card.height / 2, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(10));
		phone.mouse().up();
		assertThat(cards).hasCount(2);
		assertThat(phone.locator("body")).not().hasClass(Pattern.compile("sheet-open"));
		assertThat(phone.getByRole(AriaRole.DIALOG)).hasCount(0);
		phone.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", "viewer-phone.png")));

		// switching to B's own household brings the controls back
		desktop.locator("#household").selectOption(String.valueOf(householdB));
		assertThat(desktop.locator("#household option:checked")).containsText("(owner)");
		assertThat(desktop.locator("body")).hasAttribute("data-ready", "true");
		assertThat(desktop.locator("#household-view-only")).isHidden();
		assertThat(desktop.locator("#expense-section tbody tr")).containsText("Own " + tag);
		assertThat(desktop.locator("#expense-section .trash:visible")).hasCount(1);
		desktop.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add expense")).click();
		assertThat(desktop.locator("#expense-section .add-form")).isVisible();
		desktop.locator("#expense-section tbody tr").first().locator("td[data-field=notes]").click();
		assertThat(desktop.locator("td.editing input")).isVisible();

		phone = signedIn(b, true);
		assertThat(phone.locator("#household option:checked")).containsText("(owner)");
		assertThat(phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add transaction")))
			.isVisible();
		phone.locator("#expense-section .entry-card").first().click();
		assertThat(phone.getByRole(AriaRole.DIALOG)).isVisible();
		assertThat(phone.getByRole(AriaRole.DIALOG)
			.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete").setExact(true))).isVisible();
	}

	private static void assertReadOnly(Page page, UserAccount a, UserAccount b, String tag) {
		assertThat(page.locator("#household option:checked")).containsText("(viewer)");
		// on a phone the badge is in the header's menu, with the household
		HeaderMenu.open(page);
		Locator badge = page.getByRole(AriaRole.NOTE,
				new Page.GetByRoleOptions().setName(Pattern.compile("View only")));
		assertThat(badge).isVisible();
		assertThat(badge).hasText("View only");
		Locator rows = page.locator("#expense-section tbody tr");
		assertThat(rows).hasCount(2);
		assertThat(rows.filter(new Locator.FilterOptions().setHasText("Groceries " + tag))).containsText("12.50");
		assertThat(rows.filter(new Locator.FilterOptions().setHasText("Bakery " + tag))).containsText("17.50");
		assertThat(page.locator("#total-expenses")).containsText("30.00");
		assertThat(page.locator(".add-btn:visible, .add-form:visible, #fab:visible")).hasCount(0);
		assertThat(page.locator(".trash:visible, [data-action=delete]:visible")).hasCount(0);
		assertThat(page.locator("[data-action=edit]:visible, [data-action=toggle-select]:visible")).hasCount(0);
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Balance"))).isVisible();
		HeaderMenu.close(page);
		assertThat(page.locator("#filter-q")).isVisible();
		assertThat(page.locator("#month")).isVisible();
	}

}
