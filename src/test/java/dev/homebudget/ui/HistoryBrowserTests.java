package dev.homebudget.ui;

import java.time.LocalDate;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Undo after a delete (a tap on a phone, the keyboard on a desktop, Ctrl+Z after a bulk
 * delete), a row's history, the trash page with Restore, and the activity page; axe-core
 * finds nothing in light and dark mode.
 */
class HistoryBrowserTests extends BrowserTestSupport {

	private final String today = LocalDate.now().toString();

	@BeforeEach
	void emptyLedgerAndTrash() {
		// the month view counts rows: another class's rows of today (the shared "ui"
		// database)
		// must not be in it; removed without recording them
		sql("BEGIN; SET LOCAL hbw.history = 'off'; DELETE FROM expenses; DELETE FROM incomes; COMMIT; "
				+ "DELETE FROM trashed_entries; DELETE FROM history_events");
	}

	private int expense(String business, String amount) {
		return create("expense", "{\"date\":\"" + this.today + "\",\"business\":\"" + business
				+ "\",\"category\":\"Food\",\"amount\":" + amount + ",\"account\":\"Cash\"}")
			.get("id")
			.asInt();
	}

	private Locator button(Locator scope, String name) {
		return scope.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name));
	}

	/** A row's History button; on a phone, History on the card's edit sheet. */
	private void openHistory(String business, String viewport) {
		if (mobile(viewport)) {
			activate(row("expense", business), viewport);
			activate(button(dialog("Edit expense"), "History"), viewport);
		}
		else {
			activate(button(row("expense", business), "History of expense"), viewport);
		}
	}

	private Locator dialog(String name) {
		return this.page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName(name));
	}

	@ParameterizedTest
	@ValueSource(strings = { "desktop", "mobile" })
	void aDeleteIsUndoneFromTheToastAndTheRowShowsItsHistory(String viewport) {
		expense("Bakery", "42.00");
		Page page = open(viewport);
		if (mobile(viewport)) {
			// a phone's card opens the edit sheet, which has Delete
			activate(row("expense", "Bakery"), viewport);
			activate(dialog("Edit expense").getByRole(AriaRole.BUTTON,
					new Locator.GetByRoleOptions().setName("Delete").setExact(true)), viewport);
		}
		else {
			activate(button(row("expense", "Bakery"), "Delete expense"), viewport);
			activate(row("expense", "Bakery").getByRole(AriaRole.BUTTON,
					new Locator.GetByRoleOptions().setName("Delete").setExact(true)), viewport);
		}
		assertThat(row("expense", "Bakery")).hasCount(0);
		Locator undo = this.page.locator("#toasts")
			.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Undo: Expense deleted"));
		assertThat(undo).isVisible();
		activate(undo, viewport);
		assertThat(toast("Undone: Expense deleted")).isVisible();
		assertThat(row("expense", "Bakery")).hasCount(1);
		assertThat(list("expense")).hasSize(1);

		openHistory("Bakery", viewport);
		Locator history = dialog("History");
		assertThat(history).isVisible();
		assertThat(history.locator(".history-item")).hasCount(3);
		assertThat(history.locator(".history-item").nth(0)).containsText("You restored");
		assertThat(history.locator(".history-item").nth(1)).containsText("You deleted");
		assertThat(history.locator(".history-item").nth(2)).containsText("You added");
		Axe.assertNoViolations(page, "with a row's history open (light)");
		history.press("Escape");
		assertThat(history).isHidden();

		// an edit reads as what changed
		api("PUT", "/api/v1/expense/" + list("expense").get(0).get("id").asInt(), "{\"amount\":24}");
		page.reload();
		assertThat(page.locator("body")).hasAttribute("data-ready", "true");
		openHistory("Bakery", viewport);
		assertThat(history.locator(".history-item").nth(0)).containsText("You changed amount 42.00 \u2192 24.00");
		assertThat(history.locator(".history-item").nth(0)).containsText(", api");
	}

	@Test
	void ctrlZUndoesABulkDeleteOnADesktop() {
		expense("One", "1.00");
		expense("Two", "2.00");
		Page page = open("desktop");
		Locator expenses = section("expense");
		button(expenses, "Select").first().click();
		expenses.getByRole(AriaRole.CHECKBOX, new Locator.GetByRoleOptions().setName("Select all expenses")).check();
		button(expenses, "Delete selected").click();
		button(expenses, "Yes, delete").click();
		assertThat(toast("2 expenses deleted")).isVisible();
		assertThat(rows("expense")).hasCount(0);
		page.locator("body").press("Control+z");
		assertThat(toast("Undone: 2 expenses deleted")).isVisible();
		assertThat(rows("expense")).hasCount(2);
	}

	@ParameterizedTest
	@ValueSource(strings = { "desktop", "mobile" })
	void theTrashPageRestoresAndTheActivityPageListsChanges(String viewport) {
		int kept = expense("Kept away", "5.00");
		int back = expense("Coming back", "7.00");
		api("POST", "/api/v1/expense/bulk-delete", "{\"ids\":[" + kept + "," + back + "]}");
		Page page = open(viewport, ColorScheme.DARK);
		HeaderMenu.open(page);
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Trash").setExact(true)))
			.isVisible();
		// the header's buttons wrap instead of widening the page on a phone
		assertThat((Integer) page.evaluate("() => document.documentElement.scrollWidth"))
			.isLessThanOrEqualTo(mobile(viewport) ? 390 : 1280);
		HeaderMenu.open(page);
		activate(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Trash").setExact(true)),
				viewport);
		Locator trash = dialog("Trash");
		assertThat(trash.locator("tbody tr")).hasCount(2);
		Axe.assertNoViolations(page, "on the trash page (dark)");
		activate(button(trash.locator("tbody tr").filter(new Locator.FilterOptions().setHasText("Coming back")),
				"Restore"), viewport);
		assertThat(trash.getByRole(AriaRole.STATUS)).containsText("Restored expense Coming back");
		assertThat(trash.locator("tbody tr")).hasCount(1);
		button(trash, "Close").click();
		assertThat(row("expense", "Coming back")).hasCount(1);
		assertThat(row("expense", "Kept away")).hasCount(0);

		HeaderMenu.open(page);
		activate(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Activity").setExact(true)),
				viewport);
		Locator activity = dialog("Activity");
		assertThat(activity.locator(".history-item").first()).containsText("You restored expense #" + back);
		Axe.assertNoViolations(page, "on the activity page (dark)");
		activity.getByLabel("What").selectOption("income");
		assertThat(activity.locator(".history-item")).hasCount(0);
		assertThat(activity.locator("[data-none]")).hasText("Nothing has changed yet.");
	}

}
