package dev.homebudget.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import dev.homebudget.web.ApiException;
import dev.homebudget.web.RequestValidationException;
import dev.homebudget.web.ValidationIssue;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The OFX/QFX, QIF and CAMT.053 readers on statements written for these tests (in
 * {@code src/test/resources/imports/}): format detection from content, signs, bank ids,
 * currencies, accounts, payees and memos, encodings (windows-1255 from an OFX header,
 * UTF-8 with and without a BOM), QIF date orders, CAMT batch entries, and refusals
 * (malformed XML with its line, an XXE payload, ambiguous dates, files that are no
 * statement).
 */
class StatementFormatsTests {

	private static final int MAX_ROWS = 1000;

	private static byte[] fixture(String name) {
		try (InputStream in = StatementFormatsTests.class.getResourceAsStream("/imports/" + name)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static CsvStatement.Parsed read(String name) {
		return read(fixture(name), null, StatementOptions.DEFAULTS);
	}

	private static CsvStatement.Parsed read(byte[] bytes, String account, StatementOptions options) {
		return switch (StatementFormat.detect(bytes)) {
			case OFX -> OfxStatement.parse(bytes, account, options, MAX_ROWS);
			case QIF -> QifStatement.parse(bytes, account, options, MAX_ROWS);
			case CAMT053, CAMT052, CAMT054 ->
				CamtStatement.parse(bytes, StatementFormat.detect(bytes), account, options, MAX_ROWS);
			case CSV -> throw new AssertionError("read as CSV");
		};
	}

	private static StatementOptions options(StatementFormat format, String json) {
		List<ValidationIssue> issues = new java.util.ArrayList<>();
		StatementOptions options = StatementOptions.read(JsonMapper.builder().build().readTree(json), format,
				List.of("body", "mapping"), issues);
		assertThat(issues).isEmpty();
		return options;
	}

	private static String fileMessage(Throwable thrown) {
		assertThat(thrown).isInstanceOf(RequestValidationException.class);
		ValidationIssue issue = ((RequestValidationException) thrown).issues().get(0);
		assertThat(issue.loc()).containsExactly("body", "file");
		return issue.msg();
	}

	@Test
	void formatsAreToldFromContentNotName() {
		assertThat(StatementFormat.detect(fixture("ofx1-sgml-crlf-1255.ofx"))).isEqualTo(StatementFormat.OFX);
		assertThat(StatementFormat.detect(fixture("ofx2-bom.ofx"))).isEqualTo(StatementFormat.OFX);
		assertThat(StatementFormat.detect(fixture("statement.qfx"))).isEqualTo(StatementFormat.OFX);
		assertThat(StatementFormat.detect(fixture("us-dates.qif"))).isEqualTo(StatementFormat.QIF);
		assertThat(StatementFormat.detect(fixture("camt053.xml"))).isEqualTo(StatementFormat.CAMT053);
		assertThat(StatementFormat.detect(fixture("camt052.xml"))).isEqualTo(StatementFormat.CAMT052);
		assertThat(StatementFormat.detect(fixture("camt054.xml"))).isEqualTo(StatementFormat.CAMT054);
		assertThat(StatementFormat.detect("Date,Amount\n2030-01-01,-1\n".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo(StatementFormat.CSV);
		assertThat(fileMessage(catchThrowableOfType(RequestValidationException.class,
				() -> StatementFormat.detect("%PDF-1.7\n...".getBytes(StandardCharsets.ISO_8859_1)))))
			.contains("not a statement");
		assertThat(fileMessage(catchThrowableOfType(RequestValidationException.class,
				() -> StatementFormat.detect(new byte[] { 'P', 'K', 3, 4, 0, 0 }))))
			.contains("not a statement");
		assertThat(fileMessage(catchThrowableOfType(RequestValidationException.class,
				() -> StatementFormat
					.detect("<?xml version=\"1.0\"?><note>hi</note>".getBytes(StandardCharsets.UTF_8)))))
			.contains("neither an OFX nor an ISO 20022 (camt) statement");
		assertThat(fileMessage(catchThrowableOfType(RequestValidationException.class, () -> StatementFormat
			.detect(("<?xml version=\"1.0\"?><Document " + "xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03\"/>")
				.getBytes(StandardCharsets.UTF_8)))))
			.contains("not a bank statement, account report or debit/credit notification");
	}

	@Test
	void ofx1SgmlWithCrlfAndAWindows1255Header() {
		List<CsvStatement.ParsedRow> rows = read("ofx1-sgml-crlf-1255.ofx").rows();
		assertThat(rows).hasSize(3);
		CsvStatement.ParsedRow grocer = rows.get(0);
		assertThat(grocer.error()).isNull();
		assertThat(grocer.kind()).isEqualTo("expense");
		assertThat(grocer.date()).isEqualTo(LocalDate.of(2030, 4, 2));
		assertThat(grocer.amount()).isEqualByComparingTo("120.50");
		assertThat(grocer.currency()).isEqualTo("ILS");
		assertThat(grocer.business()).isEqualTo("שופרסל דיל");
		assertThat(grocer.notes()).isEqualTo("weekly shop");
		assertThat(grocer.account()).isEqualTo("123456789");
		assertThat(grocer.bankId()).isEqualTo("OFX1-0001");
		CsvStatement.ParsedRow salary = rows.get(1);
		assertThat(salary.kind()).isEqualTo("income");
		assertThat(salary.date()).isEqualTo(LocalDate.of(2030, 4, 3));
		assertThat(salary.notes()).isEqualTo("Employer Ltd — salary");
		// no NAME: the memo is the payee; the date as written, whatever its zone
		CsvStatement.ParsedRow cinema = rows.get(2);
		assertThat(cinema.business()).isEqualTo("CINEMA CITY");
		assertThat(cinema.notes()).isNull();
		assertThat(cinema.date()).isEqualTo(LocalDate.of(2030, 4, 4));
		assertThat(rows).extracting(CsvStatement.ParsedRow::line).containsExactly(1, 2, 3);
	}

	@Test
	void ofx2XmlWithABomAndQfx() {
		List<CsvStatement.ParsedRow> rows = read("ofx2-bom.ofx").rows();
		assertThat(rows).extracting(CsvStatement.ParsedRow::bankId).containsExactly("OFX2-A", "OFX2-B", "OFX2-C");
		assertThat(rows.get(0).business()).isEqualTo("קפה גרג");
		assertThat(rows.get(0).notes()).isEqualTo("coffee & cake");
		assertThat(rows.get(0).currency()).isEqualTo("USD");
		assertThat(rows.get(1).currency()).isEqualTo("EUR");
		assertThat(rows.get(2).kind()).isEqualTo("income");
		assertThat(rows.get(0).account()).isEqualTo("4111111111111111");
		// the upload's account wins over the file's
		assertThat(read(fixture("ofx2-bom.ofx"), "Visa", StatementOptions.DEFAULTS).rows())
			.extracting(CsvStatement.ParsedRow::account)
			.containsOnly("Visa");
		List<CsvStatement.ParsedRow> qfx = read("statement.qfx").rows();
		assertThat(qfx).hasSize(1);
		assertThat(qfx.get(0).business()).isEqualTo("CAFÉ ROUGE");
		assertThat(qfx.get(0).amount()).isEqualByComparingTo("64.12");
		assertThat(qfx.get(0).date()).isEqualTo(LocalDate.of(2030, 4, 8));
		assertThat(qfx.get(0).bankId()).isEqualTo("QFX-2030040801");
	}

	@Test
	void badOfxIsRefusedNotAFailure() {
		byte[] truncated = "OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n\n<OFX>\n<BANKMSGSRSV1>\n<STMTTRNRS>\n"
			.getBytes(StandardCharsets.US_ASCII);
		assertThat(fileMessage(catchThrowableOfType(RequestValidationException.class,
				() -> read(truncated, "Bank", StatementOptions.DEFAULTS))))
			.startsWith("Value error, The file is not valid OFX")
			.doesNotContain("Exception")
			.doesNotContain("com.webcohesion");
		byte[] noStatement = ("OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n\n<OFX>\n<SIGNONMSGSRSV1>\n<SONRS>\n"
				+ "<STATUS>\n<CODE>0\n<SEVERITY>INFO\n</STATUS>\n<DTSERVER>20300410\n<LANGUAGE>ENG\n</SONRS>\n"
				+ "</SIGNONMSGSRSV1>\n</OFX>\n")
			.getBytes(StandardCharsets.US_ASCII);
		assertThat(fileMessage(catchThrowableOfType(RequestValidationException.class,
				() -> read(noStatement, "Bank", StatementOptions.DEFAULTS))))
			.contains("no bank or credit card statement");
		String xxe = new String(fixture("ofx2-bom.ofx"), StandardCharsets.UTF_8).replace("<OFX>",
				"<!DOCTYPE OFX [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><OFX>");
		assertThat(fileMessage(catchThrowableOfType(RequestValidationException.class,
				() -> read(xxe.getBytes(StandardCharsets.UTF_8), "Bank", StatementOptions.DEFAULTS))))
			.contains("DOCTYPE");
	}

	@Test
	void qifWithUsDatesSplitsTransfersAndTwins() {
		List<CsvStatement.ParsedRow> rows = read("us-dates.qif").rows();
		assertThat(rows).hasSize(7);
		assertThat(rows).extracting(CsvStatement.ParsedRow::error).containsOnlyNulls();
		assertThat(rows.get(0).date()).isEqualTo(LocalDate.of(2030, 3, 2));
		assertThat(rows.get(0).business()).isEqualTo("Grocer");
		assertThat(rows.get(0).notes()).isEqualTo("weekly shop");
		assertThat(rows.get(0).category()).isEqualTo("Food:Groceries");
		assertThat(rows.get(0).account()).isEqualTo("Everyday Checking");
		assertThat(rows.get(0).bankId()).isNull();
		assertThat(rows.get(0).currency()).isEqualTo("ILS");
		// two identical purchases on one day are two rows
		assertThat(rows.get(1)).usingRecursiveComparison().ignoringFields("line").isEqualTo(rows.get(2));
		// MM/dd'yy and a thousands comma
		assertThat(rows.get(3).date()).isEqualTo(LocalDate.of(2030, 3, 15));
		assertThat(rows.get(3).kind()).isEqualTo("income");
		assertThat(rows.get(3).amount()).isEqualByComparingTo("1250.00");
		// a split transaction is its total with its main category
		assertThat(rows.get(4).amount()).isEqualByComparingTo("300.00");
		assertThat(rows.get(4).category()).isEqualTo("Taxes");
		// a transfer has no category of its own
		assertThat(rows.get(5).category()).isEqualTo(ImportMapping.DEFAULT_CATEGORY);
		// U when there is no T; a UTF-8 Hebrew payee
		assertThat(rows.get(6).amount()).isEqualByComparingTo("19.90");
		assertThat(rows.get(6).business()).isEqualTo("חנות ספרים");
	}

	@Test
	void qifDateOrderIsToldOrGivenNeverGuessed() {
		List<CsvStatement.ParsedRow> dayFirst = read(fixture("day-first.qif"), "Card", StatementOptions.DEFAULTS)
			.rows();
		assertThat(dayFirst).extracting(CsvStatement.ParsedRow::date)
			.containsExactly(LocalDate.of(2030, 3, 1), LocalDate.of(2030, 3, 31));
		// no !Account block and no upload account: rows that say so
		assertThat(read("day-first.qif").rows().get(0).error()).contains("names no account");
		RequestValidationException ambiguous = catchThrowableOfType(RequestValidationException.class,
				() -> read(fixture("ambiguous-dates.qif"), "Cash", StatementOptions.DEFAULTS));
		assertThat(ambiguous.issues().get(0).loc()).containsExactly("body", "mapping", "date_format");
		assertThat(ambiguous.issues().get(0).msg()).contains("month-first").contains("day-first");
		List<CsvStatement.ParsedRow> us = read(fixture("ambiguous-dates.qif"), "Cash",
				options(StatementFormat.QIF, "{\"date_format\":\"MM/dd/yyyy\"}"))
			.rows();
		assertThat(us).extracting(CsvStatement.ParsedRow::date)
			.containsExactly(LocalDate.of(2030, 1, 2), LocalDate.of(2030, 3, 4));
		List<CsvStatement.ParsedRow> european = read(fixture("ambiguous-dates.qif"), "Cash",
				options(StatementFormat.QIF, "{\"date_format\":\"dd/MM/yyyy\",\"default_currency\":\"EUR\"}"))
			.rows();
		assertThat(european).extracting(CsvStatement.ParsedRow::date)
			.containsExactly(LocalDate.of(2030, 2, 1), LocalDate.of(2030, 4, 3));
		assertThat(european).extracting(CsvStatement.ParsedRow::currency).containsOnly("EUR");
		// a date the given order cannot read is an error row, not a guess
		List<CsvStatement.ParsedRow> wrong = read(fixture("day-first.qif"), "Cash",
				options(StatementFormat.QIF, "{\"date_format\":\"MM/dd/yyyy\"}"))
			.rows();
		assertThat(wrong.get(1).error()).contains("31/03/2030").contains("not a date");
		byte[] mixed = "!Type:Bank\nD13/01/2030\nT-1\n^\nD01/13/2030\nT-2\n^\n".getBytes(StandardCharsets.UTF_8);
		assertThat(catchThrowableOfType(RequestValidationException.class,
				() -> read(mixed, "Cash", StatementOptions.DEFAULTS))
			.issues()
			.get(0)
			.msg()).contains("mix");
	}

	@Test
	void qifAmountsAndRefusals() {
		assertThat(QifStatement.amount("-1,234.56")).isEqualByComparingTo("-1234.56");
		assertThat(QifStatement.amount("-1.234,56")).isEqualByComparingTo("-1234.56");
		assertThat(QifStatement.amount("12,50")).isEqualByComparingTo("12.50");
		assertThatThrownBy(() -> QifStatement.amount("12a")).isInstanceOf(NumberFormatException.class);
		byte[] bad = "!Type:Bank\nD01/01/2030\nTabc\nPX\n^\nD01/01/2030\nT0\n^\nD01/01/2030\nT-1.234\n^\n"
			.getBytes(StandardCharsets.UTF_8);
		List<CsvStatement.ParsedRow> rows = read(bad, "Cash", StatementOptions.DEFAULTS).rows();
		assertThat(rows.get(0).error()).contains("is not a number").contains("file line 2");
		assertThat(rows.get(1).error()).contains("zero");
		assertThat(rows.get(2).error()).contains("more than two decimals");
		byte[] investments = "!Type:Invst\nD01/01/2030\nNBuy\n^\n".getBytes(StandardCharsets.UTF_8);
		assertThat(fileMessage(catchThrowableOfType(RequestValidationException.class,
				() -> read(investments, "Cash", StatementOptions.DEFAULTS))))
			.contains("investment");
		byte[] empty = "!Type:Bank\n".getBytes(StandardCharsets.UTF_8);
		assertThat(fileMessage(catchThrowableOfType(RequestValidationException.class,
				() -> read(empty, "Cash", StatementOptions.DEFAULTS))))
			.contains("no transactions");
		byte[] windows1255 = "!Type:Cash\nD01/01/2030\nT-5\nPמכולת\n^\n"
			.getBytes(java.nio.charset.Charset.forName("windows-1255"));
		assertThat(fileMessage(catchThrowableOfType(RequestValidationException.class,
				() -> read(windows1255, "Cash", StatementOptions.DEFAULTS))))
			.contains("not valid UTF-8");
		assertThat(read(windows1255, "Cash", options(StatementFormat.QIF, "{\"encoding\":\"windows-1255\"}")).rows()
			.get(0)
			.business()).isEqualTo("מכולת");
		byte[] many = "!Type:Bank\nD01/01/2030\nT-1\n^\nD01/01/2030\nT-1\n^\nD01/01/2030\nT-1\n^\n"
			.getBytes(StandardCharsets.UTF_8);
		assertThat(catchThrowableOfType(ApiException.class,
				() -> QifStatement.parse(many, "Cash", StatementOptions.DEFAULTS, 2))
			.status()
			.value()).isEqualTo(413);
	}

	/**
	 * An account report (camt.052) and a notification (camt.054) carry the statement's
	 * entries in Rpt and Ntfctn: the same rows.
	 */
	@Test
	void camt052ReportsAndCamt054NotificationsGiveTheSameRowsAsAStatement() {
		List<CsvStatement.ParsedRow> statement = read("camt053.xml").rows();
		assertThat(read("camt052.xml").rows()).isEqualTo(statement);
		assertThat(read("camt054.xml").rows()).isEqualTo(statement);
		String empty = "<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.054.001.08\">"
				+ "<BkToCstmrDbtCdtNtfctn><GrpHdr><MsgId>X</MsgId></GrpHdr></BkToCstmrDbtCdtNtfctn></Document>";
		assertThat(fileMessage(
				catchThrowable(() -> read(empty.getBytes(StandardCharsets.UTF_8), "X", StatementOptions.DEFAULTS))))
			.contains("CAMT.054")
			.contains("no statement, report or notification");
	}

	@Test
	void camt053EntriesBatchesAndReferences() {
		List<CsvStatement.ParsedRow> rows = read("camt053.xml").rows();
		assertThat(rows).hasSize(6);
		CsvStatement.ParsedRow power = rows.get(0);
		assertThat(power.kind()).isEqualTo("expense");
		assertThat(power.amount()).isEqualByComparingTo("42.50");
		assertThat(power.currency()).isEqualTo("EUR");
		assertThat(power.date()).isEqualTo(LocalDate.of(2030, 4, 2));
		assertThat(power.business()).isEqualTo("Stadtwerke München");
		assertThat(power.notes()).isEqualTo("Strom April Kunde 4711");
		assertThat(power.account()).isEqualTo("DE89370400440532013000");
		assertThat(power.bankId()).isEqualTo("E-0001");
		// no NtryRef: the bank's AcctSvcrRef; a credit's payer is the debtor
		CsvStatement.ParsedRow salary = rows.get(1);
		assertThat(salary.kind()).isEqualTo("income");
		assertThat(salary.bankId()).isEqualTo("BANK-7782");
		assertThat(salary.date()).isEqualTo(LocalDate.of(2030, 4, 3));
		assertThat(salary.notes()).isEqualTo("ACME GmbH — Gehalt April");
		// a batch whose transactions add up: one row each
		assertThat(rows.get(2).amount()).isEqualByComparingTo("100.00");
		assertThat(rows.get(2).business()).isEqualTo("Landlord Ltd");
		assertThat(rows.get(2).bankId()).isEqualTo("TX-A");
		assertThat(rows.get(3).amount()).isEqualByComparingTo("50.00");
		assertThat(rows.get(3).business()).isEqualTo("שלום קפה");
		assertThat(rows.get(3).bankId()).isEqualTo("E-0003/2");
		assertThat(rows.get(3).notes()).isEqualTo("Sammelüberweisung");
		// not booked: an error row
		assertThat(rows.get(4).error()).contains("not booked").contains("PDNG");
		// a batch without amounts per transaction: one row
		assertThat(rows.get(5).amount()).isEqualByComparingTo(new BigDecimal("80.00"));
		assertThat(rows.get(5).bankId()).isEqualTo("E-0005");
		assertThat(rows.get(5).notes()).contains("batch of 2");
	}

	@Test
	void camtXxeIsRefusedAndMalformedXmlNamesItsLine() {
		assertThat(fileMessage(catchThrowableOfType(RequestValidationException.class, () -> read("camt053-xxe.xml"))))
			.contains("DOCTYPE")
			.doesNotContain("root:");
		// even a factory-level attempt cannot resolve it: the reader has no DTD support
		assertThat(CamtStatement.factory().getProperty(javax.xml.stream.XMLInputFactory.SUPPORT_DTD)).isEqualTo(false);
		assertThat(
				CamtStatement.factory().getProperty(javax.xml.stream.XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES))
			.isEqualTo(false);
		assertThat(
				fileMessage(catchThrowableOfType(RequestValidationException.class, () -> read("camt053-broken.xml"))))
			.contains("not well-formed XML")
			.contains("line 82");
	}

	@Test
	void camtOfNewerVersionsWithEscapedText() {
		String xml = "<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">"
				+ "<BkToCstmrStmt><Stmt><Acct><Id><Othr><Id>ACC-1</Id></Othr></Id></Acct><Ntry>"
				+ "<Amt Ccy=\"CHF\">12.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>"
				+ "<BookgDt><Dt>2030-01-01</Dt></BookgDt><NtryDtls><TxDtls><Refs><EndToEndId>E2E-9</EndToEndId>"
				+ "</Refs><RltdPties><Cdtr><Pty><Nm>M&amp;S &#x5e9;&lt;x&gt;</Nm></Pty></Cdtr></RltdPties>"
				+ "<RmtInf><Ustrd><![CDATA[cdata & more]]></Ustrd></RmtInf></TxDtls></NtryDtls></Ntry></Stmt>"
				+ "</BkToCstmrStmt></Document>";
		CsvStatement.ParsedRow row = read(xml.getBytes(StandardCharsets.UTF_8), null, StatementOptions.DEFAULTS).rows()
			.get(0);
		assertThat(row.error()).isNull();
		assertThat(row.business()).isEqualTo("M&S ש<x>");
		assertThat(row.notes()).isEqualTo("cdata & more");
		assertThat(row.account()).isEqualTo("ACC-1");
		assertThat(row.currency()).isEqualTo("CHF");
		assertThat(row.bankId()).isEqualTo("E2E-9");
	}

}
