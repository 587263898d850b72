package dev.homebudget.imports;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * {@code /api/v1/imports} in single-user mode on PostgreSQL alone: a statement through a
 * mapping (decimal comma, debit and credit, TSV, encodings), preview, flip, commit,
 * discard and revert, dedup that keeps real twins, matches with hand-entered entries, and
 * the contract's answers to bad input. Each test uses accounts of its own.
 */
class ImportApiTests extends ApiTestSupport {

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		registry.add(DATABASE_URL_PROPERTY, () -> TestDatabase.jdbcUrl("imports_api"));
	}

	private static final String SIMPLE = "{\"date\":\"Date\",\"date_format\":\"yyyy-MM-dd\",\"amount\":\"Amount\","
			+ "\"payee\":\"Payee\",\"memo\":\"Memo\",\"default_currency\":\"ILS\"}";

	private static String account() {
		return "Card " + UUID.randomUUID().toString().substring(0, 8);
	}

	private ApiResponse upload(String fileName, byte[] file, String mapping, String account) {
		return sendBytes("POST", "/api/v1/imports",
				ImportUploads.body(fileName, file, "mapping", mapping, "account", account), ImportUploads.CONTENT_TYPE);
	}

	private JsonNode preview(String csv, String mapping, String account) {
		return preview(ImportUploads.utf8(csv), mapping, account);
	}

	private JsonNode preview(byte[] file, String mapping, String account) {
		ApiResponse response = upload("statement.csv", file, mapping, account);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json();
	}

	private static List<String> statuses(JsonNode preview) {
		List<String> statuses = new ArrayList<>();
		preview.get("rows").forEach((row) -> statuses.add(row.get("status").asString()));
		return statuses;
	}

	private ApiResponse commit(JsonNode preview) {
		return post("/api/v1/imports/" + preview.get("id").asInt() + "/commit", null);
	}

	private ApiResponse sendWith(String method, String path, String body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofMinutes(5))
			.method(method, (body == null) ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		headers.forEach(request::header);
		return send(request.build());
	}

	private int expenses(String account) {
		return this.jdbc.sql("SELECT count(*) FROM expenses WHERE account = :account")
			.param("account", account)
			.query(Integer.class)
			.single();
	}

	private int incomes(String account) {
		return this.jdbc.sql("SELECT count(*) FROM incomes WHERE account = :account")
			.param("account", account)
			.query(Integer.class)
			.single();
	}

	private int handEntered(String date, String business, String amount, String account) {
		ApiResponse created = post("/api/v1/expense",
				"{\"date\":\"" + date + "\",\"business\":\"" + business + "\",\"category\":\"Food\",\"amount\":"
						+ amount + ",\"account\":\"" + account + "\",\"currency\":\"ILS\"}");
		assertThat(created.status()).as(created.toString()).isEqualTo(200);
		return created.json().get("expense").get("id").asInt();
	}

	@Test
	void aStatementIsPreviewedCommittedAndRevertedExactly() {
		String account = account();
		int untouched = handEntered("2030-03-01", "Bakery", "7.00", account);
		JsonNode preview = preview("""
				Date,Payee,Memo,Amount
				2030-03-02,Grocer,weekly,-120.50
				2030-03-03,Employer,salary,5000
				2030-03-04,Cinema,,-45
				not a date,Broken,,-1
				2030-03-05,Nothing,,0
				""", SIMPLE, account);
		assertThat(preview.get("status").asString()).isEqualTo("preview");
		assertThat(statuses(preview)).containsExactly("new", "new", "new", "error", "error");
		JsonNode rows = preview.get("rows");
		assertThat(rows.get(0).get("line").asInt()).isEqualTo(2);
		assertThat(rows.get(0).get("kind").asString()).isEqualTo("expense");
		assertThat(rows.get(0).get("amount").decimalValue()).isEqualByComparingTo("120.50");
		assertThat(rows.get(0).get("business").asString()).isEqualTo("Grocer");
		assertThat(rows.get(0).get("notes").asString()).isEqualTo("weekly");
		assertThat(rows.get(0).get("currency").asString()).isEqualTo("ILS");
		assertThat(rows.get(1).get("kind").asString()).isEqualTo("income");
		assertThat(rows.get(1).get("notes").asString()).isEqualTo("Employer — salary");
		assertThat(rows.get(3).get("reason").asString()).contains("does not match the format yyyy-MM-dd");
		assertThat(rows.get(4).get("reason").asString()).isEqualTo("The amount is zero");
		assertThat(rows.get(3).get("decision").asString()).isEqualTo("skip");
		assertThat(preview.get("counts").get("error").asInt()).isEqualTo(2);
		assertThat(expenses(account)).as("nothing written before the commit").isEqualTo(1);

		// skip the cinema: a flipped decision is honoured at commit
		int id = preview.get("id").asInt();
		ApiResponse skipped = patch("/api/v1/imports/" + id + "/rows/4", "{\"decision\":\"skip\"}");
		assertThat(skipped.status()).as(skipped.toString()).isEqualTo(200);
		assertThat(skipped.json().get("decision").asString()).isEqualTo("skip");
		assertThat(skipped.header("ETag")).isEqualTo("\"2\"");
		ApiResponse stale = sendWith("PATCH", "/api/v1/imports/" + id + "/rows/4", "{\"decision\":\"import\"}",
				Map.of("If-Match", "\"1\"", "Content-Type", "application/json"));
		assertThat(stale.status()).as(stale.toString()).isEqualTo(412);
		ApiResponse errorRow = patch("/api/v1/imports/" + id + "/rows/5", "{\"decision\":\"import\"}");
		assertThat(errorRow.status()).as(errorRow.toString()).isEqualTo(422);
		assertThat(errorRow.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"body\",\"decision\"]");

		ApiResponse committed = commit(preview);
		assertThat(committed.status()).as(committed.toString()).isEqualTo(200);
		assertThat(committed.json().get("status").asString()).isEqualTo("committed");
		assertThat(committed.json().get("counts").get("created").asInt()).isEqualTo(2);
		assertThat(expenses(account)).isEqualTo(2);
		assertThat(incomes(account)).isEqualTo(1);
		JsonNode reread = get("/api/v1/imports/" + id).json();
		assertThat(reread.get("rows").get(0).get("created").get("kind").asString()).isEqualTo("expense");
		assertThat(reread.get("rows").get(1).get("created").get("kind").asString()).isEqualTo("income");

		// a committed batch is not committed, flipped or discarded again
		assertThat(commit(preview).status()).isEqualTo(409);
		assertThat(patch("/api/v1/imports/" + id + "/rows/2", "{\"decision\":\"skip\"}").status()).isEqualTo(409);
		assertThat(delete("/api/v1/imports/" + id).status()).isEqualTo(409);

		ApiResponse reverted = post("/api/v1/imports/" + id + "/revert", null);
		assertThat(reverted.status()).as(reverted.toString()).isEqualTo(200);
		assertThat(reverted.json().get("status").asString()).isEqualTo("reverted");
		assertThat(expenses(account)).as("the hand-entered expense stays").isEqualTo(1);
		assertThat(incomes(account)).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM expenses WHERE id = :id")
			.param("id", untouched)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(post("/api/v1/imports/" + id + "/revert", null).status()).isEqualTo(409);
		ApiResponse listed = get("/api/v1/imports");
		assertThat(listed.status()).isEqualTo(200);
		assertThat(listed.json().get(0).get("id").asInt()).isEqualTo(id);
	}

	@Test
	void identicalSameDayPurchasesAreBothKeptAndTheSameFileTwiceIsAllDuplicates() {
		String account = account();
		handEntered("2030-04-02", "Coffee Corner", "12.00", account);
		String csv = """
				Date,Payee,Memo,Amount
				2030-04-02,Coffee Corner,,-12.00
				2030-04-02,Coffee Corner,,-12.00
				2030-04-02,COFFEE CORNER 0042,,-12.00
				2030-04-03,Coffee Corner,,-12.00
				""";
		JsonNode first = preview(csv, SIMPLE, account);
		// one of the two file twins is the ledger's entry, the other is new; digits and
		// case do not make a third purchase different
		assertThat(statuses(first)).containsExactly("duplicate", "new", "new", "new");
		assertThat(first.get("rows").get(0).get("reason").asString()).startsWith("Already in the ledger: expense #");
		assertThat(commit(first).status()).isEqualTo(200);
		assertThat(expenses(account)).isEqualTo(4);

		JsonNode again = preview(csv, SIMPLE, account);
		assertThat(statuses(again)).containsExactly("duplicate", "duplicate", "duplicate", "duplicate");
		assertThat(again.get("counts").get("to_import").asInt()).isZero();
		ApiResponse empty = commit(again);
		assertThat(empty.json().get("counts").get("created").asInt()).isZero();
		assertThat(expenses(account)).isEqualTo(4);
	}

	@Test
	void aHandEnteredEntryIsMatchedDespiteTheBanksTextAndDate() {
		String account = account();
		int spotify = handEntered("2030-05-03", "Spotify", "9.90", account);
		JsonNode preview = preview("""
				Date,Payee,Memo,Amount
				2030-05-05,PAYPAL *SPOTIFY 12345,,-9.90
				2030-05-05,PAYPAL *SPOTIFY 12345,,-9.90
				2030-05-20,PAYPAL *SPOTIFY 12345,,-9.90
				""", SIMPLE, account);
		assertThat(statuses(preview)).containsExactly("match", "new", "new");
		JsonNode match = preview.get("rows").get(0);
		assertThat(match.get("reason").asString()).contains("expense #" + spotify).contains("Spotify");
		assertThat(match.get("entry").get("id").asInt()).isEqualTo(spotify);
		assertThat(match.get("decision").asString()).isEqualTo("skip");
	}

	@Test
	void decimalCommaSemicolonsAndDebitCreditColumns() {
		String account = account();
		JsonNode preview = preview("""
				Datum;Beschreibung;Soll;Haben;Währung
				03.06.2030;Supermarkt;1.234,56;;EUR
				04.06.2030;Gehalt;;2.500,00;EUR
				05.06.2030;Both;1,00;2,00;EUR
				""",
				"{\"date\":\"Datum\",\"date_format\":\"dd.MM.yyyy\",\"debit\":\"Soll\",\"credit\":\"Haben\","
						+ "\"payee\":\"Beschreibung\",\"currency\":\"Währung\",\"decimal\":\",\",\"thousands\":\".\","
						+ "\"delimiter\":\";\"}",
				account);
		assertThat(statuses(preview)).containsExactly("new", "new", "error");
		JsonNode rows = preview.get("rows");
		assertThat(rows.get(0).get("kind").asString()).isEqualTo("expense");
		assertThat(rows.get(0).get("amount").decimalValue()).isEqualByComparingTo("1234.56");
		assertThat(rows.get(0).get("currency").asString()).isEqualTo("EUR");
		assertThat(rows.get(0).get("date").asString()).isEqualTo("2030-06-03");
		assertThat(rows.get(1).get("kind").asString()).isEqualTo("income");
		assertThat(rows.get(1).get("amount").decimalValue()).isEqualByComparingTo("2500.00");
		assertThat(rows.get(2).get("reason").asString()).isEqualTo("Both debit and credit are filled");
		assertThat(preview.get("mapping").get("decimal").asString()).isEqualTo(",");
	}

	@Test
	void tabSeparatedWithoutHeaderAndPositiveIsExpense() {
		String account = account();
		JsonNode preview = preview("06/07/2030\tTaxi\t33.10\n06/08/2030\tRefund\t-5\n",
				"{\"date\":1,\"date_format\":\"MM/dd/yyyy\",\"payee\":2,\"amount\":3,\"header\":false,"
						+ "\"delimiter\":\"tab\",\"sign\":\"positive_is_expense\"}",
				account);
		assertThat(statuses(preview)).containsExactly("new", "new");
		assertThat(preview.get("format").asString()).isEqualTo("tsv");
		assertThat(preview.get("rows").get(0).get("line").asInt()).isEqualTo(1);
		assertThat(preview.get("rows").get(0).get("kind").asString()).isEqualTo("expense");
		assertThat(preview.get("rows").get(0).get("date").asString()).isEqualTo("2030-06-07");
		assertThat(preview.get("rows").get(1).get("kind").asString()).isEqualTo("income");
	}

	@Test
	void encodingsByBomUtf8AndTheMappingsCharset() {
		String csv = "Date,Payee,Memo,Amount\r\n2030-08-01,סופר פארם,קניות,-55.00\n2030-08-02,Café Noir,,-3.50\r\n";
		String mapping = SIMPLE.replace("}", ",\"encoding\":\"windows-1255\"}");
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		byte[] utf8 = csv.getBytes(StandardCharsets.UTF_8);
		byte[] withBom = new byte[bom.length + utf8.length];
		System.arraycopy(bom, 0, withBom, 0, bom.length);
		System.arraycopy(utf8, 0, withBom, bom.length, utf8.length);
		byte[] utf16le = ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_16LE);
		byte[] utf16be = ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_16BE);
		for (byte[] file : List.of(utf8, withBom, utf16le, utf16be)) {
			JsonNode preview = preview(file, mapping, account());
			assertThat(statuses(preview)).containsExactly("new", "new");
			assertThat(preview.get("rows").get(0).get("business").asString()).isEqualTo("סופר פארם");
			assertThat(preview.get("rows").get(1).get("business").asString()).isEqualTo("Café Noir");
		}
		String hebrewOnly = "Date,Payee,Memo,Amount\n2030-08-01,סופר פארם,קניות,-55.00\n";
		JsonNode windows = preview(hebrewOnly.getBytes(Charset.forName("windows-1255")), mapping, account());
		assertThat(windows.get("rows").get(0).get("business").asString()).isEqualTo("סופר פארם");
		assertThat(windows.get("rows").get(0).get("notes").asString()).isEqualTo("קניות");
		assertThat(windows.get("mapping").get("encoding").asString()).isEqualTo("windows-1255");

		// not UTF-8 and no charset named: refused, never read as empty or mangled
		ApiResponse unreadable = upload("s.csv", hebrewOnly.getBytes(Charset.forName("windows-1255")), SIMPLE,
				account());
		assertThat(unreadable.status()).as(unreadable.toString()).isEqualTo(422);
		assertThat(unreadable.json().get("detail").get(0).get("msg").asString()).contains("not valid UTF-8");
	}

	@Test
	void theBanksTransactionIdDecidesWhenTheFileHasOne() {
		String account = account();
		String mapping = SIMPLE.replace("}", ",\"id\":\"Ref\"}");
		String csv = """
				Ref,Date,Payee,Memo,Amount
				T1,2030-09-01,Coffee,,-4.00
				T2,2030-09-01,Coffee,,-4.00
				T2,2030-09-01,Coffee,,-4.00
				""";
		JsonNode first = preview(csv, mapping, account);
		assertThat(statuses(first)).containsExactly("new", "new", "duplicate");
		assertThat(first.get("rows").get(2).get("reason").asString()).contains("also on line 3");
		assertThat(first.get("rows").get(0).get("bank_id").asString()).isEqualTo("T1");
		assertThat(commit(first).status()).isEqualTo(200);
		JsonNode again = preview(csv + "T3,2030-09-01,Coffee,,-4.00\n", mapping, account);
		assertThat(statuses(again)).containsExactly("duplicate", "duplicate", "duplicate", "new");
		assertThat(again.get("rows").get(0).get("reason").asString()).contains("was imported before");
	}

	@Test
	void aCommitWithAnIdempotencyKeyHappensOnce() {
		String account = account();
		JsonNode preview = preview("Date,Payee,Memo,Amount\n2030-10-01,Shop,,-10\n", SIMPLE, account);
		String path = "/api/v1/imports/" + preview.get("id").asInt() + "/commit";
		ApiResponse first = sendWith("POST", path, null,
				Map.of("Idempotency-Key", "commit-" + account.replace(' ', '-')));
		ApiResponse retry = sendWith("POST", path, null,
				Map.of("Idempotency-Key", "commit-" + account.replace(' ', '-')));
		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
		assertThat(retry.body()).isEqualTo(first.body());
		assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(expenses(account)).isEqualTo(1);
		assertThat(post(path, null).status()).isEqualTo(409);
	}

	@Test
	void aPreviewIsDiscardedAndRowsArePaged() {
		String account = account();
		StringBuilder csv = new StringBuilder("Date,Payee,Memo,Amount\n");
		for (int i = 1; i <= 5; i++) {
			csv.append("2030-11-0").append(i).append(",Shop ").append(i).append(",,-").append(i).append("\n");
		}
		JsonNode preview = preview(csv.toString(), SIMPLE, account);
		int id = preview.get("id").asInt();
		ApiResponse page = get("/api/v1/imports/" + id + "?limit=2");
		assertThat(page.json().get("rows")).hasSize(2);
		assertThat(page.json().get("next").asString()).isEqualTo("/api/v1/imports/" + id + "?after=3&limit=2");
		ApiResponse last = get(page.json().get("next").asString().replace("limit=2", "limit=10"));
		assertThat(last.json().get("rows")).hasSize(3);
		assertThat(last.json().get("next")).isNull();
		assertThat(get("/api/v1/imports/" + id + "?limit=0").status()).isEqualTo(422);
		assertThat(get("/api/v1/imports/" + id + "?limit=1001").status()).isEqualTo(422);

		assertThat(delete("/api/v1/imports/" + id).status()).isEqualTo(200);
		assertThat(get("/api/v1/imports/" + id).status()).isEqualTo(404);
		assertThat(commit(preview).status()).isEqualTo(404);
		assertThat(expenses(account)).isZero();
		assertThat(get("/api/v1/imports/abc").status()).isEqualTo(404);
		assertThat(patch("/api/v1/imports/999999/rows/2", "{\"decision\":\"skip\"}").status()).isEqualTo(404);
	}

	@Test
	void badUploadsAreClearRefusalsAndWriteNothing() {
		String account = account();
		ApiResponse noFile = sendBytes("POST", "/api/v1/imports",
				ImportUploads.body(null, null, "mapping", SIMPLE, "account", account), ImportUploads.CONTENT_TYPE);
		assertThat(noFile.status()).as(noFile.toString()).isEqualTo(422);
		assertThat(noFile.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"body\",\"file\"]");

		byte[] csv = ImportUploads.utf8("Date,Payee,Memo,Amount\n2030-12-01,Shop,,-1\n");
		ApiResponse noMapping = upload("s.csv", csv, null, account);
		assertThat(noMapping.status()).isEqualTo(422);
		assertThat(noMapping.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"body\",\"mapping\"]");

		ApiResponse notJson = upload("s.csv", csv, "{date:", account);
		assertThat(notJson.status()).isEqualTo(422);
		assertThat(notJson.json().get("detail").get(0).get("type").asString()).isEqualTo("json_invalid");

		ApiResponse badMapping = upload("s.csv", csv,
				"{\"date\":\"Date\",\"date_format\":\"yyyy-MM-dd{\",\"amount\":\"Amount\",\"debit\":\"D\","
						+ "\"delimiter\":\"|\",\"encoding\":\"no-such-charset\",\"colour\":\"red\"}",
				account);
		assertThat(badMapping.status()).as(badMapping.toString()).isEqualTo(422);
		List<String> locs = new ArrayList<>();
		badMapping.json().get("detail").forEach((issue) -> locs.add(issue.get("loc").toString()));
		assertThat(locs).contains("[\"body\",\"mapping\",\"colour\"]", "[\"body\",\"mapping\",\"date_format\"]",
				"[\"body\",\"mapping\",\"amount\"]", "[\"body\",\"mapping\",\"delimiter\"]",
				"[\"body\",\"mapping\",\"encoding\"]");

		ApiResponse noAccount = upload("s.csv", csv, SIMPLE, null);
		assertThat(noAccount.status()).isEqualTo(422);
		assertThat(noAccount.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"body\",\"account\"]");

		ApiResponse missingColumn = upload("s.csv", ImportUploads.utf8("When,What,Sum\n2030-12-01,Shop,-1\n"), SIMPLE,
				account);
		assertThat(missingColumn.status()).isEqualTo(422);
		assertThat(missingColumn.json().get("detail").get(0).get("msg").asString())
			.contains("the file has no column 'date'")
			.contains("When, What, Sum");

		byte[] binary = new byte[2000];
		for (int i = 0; i < binary.length; i++) {
			binary[i] = (byte) (i * 37 + 128);
		}
		ApiResponse notAStatement = upload("photo.jpg", binary, SIMPLE, account);
		assertThat(notAStatement.status()).as(notAStatement.toString()).isEqualTo(422);

		ApiResponse headerOnly = upload("s.csv", ImportUploads.utf8("Date,Payee,Memo,Amount\n"), SIMPLE, account);
		assertThat(headerOnly.status()).isEqualTo(422);
		assertThat(headerOnly.json().get("detail").get(0).get("msg").asString()).contains("no data rows");

		ApiResponse asJson = post("/api/v1/imports", "{\"file\":\"x\"}");
		assertThat(asJson.status()).isEqualTo(415);
		ApiResponse badDecision = patch("/api/v1/imports/1/rows/2", "{\"decision\":\"maybe\"}");
		assertThat(badDecision.status()).isEqualTo(422);
		assertThat(expenses(account)).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM import_batches WHERE account = :account")
			.param("account", account)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void twentyThousandRowsArePreviewedAndCommitted() {
		String account = account();
		StringBuilder csv = new StringBuilder("Date,Payee,Memo,Amount\n");
		for (int i = 0; i < 20_000; i++) {
			csv.append("2029-")
				.append(String.format("%02d-%02d", 1 + (i % 12), 1 + (i % 28)))
				.append(",Shop ")
				.append(i % 500)
				.append(",row ")
				.append(i)
				.append(",-")
				.append(new BigDecimal(i % 1000 + 1).movePointLeft(1))
				.append("\n");
		}
		long started = System.nanoTime();
		JsonNode preview = preview(csv.toString(), SIMPLE, account);
		long previewed = System.nanoTime();
		assertThat(preview.get("counts").get("total").asInt()).isEqualTo(20_000);
		assertThat(preview.get("rows")).hasSize(200);
		ApiResponse committed = sendWith("POST", "/api/v1/imports/" + preview.get("id").asInt() + "/commit", null,
				Map.of());
		long done = System.nanoTime();
		assertThat(committed.status()).as(committed.toString()).isEqualTo(200);
		assertThat(expenses(account)).isEqualTo(committed.json().get("counts").get("created").asInt());
		System.out.printf("20,000-row import: preview %d ms, commit %d ms (%d created)%n",
				(previewed - started) / 1_000_000, (done - previewed) / 1_000_000,
				committed.json().get("counts").get("created").asInt());
	}

}
