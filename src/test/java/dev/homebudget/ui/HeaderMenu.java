package dev.homebudget.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A phone's header (up to 576 px wide) keeps the pages (Budget, Import...), the household
 * and the account behind its Menu button; a desktop shows them in the header.
 */
final class HeaderMenu {

	private HeaderMenu() {
	}

	/**
	 * On a phone opens the header's menu (unless it is open), so that its items can be
	 * used; on a desktop does nothing.
	 */
	static void open(Page page) {
		Locator toggle = page.locator("#header-menu-toggle");
		if (toggle.isVisible() && !"true".equals(toggle.getAttribute("aria-expanded"))) {
			toggle.click();
			assertThat(page.locator("#header-menu")).hasClass(java.util.regex.Pattern.compile("\\bopen\\b"));
		}
	}

	/** Closes the header's menu if it is open (a phone's); on a desktop does nothing. */
	static void close(Page page) {
		Locator toggle = page.locator("#header-menu-toggle");
		if (toggle.isVisible() && "true".equals(toggle.getAttribute("aria-expanded"))) {
			toggle.click();
			assertThat(toggle).hasAttribute("aria-expanded", "false");
		}
	}

}
