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
		assertThat(response.body()).isEqualTo("{\"status\":\"imported\",\"inserted\":3,\"rejected\":[]}");
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

}
