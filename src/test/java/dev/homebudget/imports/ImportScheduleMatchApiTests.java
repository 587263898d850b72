package dev.homebudget.imports;

import java.time.Duration;
import java.time.LocalDate;
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
import static org.awaitility.Awaitility.await;

/**
 * Statement rows and the occurrences of schedules that wait for Confirm: a bank row that
 * pays a due bill is a match naming the schedule, and committing it confirms that
 * occurrence (once: the schedule counts it posted, a re-import adds nothing); flipped to
 * import it is a plain entry and the occurrence stays due; another household's
 * occurrences never match; an auto schedule's posted entries match as ordinary entries.
 * The app's poster runs every second here, so occurrences are found both before and after
 * it claimed them. Each test uses accounts and amounts of its own.
 */
class ImportScheduleMatchApiTests extends ApiTestSupport {

	private static final String MAPPING = "{\"date\":\"Date\",\"amount\":\"Amount\",\"payee\":\"Payee\","
			+ "\"memo\":\"Memo\",\"default_currency\":\"ILS\"}";

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		registry.add(DATABASE_URL_PROPERTY, () -> TestDatabase.jdbcUrl("imports_schedules"));
		registry.add("budget.schedules.post-interval", () -> "1s");
	}

	private static String unique(String name) {
		return name + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	/** A bill a week ago: the schedule's only occurrence. */
	private static LocalDate billDay() {
		return LocalDate.now().minusDays(7);
	}

	private int schedule(String mode, String business, String category, String amount, String account) {
		ApiResponse created = post("/api/v1/schedules",
				"{\"kind\":\"expense\",\"template\":{\"business\":\"" + business + "\",\"category\":\"" + category
						+ "\",\"amount\":\"" + amount + "\",\"account\":\"" + account
						+ "\",\"currency\":\"ILS\",\"notes\":\"the flat\"},\"rrule\":\"FREQ=MONTHLY\",\"start\":\""
						+ billDay() + "\",\"count\":1,\"mode\":\"" + mode + "\"}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asInt();
	}

	private JsonNode preview(String csv, String account) {
		ApiResponse response = sendBytes("POST", "/api/v1/imports",
				ImportUploads.body("statement.csv", ImportUploads.utf8(csv), "mapping", MAPPING, "account", account),
				ImportUploads.CONTENT_TYPE);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json();
	}

	private ApiResponse commit(JsonNode preview) {
		return post("/api/v1/imports/" + preview.get("id").asInt() + "/commit", null);
	}

	private static List<String> statuses(JsonNode preview) {
		List<String> statuses = new ArrayList<>();
		preview.get("rows").forEach((row) -> statuses.add(row.get("status").asString()));
		return statuses;
	}

	private List<JsonNode> expenses(String account) {
		List<JsonNode> found = new ArrayList<>();
		for (JsonNode row : get("/api/v1/expense").json()) {
			if (account.equals(row.get("account").asString())) {
				found.add(row);
			}
		}
		found.sort((a, b) -> a.get("id").asInt() - b.get("id").asInt());
		return found;
	}

	private List<JsonNode> upcoming(int scheduleId) {
		List<JsonNode> mine = new ArrayList<>();
		get("/api/v1/upcoming?days=31").json().forEach((item) -> {
			if (item.get("schedule_id").asInt() == scheduleId) {
				mine.add(item);
			}
		});
		return mine;
	}

	@Test
	void aRowPayingADueBillConfirmsItsOccurrenceOnceWithTheBanksDateAndAmount() {
		String account = unique("Bank");
		String rent = unique("Rent");
		int id = schedule("confirm", "Landlord", rent, "4321.00", account);
		LocalDate paid = billDay().plusDays(1);
		String csv = "Date,Payee,Memo,Amount\n" + paid + ",LANDLORD LTD 991,,-4321.00\n" + paid + ",Grocer,,-12.00\n";
		JsonNode preview = preview(csv, account);
		assertThat(statuses(preview)).containsExactly("match", "new");
		JsonNode row = preview.get("rows").get(0);
		assertThat(row.get("reason").asString()).startsWith("Matches the scheduled \"Landlord\" due " + billDay());
		assertThat(row.get("decision").asString()).isEqualTo("confirm");
		assertThat(row.get("schedule").get("schedule_id").asInt()).isEqualTo(id);
		assertThat(row.get("schedule").get("occurrence").asString()).isEqualTo(billDay().toString());
		assertThat(row.has("entry")).isFalse();
		assertThat(preview.get("counts").get("match").asInt()).isEqualTo(1);
		assertThat(preview.get("counts").get("to_import").asInt()).isEqualTo(2);

		ApiResponse committed = commit(preview);
		assertThat(committed.status()).as(committed.toString()).isEqualTo(200);
		assertThat(committed.json().get("counts").get("created").asInt()).isEqualTo(2);
		List<JsonNode> entries = expenses(account);
		assertThat(entries).hasSize(2);
		JsonNode bill = entries.stream().filter((e) -> rent.equals(e.get("category").asString())).findFirst().get();
		assertThat(bill.get("date").asString()).isEqualTo(paid.toString());
		assertThat(bill.get("amount").decimalValue()).isEqualByComparingTo("4321.00");
		assertThat(bill.get("business").asString()).isEqualTo("Landlord");
		assertThat(bill.get("notes").asString()).isEqualTo("the flat");

		// the schedule counts it posted, with that entry, and shows nothing due
		JsonNode occurrences = get("/api/v1/schedules/" + id + "/occurrences").json();
		assertThat(occurrences).hasSize(1);
		assertThat(occurrences.get(0).get("status").asString()).isEqualTo("posted");
		assertThat(occurrences.get(0).get("entry_id").asInt()).isEqualTo(bill.get("id").asInt());
		assertThat(upcoming(id)).isEmpty();
		JsonNode rows = get("/api/v1/imports/" + preview.get("id").asInt()).json().get("rows");
		assertThat(rows.get(0).get("created").get("id").asInt()).isEqualTo(bill.get("id").asInt());

		// the same statement again adds nothing
		JsonNode again = preview(csv, account);
		assertThat(statuses(again)).containsExactly("duplicate", "duplicate");
		assertThat(again.get("counts").get("to_import").asInt()).isZero();
		assertThat(commit(again).status()).isEqualTo(200);
		assertThat(expenses(account)).hasSize(2);
		assertThat(get("/api/v1/schedules/" + id + "/occurrences").json()).hasSize(1);

		// reverting the first import keeps the confirmed bill (the schedule counts it
		// paid)
		ApiResponse reverted = post("/api/v1/imports/" + preview.get("id").asInt() + "/revert", null);
		assertThat(reverted.status()).as(reverted.toString()).isEqualTo(200);
		assertThat(expenses(account)).extracting((e) -> e.get("id").asInt()).containsExactly(bill.get("id").asInt());
	}

	@Test
	void aFlippedRowIsAPlainEntryAndTheOccurrenceStaysDue() {
		String account = unique("Bank");
		String water = unique("Water");
		int id = schedule("confirm", "Water Co", water, "77.40", account);
		JsonNode preview = preview("Date,Payee,Memo,Amount\n" + billDay().minusDays(2) + ",WATER CO,,-77.40\n"
				+ billDay() + ",Baker,,-3.10\n", account);
		assertThat(statuses(preview)).containsExactly("match", "new");
		int batch = preview.get("id").asInt();
		ApiResponse wrong = patch("/api/v1/imports/" + batch + "/rows/3", "{\"decision\":\"confirm\"}");
		assertThat(wrong.status()).as(wrong.toString()).isEqualTo(422);
		assertThat(wrong.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"body\",\"decision\"]");
		ApiResponse flipped = patch("/api/v1/imports/" + batch + "/rows/2", "{\"decision\":\"import\"}");
		assertThat(flipped.status()).as(flipped.toString()).isEqualTo(200);
		assertThat(flipped.json().get("decision").asString()).isEqualTo("import");

		assertThat(commit(preview).status()).isEqualTo(200);
		List<JsonNode> entries = expenses(account);
		assertThat(entries).extracting((e) -> e.get("business").asString()).containsExactly("WATER CO", "Baker");
		assertThat(entries.get(0).get("category").asString()).isNotEqualTo(water);
		assertThat(upcoming(id)).extracting((item) -> item.get("occurrence").asString())
			.containsExactly(billDay().toString());
		assertThat(get("/api/v1/schedules/" + id + "/occurrences").json())
			.allSatisfy((o) -> assertThat(o.get("status").asString()).isEqualTo("due"));
	}

	@Test
	void anotherHouseholdsDueBillNeverMatches() {
		String account = unique("Bank");
		int other = this.jdbc.sql("INSERT INTO households (name) VALUES (:name) RETURNING id")
			.param("name", unique("Neighbours"))
			.query(Integer.class)
			.single();
		this.jdbc.sql("""
				INSERT INTO schedules (household_id, kind, template, rrule, start_date, count, weekend, mode, post_from)
				VALUES (:household, 'expense', CAST(:template AS jsonb), 'FREQ=MONTHLY', :start, 1, 'keep', 'confirm',
				    :start)""")
			.param("household", other)
			.param("template",
					"{\"business\":\"Landlord\",\"category\":\"Rent\",\"amount\":\"555.55\",\"account\":\"" + account
							+ "\",\"currency\":\"ILS\"}")
			.param("start", billDay())
			.update();
		JsonNode preview = preview("Date,Payee,Memo,Amount\n" + billDay() + ",Landlord,,-555.55\n", account);
		assertThat(statuses(preview)).containsExactly("new");
		assertThat(preview.get("rows").get(0).has("schedule")).isFalse();
		assertThat(preview.get("rows").get(0).get("decision").asString()).isEqualTo("import");
	}

	@Test
	void anAutoSchedulesPostedEntryIsMatchedAsAnOrdinaryEntry() {
		String account = unique("Bank");
		String gym = unique("Gym");
		schedule("auto", "Gym Club", gym, "88.10", account);
		int posted = await().atMost(Duration.ofMinutes(1))
			.until(() -> expenses(account).stream().map((e) -> e.get("id").asInt()).findFirst().orElse(null),
					(found) -> found != null);
		JsonNode preview = preview("Date,Payee,Memo,Amount\n" + billDay().plusDays(2) + ",GYM CLUB 42,,-88.10\n",
				account);
		assertThat(statuses(preview)).containsExactly("match");
		JsonNode row = preview.get("rows").get(0);
		assertThat(row.get("entry").get("id").asInt()).isEqualTo(posted);
		assertThat(row.has("schedule")).isFalse();
		assertThat(row.get("decision").asString()).isEqualTo("skip");
		assertThat(commit(preview).status()).isEqualTo(200);
		assertThat(expenses(account)).hasSize(1);
	}

}
