package dev.homebudget.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Import page: a card statement no profile knows is mapped from its samples and saved
 * as a profile, a row is skipped, the rest committed and seen in the month; the same file
 * again is read with that profile and finds what it already imported; the import is
 * reverted. On a desktop (keyboard, light) and on a phone (touch, dark, rows as cards);
 * axe-core finds nothing on each step. A row paying a scheduled bill confirms it or is
 * imported as new. Saved profiles are renamed, remapped and deleted. The month's CSV
 * export carries its filters, and the app's own CSV goes back in from the Import page.
 */
class ImportBrowserTests extends BrowserTestSupport {

	private static final DateTimeFormatter BANK_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final LocalDate first = LocalDate.now().withDayOfMonth(1);

	@BeforeEach
	@AfterEach
	void emptyLedgerAndImports() {
		// the shared "ui" database: no other class's rows in the month, no profile that
		// would choose itself for this file, and nothing of this class left behind
		sql("BEGIN; SET LOCAL hbw.history = 'off'; DELETE FROM expenses; DELETE FROM incomes; COMMIT; "
				+ "DELETE FROM import_batches; DELETE FROM import_profiles; DELETE FROM trashed_entries; "
				+ "DELETE FROM history_events");
	}

	/**
	 * A card statement as an Israeli bank writes it: semicolons, dd/MM/yyyy, 1.500,00.
	 */
	private byte[] statement() {
		return ("Transaction date;Business;Amount;Details\r\n" + day(0) + ";Coffee Corner;-12,50;latte\r\n" + day(1)
				+ ";SuperSal;-80,00;\r\n" + day(2) + ";Salary;1.500,00;December\r\n" + day(3) + ";Broken;abc;\r\n")
			.getBytes(StandardCharsets.UTF_8);
	}

	private String day(int plus) {
		return this.first.plusDays(plus).format(BANK_DATE);
	}

	private Locator button(Locator scope, String name) {
		return scope.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
	}

	private Locator importPage() {
		return this.page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Import").setExact(true));
	}

	private Locator openImportPage(String viewport) {
		HeaderMenu.open(this.page);
		activate(this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import").setExact(true)),
				viewport);
		Locator dialog = importPage();
		assertThat(dialog).hasAttribute("data-ready", "true");
		return dialog;
	}

	private Locator count(Locator dialog, String label) {
		return dialog.locator(".import-count").filter(new Locator.FilterOptions().setHasText(label)).locator("dd");
	}

	/**
	 * A tap on a phone; on a desktop the checkbox or switch is focused and Space pressed.
	 */
	private void toggle(Locator toggle, String viewport) {
		if (mobile(viewport)) {
			toggle.tap();
		}
		else {
			toggle.focus();
			toggle.press("Space");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "desktop", "mobile" })
	void aStatementIsMappedSavedAsAProfileCommittedFoundAgainAndReverted(String viewport) {
		Page page = open(viewport, mobile(viewport) ? ColorScheme.DARK : ColorScheme.LIGHT);
		// the header's buttons wrap instead of widening the page on a phone
		assertThat((Integer) page.evaluate("() => document.documentElement.scrollWidth"))
			.isLessThanOrEqualTo(mobile(viewport) ? 390 : 1280);
		Locator dialog = openImportPage(viewport);
		assertThat(dialog.locator("#import-past-none")).hasText("Nothing imported yet.");
		Axe.assertNoViolations(page, "on the Import page (" + viewport + ")");

		dialog.locator("#import-file").setInputFiles(new FilePayload("visa.csv", "text/csv", statement()));
		assertThat(dialog.locator("#import-file-name")).hasText("Chosen: visa.csv");
		dialog.locator("#import-account").fill("Visa");
		activate(button(dialog, "Read the file"), viewport);

		// no profile knows the file: the mapping step, its columns guessed from the
		// header
		Locator mapping = dialog.locator("#import-mapping");
		assertThat(mapping).isVisible();
		assertThat(mapping.locator("#import-samples")).containsText("Coffee Corner");
		assertThat(mapping.locator("#import-map-delimiter")).hasValue(";");
		assertThat(mapping.locator("#import-map-date")).hasValue("Transaction date");
		assertThat(mapping.locator("#import-map-date_format")).hasValue("dd/MM/yyyy");
		assertThat(mapping.locator("#import-map-amount")).hasValue("Amount");
		assertThat(mapping.locator("#import-map-payee")).hasValue("Business");
		assertThat(mapping.locator("#import-map-memo")).hasValue("Details");
		assertThat(mapping.locator("#import-map-decimal")).hasValue(",");
		assertThat(mapping.locator("#import-map-thousands")).hasValue(".");
		toggle(mapping.getByLabel("Save as a profile", new Locator.GetByLabelOptions().setExact(false)), viewport);
		mapping.getByLabel("Profile name").fill("Visa Cal");
		Axe.assertNoViolations(page, "on the mapping step (" + viewport + ")");
		screenshot("mapping");
		activate(button(mapping, "Read with these columns"), viewport);

		// the preview
		Locator preview = dialog.locator("#import-preview");
		assertThat(preview.locator("#import-preview-title")).hasText("Preview of visa.csv");
		assertThat(dialog.locator("#import-status")).containsText("saved as the profile \"Visa Cal\"");
		assertThat(count(preview, "New")).hasText("3");
		assertThat(count(preview, "Errors")).hasText("1");
		assertThat(count(preview, "To import")).hasText("3");
		Locator rows = preview.locator(mobile(viewport) ? ".import-card" : "tbody tr");
		assertThat(rows).hasCount(4);
		// an error row has no fields, only why
		assertThat(rows.filter(new Locator.FilterOptions().setHasText("Amount 'abc' is not a number")))
			.containsText("Error");
		assertThat(preview.getByRole(AriaRole.SWITCH,
				new Locator.GetByRoleOptions().setName("Import line 5").setExact(true)))
			.isDisabled();
		assertThat(api("GET", "/api/v1/imports/profiles", null).get(0).get("name").asString()).isEqualTo("Visa Cal");

		// SuperSal (line 3) is skipped
		Locator line3 = preview.getByRole(AriaRole.SWITCH,
				new Locator.GetByRoleOptions().setName("Import line 3").setExact(true));
		assertThat(line3).isChecked();
		toggle(line3, viewport);
		assertThat(count(preview, "To import")).hasText("2");
		assertThat(line3).not().isChecked();
		int id = api("GET", "/api/v1/imports", null).get(0).get("id").asInt();
		JsonNode row3 = api("GET", "/api/v1/imports/" + id + "?after=2&limit=1", null).get("rows").get(0);
		assertThat(row3.get("decision").asString()).isEqualTo("skip");
		Axe.assertNoViolations(page, "on the preview (" + viewport + ")");
		screenshot("preview");

		activate(button(preview, "Import 2 entries"), viewport);
		assertThat(dialog.locator("#import-status")).hasText("Imported: 2 entries created. Revert undoes them all.");
		assertThat(preview.locator("#import-preview-title")).hasText("visa.csv: Imported");
		assertThat(rows.filter(new Locator.FilterOptions().setHasText("Coffee Corner")))
			.containsText("Created expense #");
		assertThat(count(preview, "Created")).hasText("2");
		activate(button(dialog, "Close"), viewport);
		assertThat(row("expense", "Coffee Corner")).hasCount(1);
		assertThat(row("expense", "SuperSal")).hasCount(0);
		assertThat(row("income", "December")).hasCount(1);
		assertThat(row("income", "December")).containsText("1,500.00");

		// the same file again: read with the profile, without asking; what it imported is
		// found
		dialog = openImportPage(viewport);
		activate(button(dialog, "Read another file"), viewport);
		dialog.locator("#import-file").setInputFiles(new FilePayload("visa.csv", "text/csv", statement()));
		dialog.locator("#import-account").fill("Visa");
		activate(button(dialog, "Read the file"), viewport);
		assertThat(preview.locator("#import-preview-title")).hasText("Preview of visa.csv");
		assertThat(preview.locator("#import-preview-about")).containsText("Read with the profile \u201cVisa Cal\u201d");
		assertThat(dialog.locator("#import-mapping")).isHidden();
		assertThat(count(preview, "Duplicates")).hasText("2");
		// the row skipped the first time is still new
		assertThat(count(preview, "New")).hasText("1");
		assertThat(count(preview, "To import")).hasText("1");
		assertThat(rows.filter(new Locator.FilterOptions().setHasText("Coffee Corner"))).containsText("Duplicate");
		activate(button(preview, "Discard"), viewport);
		activate(button(preview, "Yes, discard"), viewport);
		assertThat(dialog.locator("#import-status")).hasText("visa.csv discarded; nothing was imported.");
		assertThat(dialog.locator(".import-past-item")).hasCount(1);

		// revert the import, after a confirmation
		Locator past = dialog.locator(".import-past-item").first();
		assertThat(past).containsText("Imported");
		activate(button(past, "Revert the import of visa.csv"), viewport);
		assertThat(past).containsText("Delete the 2 entries this import created?");
		activate(button(past, "Yes, revert the import of visa.csv"), viewport);
		assertThat(dialog.locator("#import-status"))
			.hasText("visa.csv reverted: the 2 entries it created are deleted.");
		assertThat(dialog.locator(".import-past-item").first()).containsText("Reverted");
		screenshot("reverted");
		activate(button(dialog, "Close"), viewport);
		assertThat(row("expense", "Coffee Corner")).hasCount(0);
		assertThat(row("income", "December")).hasCount(0);
		assertThat(list("expense")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "desktop", "mobile" })
	void aSavedProfileIsRenamedRemappedAndAnotherDeleted(String viewport) {
		api("POST", "/api/v1/imports/profiles",
				"{\"name\":\"Bank\",\"header\":[\"date\",\"payee\",\"amount\",\"details\"],"
						+ "\"mapping\":{\"date\":\"date\",\"payee\":\"payee\",\"amount\":\"amount\"}}");
		api("POST", "/api/v1/imports/profiles", "{\"name\":\"Visa\",\"header\":[\"day\",\"sum\"],"
				+ "\"mapping\":{\"date\":\"day\",\"amount\":\"sum\"}}");
		ColorScheme scheme = mobile(viewport) ? ColorScheme.DARK : ColorScheme.LIGHT;
		Page page = open(viewport, scheme);
		Locator dialog = openImportPage(viewport);
		Locator profiles = dialog.locator("#import-profiles .import-profile-item");
		assertThat(profiles).hasCount(2);
		Locator bank = profiles.filter(new Locator.FilterOptions().setHasText("Bank"));
		assertThat(bank).containsText("Payee (business): payee");

		activate(button(bank, "Edit the profile Bank"), viewport);
		Locator form = bank.locator("form");
		assertThat(form.getByLabel("Profile name")).isFocused();
		assertThat(form.getByLabel("Profile name")).hasValue("Bank");
		form.getByLabel("Profile name").fill("Bank Leumi");
		form.getByLabel("Memo (notes)").fill("details");
		form.getByLabel("Decimal separator").selectOption(",");
		// both colour schemes of the edit form
		Axe.assertNoViolations(page, "on a profile's edit form (" + viewport + ", " + scheme + ")");
		page.emulateMedia(new Page.EmulateMediaOptions()
			.setColorScheme((scheme == ColorScheme.DARK) ? ColorScheme.LIGHT : ColorScheme.DARK));
		Axe.assertNoViolations(page, "on a profile's edit form (" + viewport + ", the other colour scheme)");
		activate(button(form, "Save the profile"), viewport);
		assertThat(dialog.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("saved")))
			.hasText("The profile \u201cBank Leumi\u201d is saved.");
		Locator renamed = profiles.filter(new Locator.FilterOptions().setHasText("Bank Leumi"));
		assertThat(renamed).containsText("Memo (notes): details");
		assertThat(button(renamed, "Edit the profile Bank Leumi")).isFocused();
		JsonNode saved = api("GET", "/api/v1/imports/profiles", null).get(0);
		assertThat(saved.get("name").asString()).isEqualTo("Bank Leumi");
		assertThat(saved.get("mapping").get("memo").asString()).isEqualTo("details");
		assertThat(saved.get("mapping").get("decimal").asString()).isEqualTo(",");
		assertThat(saved.get("mapping").get("payee").asString()).isEqualTo("payee");
		assertThat(saved.get("header").get(3).asString()).isEqualTo("details");

		// a mapping without its date column is refused next to the field, and nothing
		// changes
		activate(button(renamed, "Edit the profile Bank Leumi"), viewport);
		form = renamed.locator("form");
		form.getByLabel("Date", new Locator.GetByLabelOptions().setExact(true)).fill("");
		activate(button(form, "Save the profile"), viewport);
		Locator date = form.getByLabel("Date", new Locator.GetByLabelOptions().setExact(true));
		assertThat(date).hasAttribute("aria-invalid", "true");
		assertThat(form.locator(".invalid-feedback:visible")).hasCount(1);
		assertThat(date).isFocused();
		Axe.assertNoViolations(page, "on a refused profile (" + viewport + ")");
		activate(button(form, "Cancel"), viewport);
		assertThat(renamed.locator("form")).hasCount(0);
		assertThat(api("GET", "/api/v1/imports/profiles", null).get(0).get("version").asInt()).isEqualTo(2);

		Locator visa = profiles.filter(new Locator.FilterOptions().setHasText("Visa"));
		activate(button(visa, "Delete the profile Visa"), viewport);
		assertThat(visa).containsText("Files with its columns will ask which column holds what again.");
		activate(button(visa, "Yes, delete the profile Visa"), viewport);
		assertThat(profiles).hasCount(1);
		assertThat(dialog.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("deleted")))
			.hasText("The profile \u201cVisa\u201d is deleted.");
		assertThat(api("GET", "/api/v1/imports/profiles", null)).hasSize(1);
	}

	@Test
	void aRowPayingAScheduledBillConfirmsItOrIsImportedAsNew() {
		LocalDate bill = LocalDate.now().minusDays(2);
		int schedule = api("POST", "/api/v1/schedules",
				"{\"kind\":\"expense\",\"template\":{\"business\":\"Landlord\",\"category\":\"Rent\","
						+ "\"amount\":\"1234.56\",\"account\":\"Current\",\"currency\":\"ILS\"},"
						+ "\"rrule\":\"FREQ=MONTHLY\",\"start\":\"" + bill + "\",\"count\":1,\"mode\":\"confirm\"}")
			.get("id")
			.asInt();
		try {
			api("POST", "/api/v1/imports/profiles", "{\"name\":\"Bank\",\"header\":[\"date\",\"payee\",\"amount\"],"
					+ "\"mapping\":{\"date\":\"date\",\"payee\":\"payee\",\"amount\":\"amount\"}}");
			String file = "date,payee,amount\n" + bill.plusDays(1) + ",LANDLORD 77,-1234.56\n";
			Page page = open("desktop");
			Locator dialog = openImportPage("desktop");
			dialog.locator("#import-file")
				.setInputFiles(new FilePayload("bank.csv", "text/csv", file.getBytes(StandardCharsets.UTF_8)));
			dialog.locator("#import-account").fill("Current");
			button(dialog, "Read the file").click();
			Locator preview = dialog.locator("#import-preview");
			assertThat(count(preview, "Matches")).hasText("1");
			assertThat(preview.locator("tbody tr").first())
				.containsText("Matches the scheduled \"Landlord\" due " + bill);
			Locator choice = preview.getByLabel("Line 2: what to do");
			assertThat(choice).hasValue("confirm");
			Axe.assertNoViolations(page, "on a preview with a scheduled bill");
			choice.selectOption("import");
			assertThat(dialog.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Line 2")))
				.hasText("Line 2: will be imported");
			choice.selectOption("confirm");
			assertThat(dialog.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Line 2")))
				.hasText("Line 2: will confirm the scheduled bill");
			assertThat(count(preview, "To import")).hasText("1");
			button(preview, "Import 1 entry").click();
			assertThat(count(preview, "Created")).hasText("1");
			JsonNode occurrences = api("GET", "/api/v1/schedules/" + schedule + "/occurrences", null);
			assertThat(occurrences.get(0).get("status").asString()).isEqualTo("posted");
		}
		finally {
			api("DELETE", "/api/v1/schedules/" + schedule, null);
		}
	}

	@Test
	void aFileASavedProfileKnowsGoesStraightToItsPreviewAPageOfRowsAtATime() {
		api("POST", "/api/v1/imports/profiles", "{\"name\":\"Bank\",\"header\":[\"date\",\"payee\",\"amount\"],"
				+ "\"mapping\":{\"date\":\"date\",\"payee\":\"payee\",\"amount\":\"amount\"}}");
		StringBuilder file = new StringBuilder("date,payee,amount\n");
		for (int i = 1; i <= 250; i++) {
			file.append(this.first).append(",Shop ").append(i).append(",-").append(i).append(".00\n");
		}
		open("desktop");
		Locator dialog = openImportPage("desktop");
		dialog.locator("#import-file")
			.setInputFiles(new FilePayload("bank.csv", "text/csv", file.toString().getBytes(StandardCharsets.UTF_8)));
		dialog.locator("#import-account").fill("Current");
		button(dialog, "Read the file").click();
		Locator preview = dialog.locator("#import-preview");
		assertThat(preview.locator("#import-preview-about")).containsText("Read with the profile \u201cBank\u201d");
		assertThat(dialog.locator("#import-mapping")).isHidden();
		assertThat(count(preview, "New")).hasText("250");
		assertThat(preview.locator("tbody tr")).hasCount(200);
		button(preview, "Show more rows").click();
		assertThat(preview.locator("tbody tr")).hasCount(250);
		assertThat(preview.locator("tbody tr").last()).containsText("Shop 250");
		assertThat(button(preview, "Show more rows")).isHidden();
	}

	@Test
	void aQfxStatementNeedsNoMappingAndGoesStraightToItsPreview() throws IOException {
		byte[] qfx = Files.readAllBytes(java.nio.file.Path.of("src", "test", "resources", "imports", "statement.qfx"));
		open("mobile");
		Locator dialog = openImportPage("mobile");
		assertThat(dialog.locator("#import-file-name")).containsText("OFX, QFX, QIF or CAMT (ISO 20022)");
		dialog.locator("#import-file").setInputFiles(new FilePayload("card.qfx", "application/octet-stream", qfx));
		dialog.locator("#import-account").fill("Card");
		activate(button(dialog, "Read the file"), "mobile");
		Locator preview = dialog.locator("#import-preview");
		// OFX4J scans its own package the first time it reads a file: on a busy machine
		// that first read alone can take longer than the assertions' usual 5 seconds
		assertThat(count(preview, "New")).hasText("1",
				new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(60_000));
		assertThat(dialog.locator("#import-mapping")).isHidden();
		Axe.assertNoViolations(this.page, "with a QFX statement's preview (mobile)");
	}

	@Test
	void aRowChangedMeanwhileIsReloadedAndSaysSo() {
		Page page = open("desktop");
		Locator dialog = openImportPage("desktop");
		dialog.locator("#import-file").setInputFiles(new FilePayload("visa.csv", "text/csv", statement()));
		dialog.locator("#import-account").fill("Visa");
		button(dialog, "Read the file").click();
		button(dialog, "Read with these columns").click();
		Locator preview = dialog.locator("#import-preview");
		assertThat(count(preview, "To import")).hasText("3");
		// another window skips line 2
		int id = api("GET", "/api/v1/imports", null).get(0).get("id").asInt();
		api("PATCH", "/api/v1/imports/" + id + "/rows/2", "{\"decision\":\"skip\"}");
		Locator line2 = preview.getByRole(AriaRole.SWITCH,
				new Locator.GetByRoleOptions().setName("Import line 2").setExact(true));
		line2.click();
		assertThat(dialog.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText("Line 2")))
			.hasText("Line 2 was changed meanwhile (in another window?); it now shows its current decision. "
					+ "Change it again if you still want to.");
		assertThat(line2).not().isChecked();
		assertThat(count(preview, "To import")).hasText("2");
		assertThat(page.locator("#import-rows tbody tr").first()).containsText("Skip");
	}

	@Test
	void theExportCarriesTheFiltersAndTheAppsOwnCsvGoesBackInFromTheImportPage() throws IOException {
		String date = this.first.toString();
		create("expense", "{\"date\":\"" + date
				+ "\",\"business\":\"Bakery\",\"category\":\"Food\",\"amount\":12.5,\"account\":\"Cash\"}");
		create("expense", "{\"date\":\"" + date
				+ "\",\"business\":\"Garage\",\"category\":\"Car\",\"amount\":300,\"account\":\"Cash\"}");
		Page page = open("desktop");
		page.locator("#filter-q").fill("Bakery");
		assertThat(rows("expense")).hasCount(1);
		Locator export = page.getByRole(AriaRole.LINK,
				new Page.GetByRoleOptions().setName("Export the expenses shown as CSV"));
		assertThat(export).hasAttribute("href", java.util.regex.Pattern.compile("q=Bakery"));
		Download download = page.waitForDownload(export::click);
		String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
		assertThat(csv).contains("Bakery").doesNotContain("Garage");
		assertThat(download.suggestedFilename()).isEqualTo("expenses.csv");

		// the file goes back in through the Import page (POST /api/v1/expense/import)
		sql("BEGIN; SET LOCAL hbw.history = 'off'; DELETE FROM expenses; COMMIT");
		Locator dialog = openImportPage("desktop");
		dialog.getByLabel("The file holds").selectOption("expense");
		dialog.getByLabel("CSV file").setInputFiles(download.path());
		button(dialog, "Add the rows").click();
		assertThat(dialog.locator("#import-own-result")).hasText("Added 1 expense.");
		button(dialog, "Close").click();
		assertThat(row("expense", "Bakery")).hasCount(1);
		assertThat(row("expense", "Garage")).hasCount(0);
	}

}
