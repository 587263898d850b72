package dev.homebudget.ui;

import java.time.LocalDate;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The month view's Upcoming strip: a bill in confirm mode (an electricity bill of about
 * 60.00, daily here so that two are coming up) is listed with its amount; Confirm with
 * the real amount posts the expense, which the month then lists; Skip drops the other,
 * and the empty strip goes away. On a phone (taps) and a desktop (keyboard); axe-core
 * finds nothing in light and dark mode.
 */
class UpcomingBrowserTests extends BrowserTestSupport {

	@ParameterizedTest
	@ValueSource(strings = { "desktop", "mobile" })
	void confirmAndSkipFromTheUpcomingStrip(String viewport) {
		sql("DELETE FROM schedules");
		try {
			LocalDate today = LocalDate.now();
			api("POST", "/api/v1/schedules", "{\"kind\":\"expense\",\"template\":{\"business\":\"Electric\","
					+ "\"category\":\"Utilities\",\"amount\":\"60.00\",\"account\":\"Bank\"},\"rrule\":\"FREQ=DAILY\","
					+ "\"start\":\"" + today + "\",\"count\":2,\"mode\":\"confirm\",\"approximate\":true}");
			Page dark = open(viewport, ColorScheme.DARK);
			Locator strip = dark.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Upcoming"));
			assertThat(strip.locator(".upcoming-item")).hasCount(2);
			Axe.assertNoViolations(dark, "with the Upcoming strip (dark)");

			Page page = open(viewport);
			strip = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Upcoming"));
			Locator items = strip.locator(".upcoming-item");
			assertThat(items).hasCount(2);
			assertThat(items.first()).containsText("Electric");
			assertThat(items.first()).containsText("~\u00a0\u20aa\u00a060.00");
			Axe.assertNoViolations(page, "with the Upcoming strip");

			Locator amount = items.first().getByRole(AriaRole.TEXTBOX);
			amount.fill("61.20");
			activate(
					items.first()
						.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Confirm").setExact(false)),
					viewport);
			assertThat(row("expense", "Electric")).hasCount(1);
			assertThat(row("expense", "Electric")).containsText("61.20");
			assertThat(items).hasCount(1);
			assertThat(page.locator("#upcoming-message")).hasText("Electric confirmed");

			activate(
					items.first()
						.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Skip").setExact(false)),
					viewport);
			assertThat(strip).isHidden();
			assertThat(row("expense", "Electric")).hasCount(1);
		}
		finally {
			sql("DELETE FROM schedules");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "desktop", "mobile" })
	void repeatOnARowMakesItRecurring(String viewport) {
		sql("DELETE FROM schedules");
		try {
			LocalDate today = LocalDate.now();
			expense(today.toString(), "Landlord", "Rent", "4500.00", "ILS");
			Page page = open(viewport);
			if (mobile(viewport)) {
				// a phone's card opens the edit sheet, which has Repeat
				activate(row("expense", "Landlord"), viewport);
				activate(
						page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Edit expense"))
							.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Repeat this expense")),
						viewport);
			}
			else {
				activate(row("expense", "Landlord").getByRole(AriaRole.BUTTON,
						new Locator.GetByRoleOptions().setName("Repeat expense").setExact(false)), viewport);
			}
			Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Make recurring"));
			assertThat(dialog).isVisible();
			assertThat(dialog.getByLabel("Repeats")).isFocused();
			assertThat(dialog.getByLabel("Next on")).hasValue(today.plusMonths(1).toString());
			dialog.getByLabel("Post it").selectOption("confirm");
			Axe.assertNoViolations(page, "with the Make recurring dialog");
			activate(dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")), viewport);
			assertThat(dialog).isHidden();
			JsonNode schedules = api("GET", "/api/v1/schedules", null);
			org.assertj.core.api.Assertions.assertThat(schedules).hasSize(1);
			JsonNode schedule = schedules.get(0);
			org.assertj.core.api.Assertions.assertThat(schedule.get("rrule").asString())
				.isEqualTo("FREQ=MONTHLY;BYMONTHDAY=" + today.getDayOfMonth());
			org.assertj.core.api.Assertions.assertThat(schedule.get("mode").asString()).isEqualTo("confirm");
			org.assertj.core.api.Assertions.assertThat(schedule.get("template").get("business").asString())
				.isEqualTo("Landlord");
			org.assertj.core.api.Assertions.assertThat(schedule.get("next").get("date").asString())
				.isEqualTo(today.plusMonths(1).toString());
		}
		finally {
			sql("DELETE FROM schedules");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "desktop", "mobile" })
	void theSchedulesPageEditsPausesAndEnds(String viewport) {
		sql("DELETE FROM schedules");
		try {
			LocalDate start = LocalDate.now().plusMonths(1);
			api("POST", "/api/v1/schedules",
					"{\"kind\":\"expense\",\"template\":{\"business\":\"Gym\","
							+ "\"category\":\"Health\",\"amount\":\"30.00\",\"account\":\"Card\"},"
							+ "\"rrule\":\"FREQ=MONTHLY;BYMONTHDAY=-1\",\"start\":\"" + start + "\"}");
			api("POST", "/api/v1/schedules",
					"{\"kind\":\"expense\",\"template\":{\"business\":\"Laptop store\","
							+ "\"category\":\"Electronics\",\"account\":\"Visa\"},\"start\":\"" + start
							+ "\",\"instalments\":{\"total\":\"1200.00\",\"count\":12}}");
			Page page = open(viewport);
			HeaderMenu.open(page);
			activate(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Schedules").setExact(true)),
					viewport);
			Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Schedules"));
			Locator items = dialog.locator(".schedule-item");
			assertThat(items).hasCount(2);
			assertThat(items.first()).containsText("every month on its last day");
			assertThat(items.nth(1)).containsText("0 of 12 paid");
			assertThat(items.nth(1)).containsText("\u20aa\u00a0100.00");
			Axe.assertNoViolations(page, "with the schedules page");

			Locator amount = dialog.getByRole(AriaRole.TEXTBOX,
					new Locator.GetByRoleOptions().setName("Amount of Gym"));
			amount.fill("35.00");
			activate(
					dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save the amount of Gym")),
					viewport);
			assertThat(dialog.locator("#schedules-message")).hasText("Gym: amount saved");
			assertThat(items.first()).containsText("\u20aa\u00a035.00");

			// Edit…: every field but the start; only what changed is sent
			activate(dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit Gym")), viewport);
			Locator edit = dialog.getByRole(AriaRole.FORM, new Locator.GetByRoleOptions().setName("Edit Gym"));
			assertThat(edit.getByLabel("Business")).isFocused();
			assertThat(edit.getByLabel("Repeats").locator("option:checked")).hasText("Every month on its last day");
			Axe.assertNoViolations(page, "with a schedule's edit form");
			edit.getByLabel("Category").fill("Sport");
			edit.getByLabel("Notes").fill("with sauna");
			edit.getByLabel("Post it").selectOption("confirm");
			activate(edit.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save the changes to Gym")),
					viewport);
			assertThat(dialog.locator("#schedules-message")).hasText("Gym: changes saved");
			assertThat(edit).hasCount(0);
			assertThat(items.first()).containsText(", on Confirm");
			JsonNode gym = api("GET", "/api/v1/schedules", null).get(0);
			assertThat(gym.get("template").get("category").asString()).isEqualTo("Sport");
			assertThat(gym.get("template").get("notes").asString()).isEqualTo("with sauna");
			assertThat(new java.math.BigDecimal(gym.get("template").get("amount").asString()))
				.isEqualByComparingTo("35.00");
			assertThat(gym.get("mode").asString()).isEqualTo("confirm");
			assertThat(gym.get("rrule").asString()).isEqualTo("FREQ=MONTHLY;BYMONTHDAY=-1");
			// a bad amount is answered next to the form, and Escape closes it unchanged
			activate(dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit Gym")), viewport);
			edit.getByLabel("Amount").fill("abc");
			activate(edit.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save the changes to Gym")),
					viewport);
			assertThat(edit.getByRole(AriaRole.ALERT)).containsText("amount");
			edit.getByLabel("Amount").press("Escape");
			assertThat(edit).hasCount(0);
			assertThat(items.first()).containsText("\u20aa\u00a035.00");

			activate(dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Pause Gym")), viewport);
			assertThat(items.first()).containsText("Paused");
			activate(dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Resume Gym")), viewport);
			assertThat(items.first()).containsText("Active");
			activate(dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("End Gym")), viewport);
			assertThat(items.first()).containsText("Ended");
			assertThat(items.first()).containsText("nothing left to post");
		}
		finally {
			sql("DELETE FROM schedules");
		}
	}

}
