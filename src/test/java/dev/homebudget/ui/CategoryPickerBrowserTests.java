package dev.homebudget.ui;

import java.time.LocalDate;
import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The category pickers: the desktop add form and inline editing (keyboard), the phone's
 * bottom sheet (touch). An existing category is chosen from the list under its group
 * (archived ones are not offered), a new name is saved only after "Create category ...?",
 * and a business fills in the category and account last used with it. axe-core finds
 * nothing with the list open, in light and dark mode.
 */
class CategoryPickerBrowserTests extends BrowserTestSupport {

	private final String today = LocalDate.now().toString();

	/**
	 * Food (a group) with Restaurants and Groceries, Travel, and the archived Old; one
	 * SuperSal expense (Groceries, Visa 1234).
	 */
	private void categories() {
		int food = category("expense", "Food", null);
		category("expense", "Restaurants", food);
		category("expense", "Groceries", food);
		category("expense", "Travel", null);
		int old = category("expense", "Old", null);
		api("PATCH", "/api/v1/categories/" + old, "{\"archived\":true}");
		create("expense", "{\"date\":\"" + this.today
				+ "\",\"business\":\"SuperSal\",\"category\":\"Groceries\",\"amount\":100,\"account\":\"Visa 1234\"}");
	}

	private static Locator listbox(Locator scope) {
		return scope.getByRole(AriaRole.LISTBOX);
	}

	private static Locator option(Locator scope, String name) {
		return scope.getByRole(AriaRole.OPTION, new Locator.GetByRoleOptions().setName(name).setExact(true));
	}

	@Test
	void desktopPickerChoosesFromTheListCreatesANewCategoryAfterAYesAndFillsInFromTheBusiness() {
		categories();
		Page page = open("desktop");
		section("expense").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add expense")).click();
		Locator form = section("expense").locator("form.add-form");
		Locator category = form.getByRole(AriaRole.COMBOBOX, new Locator.GetByRoleOptions().setName("Category"));
		assertThat(category).hasAttribute("aria-expanded", "false");

		// the business fills in the category and account of the last time (any case)
		form.getByLabel("Business").fill("supersal");
		form.getByLabel("Business").press("Tab");
		assertThat(category).hasValue("Groceries");
		assertThat(form.getByLabel("Account")).hasValue("Visa 1234");
		assertThat(form.locator(".field-hint")).hasText("As last time for supersal");

		// typing narrows the list; the group shows above its categories; archived ones
		// are not offered; arrows and Enter choose
		category.fill("");
		assertThat(form.locator(".field-hint")).isEmpty();
		category.pressSequentially("r");
		Locator list = listbox(form);
		assertThat(list).isVisible();
		assertThat(category).hasAttribute("aria-expanded", "true");
		assertThat(list.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("Food")))
			.containsText("Restaurants");
		assertThat(option(list, "Old")).hasCount(0);
		Axe.assertNoViolations(page, "with the picker open (light)");
		category.fill("rest");
		assertThat(list.getByRole(AriaRole.OPTION)).hasCount(1);
		category.press("ArrowDown");
		assertThat(option(list, "Restaurants")).hasClass(java.util.regex.Pattern.compile("active"));
		category.press("Enter");
		assertThat(list).isHidden();
		assertThat(category).hasValue("Restaurants");
		assertThat(form).isVisible();
		form.getByLabel("Amount").fill("42");
		category.press("Enter");
		assertThat(row("expense", "42.00")).containsText("Restaurants");
		assertThat(row("expense", "42.00")).containsText("Visa 1234");

		// a new name: nothing is saved before the yes; Cancel goes back to the field
		section("expense").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add expense")).click();
		category.fill("Books");
		form.getByLabel("Amount").fill("15");
		form.getByLabel("Account").fill("Cash");
		form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
		Locator question = form.getByRole(AriaRole.GROUP,
				new Locator.GetByRoleOptions().setName("Create category \u201cBooks\u201d?"));
		assertThat(question).isVisible();
		assertThat(question.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create"))).isFocused();
		screenshot("create");
		page.keyboard().press("Escape");
		assertThat(question).isHidden();
		assertThat(category).isFocused();
		assertThat(form).isVisible();
		assertThat(list("expense")).hasSize(2);
		form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
		question.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create")).click();
		assertThat(row("expense", "15.00")).containsText("Books");
		assertThat(api("GET", "/api/v1/categories?kind=expense", null).findValuesAsString("name")).contains("Books");

		// inline editing: the cell's field is a picker too, and a new name asks as well
		Locator cell = row("expense", "15.00").locator("td[data-field=category]");
		cell.click();
		Locator input = cell.getByRole(AriaRole.COMBOBOX);
		input.fill("Trav");
		input.press("ArrowDown");
		input.press("Enter");
		assertThat(input).hasValue("Travel");
		input.fill("Holidays");
		input.press("Enter");
		Locator ask = cell.getByRole(AriaRole.GROUP,
				new Locator.GetByRoleOptions().setName("Create category \u201cHolidays\u201d?"));
		assertThat(ask).isVisible();
		ask.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create")).press("Enter");
		assertThat(toast("Category saved")).isVisible();
		assertThat(cell).hasText("Holidays");
		List<String> names = api("GET", "/api/v1/categories?kind=expense", null).findValuesAsString("name");
		assertThat(names).contains("Holidays");
		assertThat(names).doesNotContain("Trav");
	}

	@Test
	void mobileSheetPicksWithATapAsksBeforeCreatingAndFillsInFromTheBusiness() {
		categories();
		Page page = open("mobile", ColorScheme.DARK);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add transaction")).click();
		Locator sheet = page.getByRole(AriaRole.DIALOG);
		sheet.getByLabel("Business").fill("SuperSal");
		Locator category = sheet.getByRole(AriaRole.COMBOBOX, new Locator.GetByRoleOptions().setName("Category"));
		assertThat(category).hasValue("Groceries");
		assertThat(sheet.getByLabel("Account")).hasValue("Visa 1234");

		// a tap opens the whole list, a tap on a category takes it
		category.fill("");
		category.tap();
		Locator list = listbox(sheet);
		assertThat(list).isVisible();
		assertThat(option(list, "Travel")).isVisible();
		assertThat(option(list, "Old")).hasCount(0);
		Axe.assertNoViolations(page, "with the sheet's picker open (dark)");
		screenshot("list");
		option(list, "Restaurants").tap();
		assertThat(list).isHidden();
		assertThat(category).hasValue("Restaurants");
		sheet.getByLabel("Amount").fill("23.5");
		sheet.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).tap();
		assertThat(toast("Transaction added")).isVisible();
		assertThat(row("expense", "23.50")).containsText("Restaurants");

		// a new name in the sheet asks first
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add transaction")).click();
		sheet.getByLabel("Type").selectOption("income");
		category.fill("Bonus");
		sheet.getByLabel("Amount").fill("500");
		sheet.getByLabel("Account").fill("Bank");
		sheet.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).tap();
		Locator question = sheet.getByRole(AriaRole.GROUP,
				new Locator.GetByRoleOptions().setName("Create category \u201cBonus\u201d?"));
		assertThat(question).isVisible();
		assertThat(list("income")).isEmpty();
		question.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create")).tap();
		assertThat(toast("Transaction added")).isVisible();
		assertThat(row("income", "500.00")).containsText("Bonus");
		assertThat(api("GET", "/api/v1/categories?kind=income", null).findValuesAsString("name"))
			.containsExactly("Bonus");
	}

}
