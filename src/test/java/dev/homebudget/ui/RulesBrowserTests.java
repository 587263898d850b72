package dev.homebudget.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The Rules page: the household's rules in their order, in words; a rule added through
 * the form, moved up, edited and deleted. On a phone (taps, 390×844) and a desktop
 * (keyboard); axe-core finds nothing in light and dark mode.
 */
class RulesBrowserTests extends BrowserTestSupport {

	private static Locator button(Locator scope, String name) {
		return scope.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
	}

	private static Locator field(Locator scope, String label) {
		return scope.getByLabel(label, new Locator.GetByLabelOptions().setExact(true));
	}

	@ParameterizedTest
	@ValueSource(strings = { "desktop", "mobile" })
	void rulesAreAddedReorderedEditedAndDeleted(String viewport) {
		sql("DELETE FROM rules");
		try {
			api("POST", "/api/v1/rules", "{\"name\":\"Fuel\",\"conditions\":{\"payee\":{\"op\":\"regex\","
					+ "\"value\":\"^paz\"}},\"actions\":{\"category\":\"Car\"}}");
			Page dark = open(viewport, ColorScheme.DARK);
			HeaderMenu.open(dark);
			activate(dark.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rules").setExact(true)),
					viewport);
			Locator darkDialog = dark.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Rules"));
			assertThat(darkDialog.locator(".rule-item")).hasCount(1);
			Axe.assertNoViolations(dark, "with the Rules page (dark)");

			Page page = open(viewport);
			HeaderMenu.open(page);
			activate(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rules").setExact(true)),
					viewport);
			Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Rules"));
			Locator items = dialog.locator(".rule-item");
			assertThat(items).hasCount(1);
			assertThat(items.first()).containsText("1. Fuel");
			assertThat(items.first()).containsText("When payee matches “^paz” → category Car");

			activate(button(dialog, "Add rule"), viewport);
			assertThat(field(dialog, "Name")).isFocused();
			field(dialog, "Name").fill("Groceries");
			field(dialog, "Payee text").fill("shufersal");
			field(dialog, "Kind").selectOption("expense");
			field(dialog, "Category").fill("Groceries");
			field(dialog, "Business").fill("Shufersal");
			Axe.assertNoViolations(page, "with the rule form");
			activate(button(dialog, "Save rule"), viewport);
			assertThat(items).hasCount(2);
			assertThat(items.nth(1)).containsText("2. Groceries");
			assertThat(items.nth(1))
				.containsText("When payee contains “shufersal”, an expense → category Groceries, business Shufersal");
			assertThat(dialog.locator("#rules-message")).hasText("Groceries saved");

			activate(button(dialog, "Move Groceries up"), viewport);
			assertThat(items.first()).containsText("1. Groceries");
			assertThat(items.nth(1)).containsText("2. Fuel");
			assertThat(dialog.locator("#rules-message")).hasText("Groceries moved up");
			JsonNode rules = api("GET", "/api/v1/rules", null);
			org.assertj.core.api.Assertions.assertThat(rules.get(0).get("name").asString()).isEqualTo("Groceries");
			org.assertj.core.api.Assertions.assertThat(rules.get(1).get("name").asString()).isEqualTo("Fuel");

			activate(button(dialog, "Edit Fuel"), viewport);
			assertThat(field(dialog, "Name")).hasValue("Fuel");
			assertThat(field(dialog, "How the payee is compared")).hasValue("regex");
			field(dialog, "Category").fill("Fuel");
			// saved from the keyboard: Enter, or the phone keyboard's Go
			field(dialog, "Category").press("Enter");
			assertThat(items.nth(1)).containsText("→ category Fuel");
			org.assertj.core.api.Assertions.assertThat(api("GET", "/api/v1/rules", null).get(1).get("version").asInt())
				.isEqualTo(2);

			activate(button(dialog, "Delete Groceries"), viewport);
			assertThat(items).hasCount(1);
			assertThat(items.first()).containsText("1. Fuel");
			Axe.assertNoViolations(page, "with the Rules page");
			activate(button(dialog, "Close"), viewport);
			assertThat(dialog).isHidden();
			// the header's buttons, Rules among them, wrap on a phone instead of widening
			// the page
			org.assertj.core.api.Assertions
				.assertThat((Integer) page.evaluate("() => document.documentElement.scrollWidth"))
				.isLessThanOrEqualTo("mobile".equals(viewport) ? 390 : 1280);
		}
		finally {
			sql("DELETE FROM rules");
		}
	}

	/**
	 * A rule applied to the entries already there: previewed (what would change, nothing
	 * written), then applied on confirmation, and the table shows the new category. A
	 * business moved to one category by hand three times is offered as a rule, which the
	 * form opens filled in.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "desktop", "mobile" })
	void aRuleIsPreviewedAndAppliedToExistingEntriesAndASuggestionBecomesARule(String viewport) {
		sql("DELETE FROM rules");
		try {
			String month = java.time.YearMonth.now().toString();
			for (int i = 1; i <= 2; i++) {
				expense(month + "-0" + i, "Zephyr Fuel " + i, "Other", "50.00", "₪");
			}
			expense(month + "-03", "Bakery", "Other", "9.00", "₪");
			java.util.List<Integer> kiosk = new java.util.ArrayList<>();
			for (int i = 0; i < 3; i++) {
				kiosk.add(
						create("expense",
								"{\"date\":\"" + month + "-04\",\"business\":\"Quokka Kiosk\","
										+ "\"category\":\"Other\",\"amount\":4,\"account\":\"Cash\"}")
							.get("id")
							.asInt());
			}
			for (int id : kiosk) {
				api("PUT", "/api/v1/expense/" + id, "{\"category\":\"Snacks\"}");
			}
			int rule = api("POST", "/api/v1/rules",
					"{\"name\":\"Zephyr\",\"conditions\":{\"payee\":{\"op\":"
							+ "\"contains\",\"value\":\"zephyr\"}},\"actions\":{\"category\":\"Car fuel\"}}")
				.get("id")
				.asInt();

			Page page = open(viewport);
			HeaderMenu.open(page);
			activate(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rules").setExact(true)),
					viewport);
			Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Rules"));
			activate(button(dialog, "Apply Zephyr to existing entries"), viewport);
			Locator apply = dialog.getByRole(AriaRole.REGION, new Locator.GetByRoleOptions().setName("Apply Zephyr"));
			assertThat(apply).containsText("2 of");
			Locator changes = apply.getByRole(AriaRole.LIST,
					new Locator.GetByRoleOptions().setName("Entries the rule would change"));
			assertThat(changes.locator("li")).hasCount(2);
			assertThat(changes.locator("li").first()).containsText("category Other \u2192 Car fuel");
			assertThat(button(apply, "Apply to 2 entries")).isFocused();
			Axe.assertNoViolations(page, "with a rule's preview");
			// a preview writes nothing
			org.assertj.core.api.Assertions.assertThat(list("expense").findValues("category").toString())
				.doesNotContain("Car fuel");
			activate(button(apply, "Apply to 2 entries"), viewport);
			assertThat(dialog.locator("#rules-message")).hasText("Zephyr changed 2 entries.");
			assertThat(apply).isHidden();
			org.assertj.core.api.Assertions.assertThat(api("GET", "/api/v1/expense?category=Car%20fuel", null))
				.hasSize(2);
			org.assertj.core.api.Assertions
				.assertThat(api("GET", "/api/v1/activity?source=rule&kind=expense", null).toString())
				.contains("Car fuel");

			Locator suggestion = dialog.locator(".rule-suggestion")
				.filter(new Locator.FilterOptions().setHasText("Quokka Kiosk \u2192 Snacks (moved by hand 3 times)"));
			assertThat(suggestion).hasCount(1);
			activate(button(suggestion, "Make a rule for Quokka Kiosk"), viewport);
			assertThat(field(dialog, "Name")).isFocused();
			assertThat(field(dialog, "Category")).hasValue("Snacks");
			assertThat(field(dialog, "Payee text")).not().hasValue("");
			activate(button(dialog, "Save rule"), viewport);
			assertThat(dialog.locator(".rule-item")).hasCount(2);
			assertThat(dialog.locator(".rule-suggestion").filter(new Locator.FilterOptions().setHasText("Quokka")))
				.hasCount(0);
			Axe.assertNoViolations(page, "with the rules after applying");
			activate(button(dialog, "Close"), viewport);
			Locator table = section("expense");
			assertThat(table).containsText("Car fuel");
			org.assertj.core.api.Assertions.assertThat(rule).isPositive();
		}
		finally {
			sql("DELETE FROM rules");
		}
	}

}
