package dev.homebudget.ui;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The web app can be installed (a manifest with its name, standalone display and PNG
 * icons of 192 and 512 pixels; a service worker controlling the page, which has put the
 * offline page in its cache on installing), and the offline page says so and leads back
 * to the app. On a phone and a desktop, axe-core finding nothing on the offline page in
 * light and dark mode. (The fallback itself, a failed page load answered from that cache,
 * is not driven here: Chromium's emulated offline mode does not reach a service worker's
 * own requests, so the test would load the app from the network and prove nothing.)
 */
class InstallableAppBrowserTests extends BrowserTestSupport {

	@ParameterizedTest
	@ValueSource(strings = { "desktop", "mobile" })
	void theAppIsInstallableAndSaysWhenItIsOffline(String viewport) {
		Page page = open(viewport);
		String manifestJson = (String) page.evaluate("""
				async () => {
				  const link = document.querySelector('link[rel=manifest]');
				  const manifest = await (await fetch(link.href)).json();
				  for (const icon of manifest.icons) {
				    const response = await fetch(icon.src);
				    icon.status = response.status;
				    icon.contentType = response.headers.get('content-type');
				  }
				  return JSON.stringify(manifest);
				}""");
		JsonNode manifest = JSON.readTree(manifestJson);
		org.assertj.core.api.Assertions.assertThat(manifest.get("name").asString()).isEqualTo("Home Budget");
		org.assertj.core.api.Assertions.assertThat(manifest.get("display").asString()).isEqualTo("standalone");
		org.assertj.core.api.Assertions.assertThat(manifest.get("start_url").asString()).isEqualTo("/");
		java.util.List<String> sizes = new java.util.ArrayList<>();
		manifest.get("icons").forEach((icon) -> {
			org.assertj.core.api.Assertions.assertThat(icon.get("status").asInt()).isEqualTo(200);
			org.assertj.core.api.Assertions.assertThat(icon.get("contentType").asString()).startsWith("image/png");
			sizes.add(icon.get("sizes").asString());
		});
		org.assertj.core.api.Assertions.assertThat(sizes).contains("192x192", "512x512");

		// the service worker is active and controls the page
		Object script = page.evaluate("async () => (await navigator.serviceWorker.ready).active.scriptURL");
		org.assertj.core.api.Assertions.assertThat((String) script).endsWith("/sw.js");
		page.waitForFunction("() => navigator.serviceWorker.controller !== null");

		// what it answers a page load with when the server cannot be reached
		org.assertj.core.api.Assertions.assertThat((String) page.evaluate(
				"async () => { const hit = await caches.match('/ui/offline.html'); return hit ? hit.text() : ''; }"))
			.contains("You are offline");

		page.navigate("http://127.0.0.1:" + this.port + "/ui/offline.html");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("You are offline")))
			.isVisible();
		Axe.assertNoViolations(page, "on the offline page (light)");
		page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.DARK));
		Axe.assertNoViolations(page, "on the offline page (dark)");
		screenshot("offline");

		activate(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Try again")), viewport);
		assertThat(page.locator("body")).hasAttribute("data-ready", "true");
	}

}
