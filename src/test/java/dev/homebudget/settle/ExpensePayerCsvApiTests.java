package dev.homebudget.settle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.homebudget.support.ApiTestSupport.ApiResponse;
import dev.homebudget.support.SignedInHouseholdsSupport;
import dev.homebudget.support.TokenCaller;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payer columns of the expense CSV in sign-in mode over real HTTP: members written by
 * username, an export imported into an empty household with the same members gives back
 * every expense, payer, beneficiary and share to the cent, and bad payer cells are 422 at
 * their line and column (or skipped in partial mode).
 */
class ExpensePayerCsvApiTests extends SignedInHouseholdsSupport {

	private static final String HEADER = "id,date,business,category,amount,account,currency,notes,paid_by,for_whom,shares";

	private static void create(TokenCaller user, String date, String amount, String notes, String extra) {
		ApiResponse created = user.json("POST", "/api/v1/expense",
				"{\"date\":\"" + date + "\",\"business\":\"Shop\",\"category\":\"Food\",\"amount\":\"" + amount
						+ "\",\"account\":\"Cash\",\"notes\":\"" + notes + "\"" + extra + "}");
		assertThat(created.status()).as(created.toString()).isEqualTo(200);
	}

	private static String share(TokenCaller user, String amount) {
		return "{\"user_id\":" + user.userId() + ",\"amount\":\"" + amount + "\"}";
	}

	private static ApiResponse upload(TokenCaller user, String csv, String query) {
		return user.send("POST", "/api/v1/expense/import" + query, csv, "text/csv");
	}

	/** Every expense of the caller's household by its notes: fields, payer and shares. */
	private static Map<String, String> snapshot(TokenCaller user) {
		Map<String, String> rows = new TreeMap<>();
		for (JsonNode row : user.get("/api/v1/expense").json()) {
			Map<Integer, String> shares = new TreeMap<>();
			row.get("shares")
				.forEach((share) -> shares.put(share.get("user_id").asInt(),
						share.get("amount").decimalValue().setScale(2).toPlainString()));
			rows.put(row.get("notes").asString(),
					String.join("|", row.get("date").asString(), row.get("business").asString(),
							row.get("category").asString(), row.get("amount").decimalValue().toPlainString(),
							row.get("account").asString(), row.get("currency").asString(),
							row.get("paid_by").toString(), row.get("for_whom").toString(), shares.toString()));
		}
		return rows;
	}

	@Test
	void anExportImportedIntoAnEmptyHouseholdWithTheSameMembersGivesEverySplitBack() {
		TokenCaller a = newUser("ca");
		TokenCaller b = newUser("cb");
		// a name a spreadsheet would run as a formula
		TokenCaller c = newUser("@cc");
		TokenCaller viewer = newUser("cv");
		int first = currentHousehold(a);
		join(a, first, "member", b, c);
		join(a, first, "viewer", viewer);
		create(a, "2025-11-01", "100.01", "equal by all", "");
		create(b, "2025-11-02", "12.00", "for a", ",\"for_whom\":" + a.userId());
		create(c, "2025-11-03", "10.00", "custom",
				",\"shares\":[" + share(a, "2.50") + "," + share(b, "7.00") + "," + share(c, "0.50") + "]");
		create(b, "2025-11-04", "9.99", "unknown payer", ",\"paid_by\":null");
		create(a, "2025-11-05", "7.00", "equal by a and b",
				",\"shares\":[" + share(a, "3.50") + "," + share(b, "3.50") + "]");
		create(b, "2025-11-06", "20.00", "for the viewer",
				",\"paid_by\":" + c.userId() + ",\"for_whom\":" + viewer.userId());
		this.jdbc
			.sql("INSERT INTO expenses (date, category, amount, account, notes, household_id) "
					+ "VALUES ('2025-01-01', 'Legacy', 5.00, 'Cash', 'from before V9', :household)")
			.param("household", first)
			.update();
		Map<String, String> before = snapshot(a);
		assertThat(before).hasSize(7);

		ApiResponse export = a.get("/api/v1/expense/export");
		assertThat(export.status()).as(export.toString()).isEqualTo(200);
		List<String> lines = export.body().lines().toList();
		assertThat(lines.get(0)).isEqualTo(HEADER);
		String an = a.username();
		String bn = b.username();
		String cn = "'" + c.username();
		assertThat(lines).hasSize(8);
		assertThat(line(lines, "for the viewer")).endsWith(",for the viewer," + cn + "," + viewer.username() + ",");
		assertThat(line(lines, "equal by a and b"))
			.endsWith(",equal by a and b," + an + ",shared," + an + " 3.50; " + bn + " 3.50");
		assertThat(line(lines, "unknown payer")).endsWith(",unknown payer,,shared,");
		assertThat(line(lines, "custom"))
			.endsWith(",custom," + cn + ",shared," + an + " 2.50; " + bn + " 7.00; " + c.username() + " 0.50");
		assertThat(line(lines, "for a")).endsWith(",for a," + bn + "," + an + ",");
		assertThat(line(lines, "equal by all")).endsWith(",equal by all," + an + ",shared,");
		assertThat(line(lines, "from before V9")).endsWith(",from before V9,,,");
		// the filters apply to the export too
		assertThat(a.get("/api/v1/expense/export?paid_by=" + c.userId()).body().lines()).hasSize(3);

		ApiResponse second = a.json("POST", "/api/v1/households", "{\"name\":\"copy\"}");
		assertThat(second.status()).as(second.toString()).isEqualTo(201);
		int copy = second.json().get("id").asInt();
		join(a, copy, "member", b, c);
		join(a, copy, "viewer", viewer);
		assertThat(a.get("/api/v1/expense").json()).isEmpty();
		ApiResponse imported = upload(a, export.body(), "");
		assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
		assertThat(imported.json().get("inserted").asInt()).isEqualTo(7);
		assertThat(currentHousehold(a)).isEqualTo(copy);
		assertThat(snapshot(a)).isEqualTo(before);
		assertThat(a.get("/api/v1/expense/export").body().lines().skip(1).map(ExpensePayerCsvApiTests::withoutId))
			.containsExactlyElementsOf(lines.stream().skip(1).map(ExpensePayerCsvApiTests::withoutId).toList());
	}

	private static String line(List<String> lines, String notes) {
		return lines.stream().filter((line) -> line.contains("," + notes + ",")).findFirst().orElseThrow();
	}

	private static String withoutId(String line) {
		return line.substring(line.indexOf(','));
	}

	@Test
	void importReadsUsernamesOfTheHouseholdAndTheSplitRules() {
		TokenCaller a = newUser("ia");
		TokenCaller b = newUser("ib");
		TokenCaller stranger = newUser("ix");
		join(a, currentHousehold(a), "member", b);
		String head = "date,category,amount,account,notes,PAID_BY,For_Whom,Shares\n";
		String good = head + "2025-11-01,Food,10.00,Cash,one," + b.username().toUpperCase() + ",,\n"
				+ "2025-11-02,Food,10.01,Cash,two,," + a.username() + ",\n" + "2025-11-03,Food,3.00,Cash,three,"
				+ a.username() + ",shared,\" " + a.username() + " 1; " + b.username() + " 2.00 ;\"\n";
		ApiResponse imported = upload(b, good, "");
		assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
		Map<String, JsonNode> rows = new TreeMap<>();
		a.get("/api/v1/expense").json().forEach((row) -> rows.put(row.get("notes").asString(), row));
		assertThat(rows.get("one").get("paid_by").asInt()).isEqualTo(b.userId());
		assertThat(rows.get("one").get("for_whom").isNull()).isTrue();
		assertThat(rows.get("one").get("shares")).hasSize(2)
			.allSatisfy((share) -> assertThat(share.get("amount").decimalValue()).isEqualByComparingTo("5.00"));
		assertThat(rows.get("one").get("entered_by").asInt()).isEqualTo(b.userId());
		assertThat(rows.get("two").get("paid_by").isNull()).isTrue();
		assertThat(rows.get("two").get("for_whom").asInt()).isEqualTo(a.userId());
		assertThat(rows.get("three").get("shares").get(1).get("amount").decimalValue()).isEqualByComparingTo("2.00");

		// without a paid_by column the caller paid and all share, as on create
		ApiResponse noPayer = upload(b, "date,category,amount,account,notes\n2025-11-04,Food,4.00,Cash,four\n", "");
		assertThat(noPayer.status()).as(noPayer.toString()).isEqualTo(200);
		JsonNode four = a.get("/api/v1/expense?q=four").json().get(0);
		assertThat(four.get("paid_by").asInt()).isEqualTo(b.userId());
		assertThat(four.get("shares")).hasSize(2);

		String bad = head + "2025-11-05,Food,1.00,Cash,ok,,,\n" + "2025-11-05,Food,1.00,Cash,x,nobody,,\n"
				+ "2025-11-05,Food,1.00,Cash,x,," + stranger.username() + ",\n" + "2025-11-05,Food,1.00,Cash,x,,,\""
				+ a.username() + " 0.50; " + b.username() + " 0.49\"\n" + "2025-11-05,Food,1.00,Cash,x,,,justtext\n"
				+ "2025-11-05,Food,1.00,Cash,x,,,\"" + a.username() + " 1.00; " + stranger.username() + " 0\"\n";
		ApiResponse refused = upload(a, bad, "");
		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		List<String> locations = new ArrayList<>();
		refused.json().get("detail").forEach((issue) -> locations.add(issue.get("loc").toString()));
		assertThat(locations).containsExactly("[\"body\",3,\"paid_by\"]", "[\"body\",4,\"for_whom\"]",
				"[\"body\",5,\"shares\"]", "[\"body\",6,\"shares\"]", "[\"body\",7,\"shares\"]");
		assertThat(refused.body()).contains("is not a member of this household")
			.contains("shares must sum to the amount exactly");
		assertThat(a.get("/api/v1/expense?q=ok").json()).isEmpty();

		ApiResponse partial = upload(a, bad, "?mode=partial");
		assertThat(partial.status()).as(partial.toString()).isEqualTo(200);
		assertThat(partial.json().get("inserted").asInt()).isEqualTo(1);
		assertThat(partial.json().get("rejected")).hasSize(5);
		assertThat(partial.json().get("rejected").get(0).get("field").asString()).isEqualTo("paid_by");
		JsonNode ok = a.get("/api/v1/expense?q=ok").json().get(0);
		// every payer cell empty: an unknown payer and no shares, as a row from before
		assertThat(ok.get("paid_by").isNull()).isTrue();
		assertThat(ok.get("shares")).isEmpty();
	}

}
