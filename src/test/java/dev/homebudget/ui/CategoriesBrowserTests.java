package dev.homebudget.ui;

import java.time.LocalDate;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The categories page on a desktop and a phone: create, rename and regroup, reorder,
 * merge from a row with a preview of the entries that move, merge a possible duplicate,
 * archive, delete an empty category, Escape; axe-core finds nothing in light and dark
 * mode.
 */
class CategoriesBrowserTests extends BrowserTestSupport {

	private final String today = LocalDate.now().toString();

	private void expense(String business, String category, String amount) {
		create("expense", "{\"date\":\"" + this.today + "\",\"business\":\"" + business + "\",\"category\":\""
				+ category + "\",\"amount\":" + amount + ",\"account\":\"Cash\"}");
	}

	private Locator dialog() {
		return this.page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Categories"));
	}

	/** A category's row line (name, count, buttons), by its exact name. */
	private Locator line(String name) {
		return dialog().locator(".cat-line")
			.filter(new Locator.FilterOptions()
				.setHas(this.page.locator(".cat-name").getByText(name, new Locator.GetByTextOptions().setExact(true))));
	}

	private Locator button(Locator scope, String name) {
		return scope.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
	}

	private void edit(String name) {
		button(line(name), "Edit " + name).click();
		assertThat(dialog().getByLabel("Name", new Locator.GetByLabelOptions().setExact(true))).isFocused();
	}

	@ParameterizedTest
	@ValueSource(strings = { "desktop", "mobile" })
	void theCategoriesPageCreatesRenamesMergesWithAPreviewAndArchives(String viewport) {
		expense("Pizza Place", "Restaurants", "40");
		expense("Burger Bar", "Restaurants", "25");
		expense("Sushi", "Restarants", "12");
		expense("Corner Cafe", "Coffee", "8");
		expense("Espresso Bar", "Coffee", "6");
		expense("SuperSal", "Groceries", "100");
		Page page = open(viewport);
		HeaderMenu.open(page);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Categories")).click();
		assertThat(dialog()).isVisible();
		assertThat(line("Restaurants")).containsText("2 entries");
		assertThat(line("Coffee")).containsText("2 entries");
		assertThat(line("Groceries")).containsText("1 entry");
		Axe.assertNoViolations(page, "on the categories page (light)");

		// create a group and move Groceries into it (the row's Edit panel, then Save)
		dialog().getByLabel("New category").fill("Food");
		button(dialog(), "Add").click();
		assertThat(dialog().getByRole(AriaRole.STATUS)).hasText("Added \u201cFood\u201d.");
		assertThat(line("Food")).containsText("no entries");
		edit("Groceries");
		dialog().getByLabel("Group", new Locator.GetByLabelOptions().setExact(true))
			.selectOption(new SelectOption().setLabel("Food"));
		button(dialog().locator(".cat-panel"), "Save").click();
		assertThat(dialog().getByRole(AriaRole.LIST, new Locator.GetByRoleOptions().setName("Categories in Food")))
			.containsText("Groceries");

		// rename in place: Enter saves, the entries show the new name
		edit("Groceries");
		dialog().getByLabel("Name", new Locator.GetByLabelOptions().setExact(true)).fill("Supermarket");
		dialog().getByLabel("Name", new Locator.GetByLabelOptions().setExact(true)).press("Enter");
		assertThat(dialog().getByRole(AriaRole.STATUS))
			.hasText("Renamed \u201cGroceries\u201d to \u201cSupermarket\u201d.");
		assertThat(line("Supermarket")).containsText("1 entry");
		assertThat(button(line("Supermarket"), "Edit Supermarket")).isFocused();

		// reorder the top level: the last one up, and the arrow keeps the focus
		Locator names = dialog().locator("#category-list > .cat-item > .cat-line .cat-name");
		assertThat(names).hasText(new String[] { "Coffee", "Food", "Restarants", "Restaurants" });
		button(line("Restaurants"), "Move Restaurants up").click();
		assertThat(names).hasText(new String[] { "Coffee", "Food", "Restaurants", "Restarants" });
		assertThat(button(line("Restaurants"), "Move Restaurants up")).isFocused();

		// merge from the row, with a preview of how many entries move
		edit("Coffee");
		dialog().getByLabel("Merge into").selectOption(new SelectOption().setLabel("Restaurants"));
		button(dialog(), "Merge\u2026").click();
		Locator preview = dialog().locator(".cat-confirm");
		assertThat(preview).containsText("Move 2 entries from \u201cCoffee\u201d into \u201cRestaurants\u201d?");
		assertThat(button(preview, "Merge")).isFocused();
		screenshot("merge-preview");
		button(preview, "Cancel").click();
		assertThat(preview).hasCount(0);
		assertThat(line("Coffee")).containsText("2 entries");
		button(dialog(), "Merge\u2026").click();
		button(preview, "Merge").click();
		assertThat(dialog().getByRole(AriaRole.STATUS))
			.hasText("Merged \u201cCoffee\u201d into \u201cRestaurants\u201d: 2 entries moved.");
		assertThat(line("Coffee")).hasCount(0);
		assertThat(line("Restaurants")).containsText("4 entries");

		// a possible duplicate, merged from the list with the same preview
		Locator duplicates = dialog().getByRole(AriaRole.REGION,
				new Locator.GetByRoleOptions().setName("Possible duplicates"));
		assertThat(duplicates).containsText("\u201cRestarants\u201d (1 entry) and \u201cRestaurants\u201d (4 entries)");
		button(duplicates, "Merge into \u201cRestaurants\u201d").click();
		assertThat(duplicates.locator(".cat-confirm"))
			.containsText("Move 1 entry from \u201cRestarants\u201d into \u201cRestaurants\u201d?");
		Axe.assertNoViolations(page, "with a merge preview (light)");
		button(duplicates.locator(".cat-confirm"), "Merge").click();
		assertThat(duplicates).isHidden();
		assertThat(line("Restaurants")).containsText("5 entries");
		assertThat(line("Restarants")).hasCount(0);

		// archive (kept, marked), and delete a category without entries
		edit("Supermarket");
		button(dialog().locator(".cat-panel"), "Archive").click();
		assertThat(dialog().locator(".cat-archived")).containsText("Archived");
		dialog().getByLabel("New category").fill("Temporary");
		dialog().getByLabel("New category").press("Enter");
		assertThat(line("Temporary")).containsText("no entries");
		edit("Temporary");
		button(dialog().locator(".cat-panel"), "Delete").click();
		button(dialog().locator(".cat-confirm"), "Yes, delete").click();
		assertThat(dialog().getByRole(AriaRole.STATUS)).hasText("Deleted \u201cTemporary\u201d.");
		assertThat(line("Temporary")).hasCount(0);
		screenshot("page");

		// Escape closes an open panel first, then the page; the entries show the new
		// names
		edit("Food");
		page.keyboard().press("Escape");
		assertThat(dialog().locator(".cat-panel")).hasCount(0);
		assertThat(dialog()).isVisible();
		page.keyboard().press("Escape");
		assertThat(dialog()).isHidden();
		assertThat(row("expense", "Corner Cafe")).containsText("Restaurants");
		assertThat(row("expense", "Sushi")).containsText("Restaurants");
		assertThat(row("expense", "SuperSal")).containsText("Supermarket");

		JsonNode categories = api("GET", "/api/v1/categories?kind=expense", null);
		assertThat(categories.findValuesAsString("name")).containsExactly("Food", "Supermarket", "Restaurants");
		assertThat(categories.get(1).get("archived").asBoolean()).isTrue();

		// the same page in dark mode, a row's panel open
		open(viewport, ColorScheme.DARK);
		HeaderMenu.open(this.page);
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Categories")).click();
		edit("Restaurants");
		Axe.assertNoViolations(this.page, "on the categories page (dark)");
	}

	@ParameterizedTest
	@ValueSource(strings = { "desktop", "mobile" })
	void theStrictSwitchTurnsStrictCategoriesOnAndOff(String viewport) {
		category("expense", "Groceries", null);
		Page page = open(viewport);
		HeaderMenu.open(page);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Categories")).click();
		Locator strict = dialog().getByRole(AriaRole.SWITCH,
				new Locator.GetByRoleOptions().setName("Only categories from this list"));
		assertThat(strict).isVisible();
		assertThat(strict).not().isChecked();
		assertThat(strict).isEnabled();

		strict.click();
		assertThat(dialog().getByRole(AriaRole.STATUS)).hasText("Only categories from this list can be used now.");
		assertThat(strict).isChecked();
		assertThat(api("GET", "/api/v1/settings", null).get("strict_categories").asBoolean()).isTrue();

		// kept: the page opened again shows it on
		dialog().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close").setExact(true)).click();
		HeaderMenu.open(page);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Categories")).click();
		assertThat(strict).isChecked();

		strict.click();
		assertThat(dialog().getByRole(AriaRole.STATUS)).hasText("A new category name adds the category again.");
		assertThat(strict).not().isChecked();
		assertThat(api("GET", "/api/v1/settings", null).get("strict_categories").asBoolean()).isFalse();
	}

}
