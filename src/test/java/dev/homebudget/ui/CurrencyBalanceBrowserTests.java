package dev.homebudget.ui;

import java.nio.file.Paths;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import dev.homebudget.auth.UserAccount;
import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The balance per currency in sign-in mode, one browser context per person: A paid
 * shekels and B paid dollars for both, so B owes A shekels and A owes B dollars, and
 * neither debt is netted against the other. B settles the shekels on a phone (touch), A
 * the dollars on a desktop (keyboard), each settlement in its own currency. Without a
 * rate there is no converted total; with one, the whole balance is shown in the base
 * currency too. A balance all in dollars is settled in dollars, not in the base currency.
 * axe-core finds nothing in light and dark mode.
 */
class CurrencyBalanceBrowserTests extends SignedInBrowserTestSupport {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("budget.database.url", () -> TestDatabase.jdbcUrl("ui_currency"));
	}

	/** An expense of 2025-03-05 paid by one member, split in the shares given. */
	private void expense(int household, String business, String amount, String currency, int paidBy, int a,
			String shareA, int b, String shareB) {
		int id = this.jdbc
			.sql("INSERT INTO expenses (household_id, date, business, category, amount, account, currency, "
					+ "entered_by, paid_by) VALUES (:household, DATE '2025-03-05', :business, 'Food', "
					+ "CAST(:amount AS numeric), 'Cash', :currency, :paidBy, :paidBy) RETURNING id")
			.param("household", household)
			.param("business", business)
			.param("amount", amount)
			.param("currency", currency)
			.param("paidBy", paidBy)
			.query(Integer.class)
			.single();
		share(id, a, shareA);
		share(id, b, shareB);
	}

	/** Makes {@code user} a member of the household, and it the one they are in now. */
	private void join(int household, UserAccount user) {
		this.jdbc.sql("INSERT INTO household_members (household_id, user_id, role) VALUES (:h, :u, 'member')")
			.param("h", household)
			.param("u", user.id())
			.update();
		this.jdbc.sql("UPDATE users SET current_household_id = :h WHERE id = :u")
			.param("h", household)
			.param("u", user.id())
			.update();
	}

	private String settlements(int household) {
		return this.jdbc
			.sql("SELECT string_agg(from_user || '>' || to_user || ' ' || amount || ' ' || currency, ', ' ORDER BY id) "
					+ "FROM settlements WHERE household_id = :h")
			.param("h", household)
			.query(String.class)
			.single();
	}

	private static Locator list(Page page, String name) {
		return page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

	private static Locator settleUp(Page page, String name) {
		return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

	@Test
	void eachCurrencyIsOwedAndSettledInItself() {
		UserAccount a = newUser("ca");
		UserAccount b = newUser("cb");
		int household = currentHousehold(a);
		join(household, b);
		expense(household, "Groceries", "100.00", "\u20aa", a.id(), a.id(), "50.00", b.id(), "50.00");
		expense(household, "Museum", "30.00", "USD", b.id(), a.id(), "15.00", b.id(), "15.00");
		String owesShekels = b.username() + " owes " + a.username() + " \u20aa\u00a050.00";
		String owesDollars = a.username() + " owes " + b.username() + " $\u00a015.00";

		// B, on a phone: a debt per currency, no converted total without a rate
		Page phone = signedIn(b, true);
		HeaderMenu.open(phone);
		phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Balance")).tap();
		Locator dialog = phone.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Balance"));
		assertThat(dialog.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setName("In ILS (\u20aa)")))
			.isVisible();
		assertThat(dialog.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setName("In USD ($)")))
			.isVisible();
		assertThat(list(phone, "Who owes whom, ILS")).hasText(owesShekels + "Settle up");
		assertThat(list(phone, "Who owes whom, USD")).hasText(owesDollars + "Settle up");
		assertThat(list(phone, "Members, USD"))
			.containsText(b.username() + ": paid $\u00a030.00, share $\u00a015.00, is owed $\u00a015.00");
		assertThat(dialog).containsText("No total in ILS: a currency has no exchange rate yet.");
		assertThat(list(phone, "Members, converted into ILS")).hasCount(0);
		Axe.assertNoViolations(phone, "on the balance per currency, phone (light)");
		phone.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.DARK));
		Axe.assertNoViolations(phone, "on the balance per currency, phone (dark)");
		phone.screenshot(new Page.ScreenshotOptions()
			.setPath(Paths.get("target", "screenshots", "balance-currencies-mobile.png"))
			.setFullPage(true));

		// B settles the shekels, in shekels; the dollars are still owed
		settleUp(phone, "Settle up: " + b.username() + " pays " + a.username() + " \u20aa\u00a050.00").tap();
		phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record it")).tap();
		assertThat(list(phone, "Who owes whom, ILS")).hasText("Everyone is settled up.");
		assertThat(list(phone, "Who owes whom, USD")).hasText(owesDollars + "Settle up");
		assertThat(settlements(household)).isEqualTo(b.id() + ">" + a.id() + " 50.00 ILS");

		// a rate (any day before today): the balance in the base currency too
		this.jdbc
			.sql("INSERT INTO exchange_rates (household_id, day, currency, quote, rate) "
					+ "VALUES (:h, DATE '2025-03-01', 'USD', 'ILS', 3.5)")
			.param("h", household)
			.update();

		// A, on a desktop with the keyboard: 15 dollars owed at 3.5 is 52.50 shekels
		Page desktop = signedIn(a);
		desktop.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Balance")).press("Enter");
		Locator converted = list(desktop, "Members, converted into ILS");
		assertThat(converted)
			.containsText(a.username() + ": paid \u20aa\u00a0100.00, share \u20aa\u00a0102.50, owes \u20aa\u00a052.50");
		assertThat(converted).containsText(
				b.username() + ": paid \u20aa\u00a0105.00, share \u20aa\u00a0102.50, is owed \u20aa\u00a052.50");
		assertThat(desktop.getByText("Settle each currency above in its own currency.")).isVisible();
		Axe.assertNoViolations(desktop, "on the converted balance, desktop (light)");
		Locator dollars = settleUp(desktop, "Settle up: " + a.username() + " pays " + b.username() + " $\u00a015.00");
		dollars.focus();
		desktop.keyboard().press("Enter");
		// the confirmation opens on its date: Enter there records it
		assertThat(desktop.getByLabel("Paid on")).isFocused();
		desktop.keyboard().press("Enter");
		assertThat(list(desktop, "Who owes whom, USD")).hasText("Everyone is settled up.");
		assertThat(list(desktop, "Who owes whom, ILS")).hasText("Everyone is settled up.");
		assertThat(converted)
			.containsText(a.username() + ": paid \u20aa\u00a0100.00, share \u20aa\u00a0102.50, settled");
		assertThat(settlements(household))
			.isEqualTo(b.id() + ">" + a.id() + " 50.00 ILS, " + a.id() + ">" + b.id() + " 15.00 USD");
		desktop.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.DARK));
		Axe.assertNoViolations(desktop, "on the settled balance, desktop (dark)");
		desktop.keyboard().press("Escape");
		assertThat(desktop.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Balance"))).isHidden();
	}

	@Test
	void aBalanceAllInDollarsIsSettledInDollarsNotInTheBaseCurrency() {
		UserAccount a = newUser("da");
		UserAccount b = newUser("db");
		int household = currentHousehold(a);
		join(household, b);
		expense(household, "Hotel", "40.00", "$", a.id(), a.id(), "20.00", b.id(), "20.00");

		// B, on a phone: one currency, named, though the base currency is the shekel
		Page phone = signedIn(b, true);
		HeaderMenu.open(phone);
		phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Balance")).tap();
		assertThat(phone.locator("#balance-currency")).hasText("Amounts in $ (USD).");
		Locator transfers = phone.locator("#balance-transfers");
		assertThat(transfers).containsText(b.username() + " owes " + a.username() + " 20.00");
		transfers.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Settle up")).tap();
		transfers.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record it")).tap();
		assertThat(transfers).hasText("Everyone is settled up.");
		assertThat(settlements(household)).isEqualTo(b.id() + ">" + a.id() + " 20.00 USD");

		// A, on a desktop: still one currency, settled
		Page desktop = signedIn(a);
		desktop.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Balance")).press("Enter");
		assertThat(desktop.locator("#balance-currency")).hasText("Amounts in $ (USD).");
		assertThat(desktop.locator("#balance-transfers")).hasText("Everyone is settled up.");
		assertThat(desktop.locator("#balance-currencies")).isHidden();
		Axe.assertNoViolations(desktop, "on a balance in one currency (light)");
	}

}
