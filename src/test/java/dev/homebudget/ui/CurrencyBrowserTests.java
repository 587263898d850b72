package dev.homebudget.ui;

import java.nio.charset.StandardCharsets;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Currencies in the web UI, on a phone (touch) and a desktop (keyboard): the exchange
 * rates page sets the base currency, takes a rate by hand (a bad one is refused next to
 * its field), imports the ECB's CSV with the rejected rows listed, and deletes a rate;
 * the month's totals show each currency's own total, say how many entries have no rate,
 * and once there is a rate show the total converted into the base currency (and again
 * after the base currency changes). axe-core finds nothing in light and dark mode. Every
 * date is fixed (March 2025), so nothing depends on the day the tests run.
 */
class CurrencyBrowserTests extends BrowserTestSupport {

	private static final String MONTH = "2025-03";

	/** The ECB layout: one euro in each currency, N/A where none, a trailing comma. */
	private static final String ECB_CSV = "Date,USD,JPY,ILS,\n" + "2025-03-03,1.0500,N/A,3.8000,\n"
			+ "2025-03-02,1.0400,160.10,abc,\n";

	private boolean mobile;

	private Page openAt(String viewport, ColorScheme scheme) {
		this.mobile = "mobile".equals(viewport);
		Page page = open(viewport, scheme);
		page.navigate("http://127.0.0.1:" + this.port + "/?month=" + MONTH);
		assertThat(page.locator("body")).hasAttribute("data-ready", "true");
		return page;
	}

	/** A tap on a phone, Enter on the focused control on a desktop. */
	private void activate(Locator control) {
		if (this.mobile) {
			control.tap();
		}
		else {
			control.press("Enter");
		}
	}

	private Locator dialog() {
		return this.page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Exchange rates"));
	}

	private Locator field(String label) {
		return dialog().getByLabel(label, new Locator.GetByLabelOptions().setExact(true));
	}

	private Locator button(Locator scope, String name) {
		return scope.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
	}

	private Locator rateRows() {
		return dialog().locator("#rate-list tr");
	}

	private Locator rateRow(String text) {
		return rateRows().filter(new Locator.FilterOptions().setHasText(text));
	}

	private void openRates() {
		HeaderMenu.open(this.page);
		activate(this.page.locator("#rates-open"));
		assertThat(dialog()).isVisible();
	}

	private void closeRates() {
		if (this.mobile) {
			button(dialog(), "Close").tap();
		}
		else {
			this.page.keyboard().press("Escape");
		}
		assertThat(dialog()).isHidden();
	}

	/** Types a value into a field of the page (the keyboard on a desktop). */
	private void type(Locator input, String value) {
		if (this.mobile) {
			input.tap();
		}
		input.fill(value);
	}

	private void changeBase(String code) {
		type(field("New base currency"), code);
		if (this.mobile) {
			button(dialog(), "Change").tap();
		}
		else {
			field("New base currency").press("Enter");
		}
	}

	private void addRate(String date, String currency, String rate) {
		type(field("Date"), date);
		type(field("Currency"), currency);
		type(field("Rate (in the quote currency)"), rate);
		if (this.mobile) {
			button(dialog(), "Save rate").tap();
		}
		else {
			field("Rate (in the quote currency)").press("Enter");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "desktop", "mobile" })
	void theRatesPageSetsTheBaseCurrencyTakesARateByHandImportsTheEcbFileAndDeletes(String viewport) {
		Page page = openAt(viewport, ColorScheme.LIGHT);
		openRates();
		assertThat(dialog().locator("#base-current")).hasText("ILS (\u20aa)");
		assertThat(dialog().getByText("No rates yet.")).isVisible();
		Axe.assertNoViolations(page, "on the exchange rates page (light)");

		// the base currency, in any case
		changeBase("eur");
		assertThat(dialog().locator("#rates-status")).hasText("Totals are converted into EUR now.");
		assertThat(dialog().locator("#base-current")).hasText("EUR (\u20ac)");
		assertThat(api("GET", "/api/v1/settings", null).get("base_currency").asString()).isEqualTo("EUR");

		// a bad rate is refused next to its field, and nothing is stored
		addRate("2025-03-01", "USD", "-1");
		assertThat(field("Rate (in the quote currency)")).hasAttribute("aria-invalid", "true");
		assertThat(dialog().locator("#rate-form-rate-error")).not().isEmpty();
		assertThat(dialog().getByText("No rates yet.")).isVisible();
		if (!this.mobile) {
			assertThat(field("Rate (in the quote currency)")).isFocused();
		}

		// a rate by hand, its quote the base currency
		addRate("2025-03-01", "USD", "0.92");
		assertThat(dialog().locator("#rates-status")).hasText("Saved 1 USD = 0.92 EUR on 2025-03-01.");
		assertThat(field("Rate (in the quote currency)")).not().hasAttribute("aria-invalid", "true");
		assertThat(rateRows()).hasCount(1);
		assertThat(rateRow("1 USD = 0.92 EUR")).containsText("2025-03-01");
		assertThat(rateRow("1 USD = 0.92 EUR")).containsText("By hand");
		if (!this.mobile) {
			assertThat(field("Currency")).isFocused();
		}

		// the ECB's file: one euro in each currency; N/A is skipped, a bad cell rejects
		// its
		// row (and none of that row's rates is kept)
		field("CSV file")
			.setInputFiles(new FilePayload("eurofxref-hist.csv", "text/csv", ECB_CSV.getBytes(StandardCharsets.UTF_8)));
		activate(button(dialog(), "Import"));
		Locator result = dialog().locator("#rate-import-result");
		assertThat(result).containsText("Imported 2 rates; 1 row rejected:");
		assertThat(result.getByRole(AriaRole.LIST, new Locator.GetByRoleOptions().setName("Rejected rows")))
			.hasText("Line 3: Column ILS: a rate is a positive decimal number such as 3.6512");
		assertThat(rateRows()).hasCount(3);
		assertThat(rateRows().nth(0)).containsText("2025-03-03");
		assertThat(rateRow("1 EUR = 1.05 USD")).containsText("Imported");
		assertThat(rateRow("1 EUR = 3.8 ILS")).containsText("Imported");
		assertThat(rateRows().nth(2)).containsText("1 USD = 0.92 EUR");
		assertThat(api("GET", "/api/v1/exchange-rates?from=2025-03-02&to=2025-03-02", null)).isEmpty();
		screenshot("rates");
		Axe.assertNoViolations(page, "with rates and an import result (light)");

		// delete the rate by hand, after a yes
		activate(button(rateRow("1 USD = 0.92 EUR"), "Delete the rate 1 USD = 0.92 EUR of 2025-03-01"));
		Locator yes = button(rateRow("1 USD = 0.92 EUR"), "Yes, delete the rate 1 USD = 0.92 EUR of 2025-03-01");
		assertThat(yes).isFocused();
		activate(yes);
		assertThat(dialog().locator("#rates-status")).hasText("Deleted the rate 1 USD = 0.92 EUR of 2025-03-01.");
		assertThat(rateRows()).hasCount(2);
		assertThat(rateRow("1 USD = 0.92 EUR")).hasCount(0);
		JsonNode rates = api("GET", "/api/v1/exchange-rates", null);
		assertThat(rates.findValuesAsString("quote")).containsExactlyInAnyOrder("USD", "ILS");
		closeRates();

		// the same page in dark mode
		openAt(viewport, ColorScheme.DARK);
		openRates();
		assertThat(rateRows()).hasCount(2);
		Axe.assertNoViolations(this.page, "on the exchange rates page (dark)");
	}

	private Locator card(String name) {
		return this.page.locator("#total-" + name);
	}

	private Locator lines(String name) {
		return this.page.locator("#total-" + name + "-lines li");
	}

	private Locator note() {
		return this.page.locator("#totals-note");
	}

	/** Adds a USD expense through the add form (keyboard) or the add sheet (touch). */
	private void addDollarExpense(String business, String amount) {
		Locator form;
		if (this.mobile) {
			this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add transaction")).tap();
			form = this.page.getByRole(AriaRole.DIALOG);
		}
		else {
			section("expense").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add expense"))
				.press("Enter");
			form = section("expense").locator("form.add-form");
		}
		assertThat(form.getByLabel("Date")).hasValue(MONTH + "-01");
		type(form.getByLabel("Business"), business);
		type(form.getByRole(AriaRole.COMBOBOX, new Locator.GetByRoleOptions().setName("Category")), "Travel");
		type(form.getByLabel("Amount"), amount);
		type(form.getByLabel("Account"), "Visa");
		type(form.getByLabel("Currency"), "USD");
		if (this.mobile) {
			form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).tap();
		}
		else {
			form.getByLabel("Currency").press("Enter");
		}
		assertThat(row("expense", business)).containsText(amount);
	}

	@ParameterizedTest
	@ValueSource(strings = { "desktop", "mobile" })
	void theMonthShowsEachCurrencysTotalAndTheConvertedTotalOnceThereIsARate(String viewport) {
		category("expense", "Groceries", null);
		category("expense", "Travel", null);
		category("income", "Salary", null);
		create("expense", "{\"date\":\"2025-03-05\",\"business\":\"SuperSal\",\"category\":\"Groceries\","
				+ "\"amount\":100,\"account\":\"Cash\",\"currency\":\"\u20aa\"}");
		create("expense", "{\"date\":\"2025-03-07\",\"business\":\"Airline\",\"category\":\"Travel\","
				+ "\"amount\":50,\"account\":\"Visa\",\"currency\":\"USD\"}");
		create("income", "{\"date\":\"2025-03-01\",\"category\":\"Salary\",\"amount\":1000,"
				+ "\"account\":\"Bank\",\"currency\":\"ILS\"}");
		Page page = openAt(viewport, ColorScheme.LIGHT);

		// one USD entry: each currency on its own line, no converted total yet
		assertThat(note()).containsText("Incomplete: 1 entry has no rate, so there is no total in \u20aa yet.");
		addDollarExpense("Taxi", "20.00");
		assertThat(lines("expenses")).hasText(new String[] { "\u20aa\u00a0100.00", "$\u00a070.00" });
		assertThat(lines("incomes")).hasText(new String[] { "\u20aa\u00a01,000.00" });
		assertThat(lines("balance")).hasText(new String[] { "\u20aa\u00a0900.00", "$\u00a0-70.00" });
		assertThat(card("expenses")).isHidden();
		assertThat(card("balance")).isHidden();
		assertThat(note()).containsText("Incomplete: 2 entries have no rate, so there is no total in \u20aa yet.");
		Locator travel = page.locator("#category-chart li").filter(new Locator.FilterOptions().setHasText("Travel"));
		assertThat(travel).containsText("incomplete");
		assertThat(travel).containsText("$\u00a070.00 (2 entries have no rate)");
		Locator trend = page.getByRole(AriaRole.LIST,
				new Page.GetByRoleOptions().setName("Last 12 months by currency"));
		assertThat(trend).containsText("ILS: expenses \u20aa\u00a0100.00, incomes \u20aa\u00a01,000.00");
		assertThat(trend).containsText("USD: expenses $\u00a070.00, incomes $\u00a00.00");
		assertThat(page.locator("#trend-chart")).containsText("* incomplete: 2 entries have no rate");
		screenshot("incomplete");
		Axe.assertNoViolations(page, "on a month without a rate (light)");

		// the note's link opens the rates page; a rate from before the entries converts
		// them all
		activate(note().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Exchange rates")));
		assertThat(dialog()).isVisible();
		assertThat(rateRows()).hasCount(0);
		addRate("2025-03-01", "USD", "3.5");
		assertThat(dialog().locator("#rates-status")).hasText("Saved 1 USD = 3.5 ILS on 2025-03-01.");
		closeRates();
		// 100 + 70 x 3.5 = 345; 1000 - 345 = 655
		assertThat(card("expenses")).hasText("345.00");
		assertThat(page.locator("#total-expenses-currency")).hasText("\u2248\u00a0\u20aa");
		assertThat(card("incomes")).hasText("1,000.00");
		assertThat(card("balance")).hasText("655.00");
		assertThat(lines("expenses")).hasText(new String[] { "\u20aa\u00a0100.00", "$\u00a070.00" });
		assertThat(note()).containsText("\u2248 Converted into \u20aa at the rate of each entry's date.");
		assertThat(travel).containsText("\u2248\u00a0\u20aa\u00a0245.00");
		assertThat(travel).containsText("$\u00a070.00");
		assertThat(travel).not().containsText("no rate");
		assertThat(page.locator("#trend-chart")).containsText("Bars converted into \u20aa.");
		screenshot("converted");

		// a new base currency: the same entries, converted into dollars (the shekels at
		// the inverse rate): 100 / 3.5 + 70 = 98.57; 1000 / 3.5 = 285.71
		openRates();
		changeBase("USD");
		assertThat(dialog().locator("#base-current")).hasText("USD ($)");
		closeRates();
		assertThat(page.locator("#total-expenses-currency")).hasText("\u2248\u00a0$");
		assertThat(card("expenses")).hasText("98.57");
		assertThat(card("incomes")).hasText("285.71");
		assertThat(card("balance")).hasText("187.14");
		assertThat(note()).containsText("\u2248 Converted into $ at the rate of each entry's date.");

		// the same month in dark mode, with and without a rate
		openAt(viewport, ColorScheme.DARK);
		assertThat(card("expenses")).hasText("98.57");
		Axe.assertNoViolations(this.page, "on a converted month (dark)");
		sql("DELETE FROM exchange_rates");
		openAt(viewport, ColorScheme.DARK);
		// the shekel expense and income have no rate into dollars now
		assertThat(note()).containsText("Incomplete: 2 entries have no rate, so there is no total in $ yet.");
		Axe.assertNoViolations(this.page, "on a month without a rate (dark)");
	}

}
