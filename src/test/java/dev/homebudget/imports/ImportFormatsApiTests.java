package dev.homebudget.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.homebudget.support.ApiTestSupport;
import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/imports} with OFX/QFX, QIF and CAMT.053 statements: each is told
 * from its content and previewed through the same staging, a re-imported OFX adds nothing
 * by its FITIDs, two identical QIF purchases of one day both stay, and bad files are a
 * 422 that stages nothing. Each test uses accounts (and bank ids) of its own.
 */
class ImportFormatsApiTests extends ApiTestSupport {

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		registry.add(DATABASE_URL_PROPERTY, () -> TestDatabase.jdbcUrl("imports_formats"));
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	private static byte[] fixture(String name) {
		try (InputStream in = ImportFormatsApiTests.class.getResourceAsStream("/imports/" + name)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private ApiResponse upload(String fileName, byte[] file, String... fields) {
		return sendBytes("POST", "/api/v1/imports", ImportUploads.body(fileName, file, fields),
				ImportUploads.CONTENT_TYPE);
	}

	private JsonNode preview(String fileName, byte[] file, String... fields) {
		ApiResponse response = upload(fileName, file, fields);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json();
	}

	private static List<String> column(JsonNode preview, String field) {
		List<String> values = new ArrayList<>();
		preview.get("rows").forEach((row) -> values.add(row.has(field) ? row.get(field).asString() : null));
		return values;
	}

	private int batches() {
		return this.jdbc.sql("SELECT count(*) FROM import_batches").query(Integer.class).single();
	}

	private int expenses(String account) {
		return this.jdbc.sql("SELECT count(*) FROM expenses WHERE account = :account")
			.param("account", account)
			.query(Integer.class)
			.single();
	}

	private static void assertFileRefused(ApiResponse response, String message) {
		assertThat(response.status()).as(response.toString()).isEqualTo(422);
		JsonNode issue = response.json().get("detail").get(0);
		assertThat(issue.get("loc").toString()).isEqualTo("[\"body\",\"file\"]");
		assertThat(issue.get("msg").asString()).contains(message);
	}

	/**
	 * An OFX 2 bank statement with the given (FITID, date, amount, name) transactions.
	 */
	private static byte[] ofx(String account, String[]... transactions) {
		StringBuilder list = new StringBuilder();
		for (String[] transaction : transactions) {
			list.append("<STMTTRN><TRNTYPE>OTHER</TRNTYPE><DTPOSTED>")
				.append(transaction[1])
				.append("</DTPOSTED><TRNAMT>")
				.append(transaction[2])
				.append("</TRNAMT><FITID>")
				.append(transaction[0])
				.append("</FITID><NAME>")
				.append(transaction[3])
				.append("</NAME></STMTTRN>\n");
		}
		return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?OFX OFXHEADER=\"200\" VERSION=\"220\" "
				+ "SECURITY=\"NONE\" OLDFILEUID=\"NONE\" NEWFILEUID=\"NONE\"?>\n<OFX><SIGNONMSGSRSV1><SONRS><STATUS>"
				+ "<CODE>0</CODE><SEVERITY>INFO</SEVERITY></STATUS><DTSERVER>20300501</DTSERVER><LANGUAGE>ENG"
				+ "</LANGUAGE></SONRS></SIGNONMSGSRSV1><BANKMSGSRSV1><STMTTRNRS><TRNUID>1</TRNUID><STATUS><CODE>0"
				+ "</CODE><SEVERITY>INFO</SEVERITY></STATUS><STMTRS><CURDEF>ILS</CURDEF><BANKACCTFROM><BANKID>1"
				+ "</BANKID><ACCTID>" + account + "</ACCTID><ACCTTYPE>CHECKING</ACCTTYPE></BANKACCTFROM>"
				+ "<BANKTRANLIST><DTSTART>20300101</DTSTART><DTEND>20300501</DTEND>\n" + list
				+ "</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\n")
			.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void everyFormatIsPreviewedFromItsContent() {
		String account = "Checking " + unique();
		// the name says CSV; the content is OFX 1 SGML (CRLF, windows-1255)
		JsonNode sgml = preview("statement.csv", fixture("ofx1-sgml-crlf-1255.ofx"), "account", account);
		assertThat(sgml.get("format").asString()).isEqualTo("ofx");
		assertThat(sgml.get("status").asString()).isEqualTo("preview");
		assertThat(column(sgml, "bank_id")).containsExactly("OFX1-0001", "OFX1-0002", "OFX1-0003");
		assertThat(column(sgml, "kind")).containsExactly("expense", "income", "expense");
		assertThat(column(sgml, "business").get(0)).isEqualTo("שופרסל דיל");
		assertThat(column(sgml, "account")).containsOnly(account);
		assertThat(sgml.get("mapping").get("default_category").asString()).isEqualTo("Uncategorized");

		JsonNode xml = preview("card.ofx", fixture("ofx2-bom.ofx"));
		assertThat(column(xml, "account")).containsOnly("4111111111111111");
		assertThat(column(xml, "currency")).containsExactly("USD", "EUR", "USD");

		JsonNode qfx = preview("card.qfx", fixture("statement.qfx"), "account", account);
		assertThat(column(qfx, "business")).containsExactly("CAFÉ ROUGE");

		JsonNode qif = preview("checking.qif", fixture("us-dates.qif"), "mapping",
				"{\"default_currency\":\"USD\",\"default_category\":\"Imported\"}", "account", account);
		assertThat(qif.get("format").asString()).isEqualTo("qif");
		assertThat(qif.get("counts").get("total").asInt()).isEqualTo(7);
		assertThat(column(qif, "currency")).containsOnly("USD");
		assertThat(column(qif, "category")).contains("Food:Groceries", "Imported");
		assertThat(column(qif, "bank_id")).containsOnlyNulls();

		JsonNode camt = preview("april.xml", fixture("camt053.xml"));
		assertThat(camt.get("format").asString()).isEqualTo("camt053");
		assertThat(column(camt, "status")).containsExactly("new", "new", "new", "new", "error", "new");
		assertThat(column(camt, "bank_id")).containsExactly("E-0001", "BANK-7782", "TX-A", "E-0003/2", null, "E-0005");
		assertThat(column(camt, "account")).contains("DE89370400440532013000");

		ApiResponse read = get("/api/v1/imports/" + camt.get("id").asInt());
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().get("rows").size()).isEqualTo(6);

		JsonNode report = preview("intraday.xml", fixture("camt052.xml"));
		assertThat(report.get("format").asString()).isEqualTo("camt052");
		assertThat(column(report, "bank_id")).containsExactly("E-0001", "BANK-7782", "TX-A", "E-0003/2", null,
				"E-0005");
		JsonNode notice = preview("notice.xml", fixture("camt054.xml"));
		assertThat(notice.get("format").asString()).isEqualTo("camt054");
		assertThat(notice.get("counts").get("total").asInt()).isEqualTo(6);
	}

	@Test
	void anOverlappingOfxAddsNothingTwiceByItsFitids() {
		String account = "Bank " + unique();
		String prefix = unique();
		byte[] march = ofx("99" + prefix, new String[] { prefix + "-1", "20300301", "-10.00", "Bakery" },
				new String[] { prefix + "-2", "20300302", "-20.00", "Grocer" });
		JsonNode first = preview("march.ofx", march, "account", account);
		assertThat(column(first, "status")).containsExactly("new", "new");
		ApiResponse committed = post("/api/v1/imports/" + first.get("id").asInt() + "/commit", null);
		assertThat(committed.status()).as(committed.toString()).isEqualTo(200);
		assertThat(expenses(account)).isEqualTo(2);
		// the next download overlaps: same FITIDs, one changed name, and one new
		// transaction
		byte[] april = ofx("99" + prefix, new String[] { prefix + "-2", "20300302", "-20.00", "GROCER LTD" },
				new String[] { prefix + "-3", "20300302", "-20.00", "Grocer" });
		JsonNode second = preview("april.ofx", april, "account", account);
		assertThat(column(second, "status")).containsExactly("duplicate", "new");
		assertThat(second.get("rows").get(0).get("reason").asString()).contains(prefix + "-2")
			.contains("import " + first.get("id").asInt());
		assertThat(post("/api/v1/imports/" + second.get("id").asInt() + "/commit", null).status()).isEqualTo(200);
		assertThat(expenses(account)).isEqualTo(3);
		// a revert undoes exactly that import's entry
		ApiResponse reverted = post("/api/v1/imports/" + second.get("id").asInt() + "/revert", null);
		assertThat(reverted.status()).as(reverted.toString()).isEqualTo(200);
		assertThat(expenses(account)).isEqualTo(2);
	}

	@Test
	void twoIdenticalQifPurchasesOfOneDayAreBothKept() {
		String account = "Cash " + unique();
		byte[] qif = ("!Type:Cash\nD05/02/2030\nT-4.50\nPCoffee Corner\n^\nD05/02/2030\nT-4.50\nPCoffee Corner\n^\n"
				+ "D05/13/2030\nT-7.00\nPBakery\n^\n")
			.getBytes(StandardCharsets.UTF_8);
		JsonNode first = preview("cash.qif", qif, "account", account);
		assertThat(column(first, "status")).containsExactly("new", "new", "new");
		assertThat(post("/api/v1/imports/" + first.get("id").asInt() + "/commit", null).status()).isEqualTo(200);
		assertThat(expenses(account)).isEqualTo(3);
		// the same file again: counted, so both twins are duplicates and nothing is new
		JsonNode again = preview("cash.qif", qif, "account", account);
		assertThat(column(again, "status")).containsExactly("duplicate", "duplicate", "duplicate");
	}

	@Test
	void badFilesAreRefusedAndNothingIsStaged() {
		int before = batches();
		assertFileRefused(upload("scan.pdf", "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1),
				"account", "X"), "not a statement");
		assertFileRefused(upload("note.xml", "<?xml version=\"1.0\"?><note>hi</note>".getBytes(StandardCharsets.UTF_8),
				"account", "X"), "neither an OFX nor an ISO 20022 (camt) statement");
		assertFileRefused(upload("broken.xml", fixture("camt053-broken.xml"), "account", "X"), "line 82");
		assertFileRefused(upload("xxe.xml", fixture("camt053-xxe.xml"), "account", "X"), "DOCTYPE");
		assertFileRefused(upload("cut.ofx", "OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n\n<OFX>\n<BANKMSGSRSV1>\n"
			.getBytes(StandardCharsets.US_ASCII), "account", "X"), "not valid OFX");
		ApiResponse ambiguous = upload("dates.qif", fixture("ambiguous-dates.qif"), "account", "X");
		assertThat(ambiguous.status()).isEqualTo(422);
		assertThat(ambiguous.json().get("detail").get(0).get("loc").toString())
			.isEqualTo("[\"body\",\"mapping\",\"date_format\"]");
		// a CSV mapping or a profile means nothing to a file that names its own fields
		ApiResponse csvMapping = upload("card.ofx", fixture("ofx2-bom.ofx"), "mapping",
				"{\"date\":\"Date\",\"amount\":\"Amount\"}");
		assertThat(csvMapping.status()).isEqualTo(422);
		assertThat(csvMapping.body()).contains("[\"body\",\"mapping\",\"date\"]")
			.contains("[\"body\",\"mapping\",\"amount\"]");
		ApiResponse profile = upload("card.ofx", fixture("ofx2-bom.ofx"), "profile", "1");
		assertThat(profile.status()).isEqualTo(422);
		assertThat(profile.body()).contains("[\"body\",\"profile\"]").contains("profiles are for CSV and TSV");
		ApiResponse badHint = upload("dates.qif", fixture("ambiguous-dates.qif"), "mapping",
				"{\"date_format\":\"yyyy/dd\",\"default_currency\":\"XXQ\"}", "account", "X");
		assertThat(badHint.status()).isEqualTo(422);
		assertThat(badHint.body()).contains("[\"body\",\"mapping\",\"date_format\"]")
			.contains("[\"body\",\"mapping\",\"default_currency\"]");
		assertThat(batches()).isEqualTo(before);
		// a profile cannot be made from an OFX import: it has no columns
		JsonNode ofx = preview("card.ofx", fixture("ofx2-bom.ofx"));
		ApiResponse fromImport = post("/api/v1/imports/profiles",
				"{\"name\":\"OFX " + unique() + "\",\"import_id\":" + ofx.get("id").asInt() + "}");
		assertThat(fromImport.status()).as(fromImport.toString()).isEqualTo(422);
		assertThat(fromImport.body()).contains("[\"body\",\"import_id\"]");
	}

}
