package dev.homebudget.ui;

import java.time.LocalDate;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

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

}
