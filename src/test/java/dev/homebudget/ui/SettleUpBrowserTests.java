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
 * one member's expenses. And the edit sheet's payer controls: pre-filled from the row,
 * and only what changed is sent.
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
		HeaderMenu.open(pageB);
		pageB.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Balance")).click();
		Locator transfers = pageB.locator("#balance-transfers");
		assertThat(transfers).containsText(b.username() + " owes " + a.username() + " 15.70");
		assertThat(pageB.locator("#balance-members")).containsText("owes 15.70");
		pageB.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", "balance.png")));
		// asked first, with the day it was paid (default today) and a note
		transfers.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Settle up")).first().click();
		assertThat(transfers).containsText("Record that " + b.username() + " paid " + a.username() + " 15.70?");
		assertThat(transfers.getByLabel("Paid on")).hasValue(java.time.LocalDate.now().toString());
		assertThat(this.jdbc.sql("SELECT count(*) FROM settlements WHERE household_id = :h")
			.param("h", household)
			.query(Integer.class)
			.single()).isZero();
		transfers.getByLabel("Paid on").fill("2026-01-15");
		transfers.getByLabel("Note (optional)").fill("bank transfer");
		transfers.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record it")).click();
		assertThat(transfers).containsText("Everyone is settled up.");
		assertThat(this.jdbc.sql("SELECT date || ' ' || notes FROM settlements WHERE household_id = :h")
			.param("h", household)
			.query(String.class)
			.single()).isEqualTo("2026-01-15 bank transfer");
		assertThat(pageB.locator("#balance-members")).containsText(a.username() + ": paid 31.41, share 15.71, settled");
		assertThat(this.jdbc.sql("SELECT count(*) || ' ' || sum(amount) FROM settlements WHERE household_id = :h")
			.param("h", household)
			.query(String.class)
			.single()).isEqualTo("1 15.70");
	}

	private String split(int expense) {
		return this.jdbc.sql("""
				SELECT coalesce(e.paid_by::text, '-') || ' ' || coalesce(e.for_whom::text, '-') || ' '
				    || coalesce((SELECT string_agg(s.user_id || '=' || s.amount, ',' ORDER BY s.user_id)
				                 FROM expense_shares s WHERE s.expense_id = e.id), '')
				FROM expenses e WHERE e.id = :id""").param("id", expense).query(String.class).single();
	}

	@Test
	void theEditSheetShowsTheRowsPayersAndSendsOnlyWhatChanged() {
		UserAccount a = newUser("ea");
		UserAccount b = newUser("eb");
		int household = currentHousehold(a);
		this.jdbc.sql("INSERT INTO household_members (household_id, user_id, role) VALUES (:h, :u, 'member')")
			.param("h", household)
			.param("u", b.id())
			.update();
		String tag = UUID.randomUUID().toString().substring(0, 6);
		// shared, paid by A (the odd cent to the lower id, A): stays as it is
		int kept = expense(household, "Kept " + tag, "31.41", a.id());
		share(kept, a.id(), "15.71");
		share(kept, b.id(), "15.70");
		// shared, paid by A: edited to "for B", paid by B
		int edited = expense(household, "Edited " + tag, "20.00", a.id());
		share(edited, a.id(), "10.00");
		share(edited, b.id(), "10.00");
		// custom shares, paid by A: another field changes, the shares stay
		int custom = expense(household, "Custom " + tag, "10.00", a.id());
		share(custom, a.id(), "3.00");
		share(custom, b.id(), "7.00");
		// unknown payer (a row from before V9): another field changes, the payer stays
		// unknown
		int unknown = expense(household, "Unknown " + tag, "5.00", null);

		Page page = signedIn(a, true);
		Locator sheet = page.getByRole(AriaRole.DIALOG);
		// a phone shows the month as cards, each with who paid
		Locator rows = page.locator("#expense-section .entry-card");
		Locator editedCard = rows.filter(new Locator.FilterOptions().setHasText("Edited " + tag));
		assertThat(editedCard.locator(".entry-card-payer")).hasText("Paid by " + a.username());
		assertThat(rows.filter(new Locator.FilterOptions().setHasText("Unknown " + tag)).locator(".entry-card-payer"))
			.hasText("Payer unknown");

		editedCard.click();
		assertThat(sheet).isVisible();
		assertThat(sheet.getByLabel("Paid by").locator("option:checked")).hasText("Me (" + a.username() + ")");
		assertThat(sheet.getByLabel("For whom").locator("option:checked")).hasText("Shared");
		sheet.getByLabel("Paid by").selectOption(String.valueOf(b.id()));
		sheet.getByLabel("For whom").selectOption(String.valueOf(b.id()));
		page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", "edit-payers.png")));
		sheet.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
		assertThat(sheet).isHidden();
		assertThat(page.locator("#toasts")).containsText("Transaction updated");
		assertThat(split(edited)).isEqualTo(b.id() + " " + b.id() + " " + b.id() + "=20.00");
		assertThat(editedCard.locator(".entry-card-payer")).hasText("Paid by " + b.username());

		rows.filter(new Locator.FilterOptions().setHasText("Custom " + tag)).click();
		assertThat(sheet.getByLabel("Paid by").locator("option:checked")).hasText("Me (" + a.username() + ")");
		assertThat(sheet.getByLabel("For whom").locator("option:checked")).hasText("Custom split");
		sheet.getByLabel("Notes").fill("custom kept");
		sheet.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
		assertThat(sheet).isHidden();
		assertThat(this.jdbc.sql("SELECT notes FROM expenses WHERE id = :id")
			.param("id", custom)
			.query(String.class)
			.single()).isEqualTo("custom kept");
		assertThat(split(custom)).isEqualTo(a.id() + " - " + a.id() + "=3.00," + b.id() + "=7.00");

		rows.filter(new Locator.FilterOptions().setHasText("Unknown " + tag)).click();
		assertThat(sheet.getByLabel("Paid by").locator("option:checked")).hasText("Unknown");
		sheet.getByLabel("Notes").fill("still unknown");
		sheet.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
		assertThat(sheet).isHidden();
		assertThat(this.jdbc.sql("SELECT notes FROM expenses WHERE id = :id")
			.param("id", unknown)
			.query(String.class)
			.single()).isEqualTo("still unknown");
		assertThat(split(unknown)).isEqualTo("- - ");
		assertThat(split(kept)).isEqualTo(a.id() + " - " + a.id() + "=15.71," + b.id() + "=15.70");

		// A paid 31.41 + 10.00, share 15.71 + 3.00; B paid 20.00, share 15.70 + 20.00 +
		// 7.00
		HeaderMenu.open(page);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Balance")).click();
		Locator members = page.locator("#balance-members");
		assertThat(members).containsText(a.username() + ": paid 41.41, share 18.71, is owed 22.70");
		assertThat(members).containsText(b.username() + ": paid 20.00, share 42.70, owes 22.70");
		assertThat(page.locator("#balance-transfers li")).hasCount(1);
		assertThat(page.locator("#balance-transfers li"))
			.containsText(b.username() + " owes " + a.username() + " 22.70");
		page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", "edit-balance.png")));

		// an inline (desktop) edit of a cell leaves the payers alone
		Page desktop = signedIn(a);
		desktop.locator("#expense-section tbody tr")
			.filter(new Locator.FilterOptions().setHasText("Edited " + tag))
			.locator("td[data-field=notes]")
			.click();
		desktop.locator("#expense-section td.editing input").fill("inline");
		desktop.locator("#expense-section td.editing input").press("Enter");
		assertThat(desktop.locator("#toasts")).containsText("Notes saved");
		assertThat(split(edited)).isEqualTo(b.id() + " " + b.id() + " " + b.id() + "=20.00");
	}

}
