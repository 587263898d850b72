package dev.homebudget.imports;

import dev.homebudget.support.ApiTestSupport;
import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bounds of an upload, made small: a file over {@code budget.http.max-import-size} or
 * with more rows than {@code budget.import.max-rows} is a 413 and nothing is staged.
 */
@TestPropertySource(properties = { "budget.import.max-rows=10", "budget.http.max-import-size=4KB" })
class ImportLimitsApiTests extends ApiTestSupport {

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		registry.add(DATABASE_URL_PROPERTY, () -> TestDatabase.jdbcUrl("imports_limits"));
	}

	private static final String MAPPING = "{\"date\":\"Date\",\"amount\":\"Amount\"}";

	private static byte[] rows(int count) {
		StringBuilder csv = new StringBuilder("Date,Amount\n");
		for (int i = 0; i < count; i++) {
			csv.append("2030-01-01,-1\n");
		}
		return ImportUploads.utf8(csv.toString());
	}

	@Test
	void tooManyRowsAndTooLargeFilesAre413AndStageNothing() {
		ApiResponse fits = sendBytes("POST", "/api/v1/imports",
				ImportUploads.body("s.csv", rows(10), "mapping", MAPPING, "account", "Card"),
				ImportUploads.CONTENT_TYPE);
		assertThat(fits.status()).as(fits.toString()).isEqualTo(201);
		int staged = this.jdbc.sql("SELECT count(*) FROM import_batches").query(Integer.class).single();

		ApiResponse tooMany = sendBytes("POST", "/api/v1/imports",
				ImportUploads.body("s.csv", rows(11), "mapping", MAPPING, "account", "Card"),
				ImportUploads.CONTENT_TYPE);
		assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(413);
		assertThat(tooMany.json().get("detail").asString()).contains("more than 10 rows");

		ApiResponse tooLarge = sendBytes("POST", "/api/v1/imports",
				ImportUploads.body("s.csv", rows(400), "mapping", MAPPING, "account", "Card"),
				ImportUploads.CONTENT_TYPE);
		assertThat(tooLarge.status()).as(tooLarge.toString()).isEqualTo(413);
		assertThat(this.jdbc.sql("SELECT count(*) FROM import_batches").query(Integer.class).single())
			.isEqualTo(staged);
	}

	@Test
	void theRowLimitHoldsForEveryFormat() {
		int staged = this.jdbc.sql("SELECT count(*) FROM import_batches").query(Integer.class).single();
		StringBuilder qif = new StringBuilder("!Type:Bank\n");
		StringBuilder ofx = new StringBuilder("OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n\n<OFX><BANKMSGSRSV1>"
				+ "<STMTTRNRS><TRNUID>1<STMTRS><CURDEF>ILS<BANKACCTFROM><BANKID>1<ACCTID>2<ACCTTYPE>CHECKING"
				+ "</BANKACCTFROM><BANKTRANLIST>");
		StringBuilder camt = new StringBuilder("<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:"
				+ "xsd:camt.053.001.02\"><BkToCstmrStmt><Stmt><Acct><Id><IBAN>X</IBAN></Id></Acct>");
		for (int i = 0; i < 11; i++) {
			qif.append("D01/01/2030\nT-1\n^\n");
			ofx.append("<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20300101<TRNAMT>-1<FITID>L").append(i).append("</STMTTRN>");
			camt.append("<Ntry><Amt Ccy=\"EUR\">1</Amt><CdtDbtInd>DBIT</CdtDbtInd><BookgDt><Dt>2030-01-01</Dt>"
					+ "</BookgDt></Ntry>");
		}
		ofx.append("</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>");
		camt.append("</Stmt></BkToCstmrStmt></Document>");
		for (String file : new String[] { qif.toString(), ofx.toString(), camt.toString() }) {
			ApiResponse tooMany = sendBytes("POST", "/api/v1/imports",
					ImportUploads.body("s.txt", ImportUploads.utf8(file), "account", "Card"),
					ImportUploads.CONTENT_TYPE);
			assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(413);
			assertThat(tooMany.json().get("detail").asString()).contains("more than 10 transactions");
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM import_batches").query(Integer.class).single())
			.isEqualTo(staged);
	}

}
