package dev.homebudget.support;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** CSV export and import of one resource, over HTTP against PostgreSQL. */
public abstract class EntryCsvContract extends ApiTestSupport {

	protected abstract String resource();

	protected abstract boolean hasBusiness();

	private String path(String suffix) {
		return "/api/v1/" + resource() + suffix;
	}

	private static String account() {
		return "csv-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private ApiResponse upload(String csv, String query) {
		return send("POST", path("/import" + query), csv, "text/csv");
	}

	private List<String> exported(String account) {
		ApiResponse response = get(path("/export?account=" + account + "&sort=amount"));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Type")).startsWith("text/csv");
		assertThat(response.header("Content-Disposition")).contains(resource() + "s.csv");
		return response.body().lines().toList();
	}

	@Test
	void shouldImportAllRowsAndExportThemBackExactly() {
		String account = account();
		String csv = "date,category,amount,account,currency,notes" + (hasBusiness() ? ",business" : "") + "\r\n"
				+ "2025-11-01,Food,158.16," + account + ",,\"weekly, big\"" + (hasBusiness() ? ",SuperSal" : "")
				+ "\r\n" + "2025-11-02,Fun,0.10," + account + ",$,\"said \"\"hi\"\"\"" + (hasBusiness() ? "," : "")
				+ "\r\n" + "2025-11-03,Bills,=1+2," + account + ",,=HYPERLINK(\"x\")" + (hasBusiness() ? ",@evil" : "")
				+ "\r\n";
		ApiResponse response = upload(csv.replace("=1+2", "12.345"), "");
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(
				"{\"status\":\"imported\",\"inserted\":3,\"rejected\":[],\"rejected_count\":0,\"rejected_rows\":0}");
		List<String> lines = exported(account);
		String header = hasBusiness() ? "id,date,business,category,amount,account,currency,notes"
				: "id,date,category,amount,account,currency,notes";
		assertThat(lines.get(0)).isEqualTo(header);
		assertThat(lines).hasSize(4);
		assertThat(lines.get(1)).contains(",0.10," + account + ",$,\"said \"\"hi\"\"\"");
		assertThat(lines.get(2)).contains(",12.35," + account + ",\u20aa,");
		assertThat(lines.get(2)).contains("'=HYPERLINK");
		assertThat(lines.get(3)).contains(",158.16," + account + ",\u20aa,\"weekly, big\"");
		JsonNode listed = get(path("?account=" + account + "&sort=amount")).json();
		assertThat(listed.get(1).get("notes").asString()).isEqualTo("=HYPERLINK(\"x\")");
		if (hasBusiness()) {
			assertThat(listed.get(1).get("business").asString()).isEqualTo("@evil");
			assertThat(listed.get(0).get("business").isNull()).isTrue();
		}
	}

	@Test
	void shouldRoundTripAnExportIntoAnImport() {
		String account = account();
		assertThat(upload("date,category,amount,account\n2025-01-01,'=cmd,5," + account + "\n", "").status())
			.isEqualTo(200);
		String exportedCsv = String.join("\n", exported(account));
		String again = exportedCsv.replace(account, account + "-2");
		assertThat(upload(again, "").status()).isEqualTo(200);
		assertThat(exported(account + "-2").get(1)).contains(",'=cmd,");
	}

	@Test
	void shouldRejectTheWholeFileWhenOneRowIsBad() {
		String account = account();
		String csv = "date,category,amount,account\n2025-11-01,Food,10," + account + "\n2025-02-30,Food,abc," + account
				+ "\n";
		ApiResponse response = upload(csv, "");
		assertThat(response.status()).isEqualTo(422);
		JsonNode detail = response.json().get("detail");
		assertThat(detail.size()).isEqualTo(2);
		assertThat(detail.get(0).get("loc").toString()).isEqualTo("[\"body\",3,\"date\"]");
		assertThat(detail.get(1).get("loc").toString()).isEqualTo("[\"body\",3,\"amount\"]");
		assertThat(exported(account)).hasSize(1);
	}

	@Test
	void shouldImportGoodRowsAndReportBadOnesInPartialMode() {
		String account = account();
		String csv = "date,category,amount,account\n2025-11-01,Food,10," + account + "\n,Food,1," + account
				+ "\n2025-11-02,Food,1e9," + account + "\n";
		ApiResponse response = upload(csv, "?mode=partial");
		assertThat(response.status()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(body.get("inserted").asInt()).isEqualTo(1);
		assertThat(body.get("rejected").size()).isEqualTo(2);
		assertThat(body.get("rejected").get(0).get("line").asInt()).isEqualTo(3);
		assertThat(body.get("rejected").get(0).get("field").asString()).isEqualTo("date");
		assertThat(body.get("rejected").get(1).get("line").asInt()).isEqualTo(4);
		assertThat(body.get("rejected").get(1).get("reason").asString()).contains("less than");
		assertThat(exported(account)).hasSize(2);
	}

	@Test
	void shouldRefuseBadUploads() {
		assertThat(upload("category,amount\nFood,1\n", "").json().get("detail").get(0).get("loc").toString())
			.isEqualTo("[\"body\",\"header\"]");
		assertThat(send("POST", path("/import"), "{}", "application/json").status()).isEqualTo(415);
		assertThat(upload("", "").status()).isEqualTo(422);
		assertThat(upload("date,category,amount,account\n\"unterminated", "").status()).isEqualTo(422);
		assertThat(upload("date,category,amount,account\n", "?mode=maybe").status()).isEqualTo(422);
		assertThat(sendBytes("POST", path("/import"), new byte[] { 'd', (byte) 0xC3, '\n' }, "text/csv").status())
			.isEqualTo(422);
	}

	/**
	 * These suites run in single-user mode (and the JSON phases), where no payer is kept:
	 * the export has no payer columns, and an upload that names a payer is refused as the
	 * JSON API refuses it, while empty cells and "shared" pass. Incomes have no payers
	 * and ignore the columns as unknown ones.
	 */
	@Test
	void shouldRefuseNamedPayersWhereNoneAreKept() {
		String account = account();
		String header = "date,category,amount,account,Paid_By,for_whom,shares\n";
		String named = header + "2025-11-01,Food,10," + account + ",,shared,\n2025-11-02,Food,20," + account
				+ ",dana,,\n2025-11-03,Food,30," + account + ",,dana,dana 30\n";
		ApiResponse refused = upload(named, "");
		if (!hasBusiness()) {
			assertThat(refused.status()).as(refused.toString()).isEqualTo(200);
			assertThat(exported(account)).hasSize(4);
			return;
		}
		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		List<String> locations = new java.util.ArrayList<>();
		refused.json().get("detail").forEach((issue) -> locations.add(issue.get("loc").toString()));
		assertThat(locations).containsExactly("[\"body\",3,\"paid_by\"]", "[\"body\",4,\"for_whom\"]",
				"[\"body\",4,\"shares\"]");
		assertThat(exported(account)).hasSize(1);
		ApiResponse partial = upload(named, "?mode=partial");
		assertThat(partial.json().get("inserted").asInt()).as(partial.toString()).isEqualTo(1);
		assertThat(exported(account)).hasSize(2)
			.first()
			.isEqualTo("id,date,business,category,amount,account,currency,notes");
		assertThat(get(path("/export?account=" + account + "&paid_by=1")).body().lines().count()).isEqualTo(1);
	}

	@Test
	void shouldExportWithFilters() {
		String account = account();
		upload("date,category,amount,account\n2025-11-01,Food,10," + account + "\n2025-12-01,Food,20," + account + "\n",
				"");
		ApiResponse response = get(path("/export?account=" + account + "&from=2025-12-01"));
		assertThat(response.body().lines().count()).isEqualTo(2);
		assertThat(get(path("/export?limit=0")).status()).isEqualTo(422);
	}

	@Test
	void shouldRefuseAFileOfMoreRowsThanTheLimitAndImportNothing() {
		String account = account();
		StringBuilder csv = new StringBuilder("date,category,amount,account\n");
		for (int i = 0; i < 50_001; i++) {
			csv.append("2025-11-01,Food,1,").append(account).append('\n');
		}
		ApiResponse response = upload(csv.toString(), "?mode=partial");
		assertThat(response.status()).as(response.toString()).isEqualTo(413);
		assertThat(response.json().get("detail").asString()).contains("more than 50000 rows");
		assertThat(exported(account)).hasSize(1);
	}

	@Test
	void shouldListTheFirstHundredRejectionsAndCountTheRest() {
		String account = account();
		StringBuilder csv = new StringBuilder("date,category,amount,account\n2025-11-01,Food,1," + account + "\n");
		for (int i = 0; i < 5_000; i++) {
			csv.append("2025-13-01,Food,x,").append(account).append('\n');
		}
		csv.append("2025-11-02,Food,2,").append(account).append('\n');
		ApiResponse partial = upload(csv.toString(), "?mode=partial");
		assertThat(partial.status()).as(partial.toString()).isEqualTo(200);
		JsonNode body = partial.json();
		assertThat(body.get("inserted").asInt()).isEqualTo(2);
		assertThat(body.get("rejected").size()).isEqualTo(100);
		assertThat(body.get("rejected_count").asInt()).isEqualTo(10_000);
		assertThat(body.get("rejected_rows").asInt()).isEqualTo(5_000);
		assertThat(partial.body().length()).as("answer size").isLessThan(20_000);
		ApiResponse all = upload(csv.toString().replace(account, account + "-all"), "");
		assertThat(all.status()).isEqualTo(422);
		JsonNode detail = all.json().get("detail");
		assertThat(detail.size()).isEqualTo(101);
		assertThat(detail.get(100).get("type").asString()).isEqualTo("too_many_errors");
		assertThat(detail.get(100).get("msg").asString()).contains("10000 problems").contains("5000 rows");
		assertThat(all.body().length()).as("answer size").isLessThan(40_000);
		assertThat(exported(account + "-all")).hasSize(1);
	}

	@Test
	void shouldNotEchoLongCellsOrLines() {
		String account = account();
		String longCategory = "c".repeat(5_000);
		ApiResponse echoed = upload("date,category,amount,account\n2025-11-01," + longCategory + ",1," + account + "\n",
				"");
		assertThat(echoed.status()).isEqualTo(422);
		assertThat(echoed.json().get("detail").get(0).get("type").asString()).isEqualTo("string_too_long");
		assertThat(echoed.body().length()).isLessThan(1_000);
		ApiResponse longLine = upload(
				"date,category,amount,account\n2025-11-01,\"" + "n".repeat(200_000) + "\",1," + account + "\n", "");
		assertThat(longLine.status()).isEqualTo(422);
		assertThat(longLine.json().get("detail").get(0).get("msg").asString())
			.isEqualTo("CSV could not be read: line 2 is longer than 65536 characters (a row of that length is not a "
					+ "budget entry)");
		assertThat(exported(account)).hasSize(1);
	}

	@Test
	void shouldAnswerMalformedCsvWithASentenceOfItsOwn() {
		for (String csv : List.of("date,category,amount,account\n\"a\"b,Food,1,x\n",
				"date,category,amount,account\n2025-11-01,\"Food,1,x\n", "date,,amount,account\n2025-11-01,a,1,x\n")) {
			ApiResponse response = upload(csv, "");
			assertThat(response.status()).as(csv).isEqualTo(422);
			String message = response.json().get("detail").get(0).get("msg").asString();
			assertThat(message).as(csv)
				.startsWith("CSV could not be read: ")
				.doesNotContain("Exception", "org.apache", "java.", "EOF", "encapsulated");
		}
	}

	/**
	 * An export is read and written a page of 1,000 rows at a time, never whole: across
	 * the pages every row comes once, in the query's order (ties by id), and a limit
	 * still holds.
	 */
	@Test
	void shouldExportMorePagesThanOneInOrder() {
		String account = account();
		StringBuilder csv = new StringBuilder("date,category,amount,account\n");
		for (int i = 0; i < 2_345; i++) {
			csv.append("2025-11-")
				.append(String.format("%02d", 1 + i % 28))
				.append(",Food,")
				.append(1 + i % 7)
				.append(',')
				.append(account)
				.append('\n');
		}
		assertThat(upload(csv.toString(), "").status()).isEqualTo(200);
		List<String> lines = exported(account);
		assertThat(lines).hasSize(2_346);
		List<long[]> keys = lines.subList(1, lines.size())
			.stream()
			.map((line) -> line.split(","))
			.map((cells) -> new long[] { new java.math.BigDecimal(cells[hasBusiness() ? 4 : 3]).longValue(),
					Long.parseLong(cells[0]) })
			.toList();
		assertThat(keys.stream().map((key) -> key[1]).distinct().count()).isEqualTo(2_345);
		for (int i = 1; i < keys.size(); i++) {
			long[] before = keys.get(i - 1);
			long[] after = keys.get(i);
			assertThat(before[0] < after[0] || (before[0] == after[0] && before[1] < after[1]))
				.as("row %d after row %d", i + 1, i)
				.isTrue();
		}
		assertThat(get(path("/export?account=" + account + "&limit=700")).body().lines().count()).isEqualTo(701);
		assertThat(get(path("/export?account=" + account + "&sort=-date")).body().lines().count()).isEqualTo(2_346);
	}

}
