package dev.homebudget.schedule;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
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
 * {@code /api/v1/schedules} and {@code /api/v1/upcoming} in single-user mode on
 * PostgreSQL alone: the issue's month-end rent posted once per month as ordinary
 * expenses, a 12-payment purchase, confirm and skip, pause/resume/edit/end with If-Match,
 * the calendar feed read back by an iCalendar parser, and the contract's 422s. A database
 * of its own; the background poster is off, the tests post by calling it with a date.
 */
class ScheduleApiTests extends ApiTestSupport {

	@Autowired
	SchedulePoster poster;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		registry.add(DATABASE_URL_PROPERTY, () -> TestDatabase.jdbcUrl("schedule_api"));
		registry.add("budget.schedules.post-interval", () -> "0");
	}

	private static String unique(String name) {
		return name + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	private JsonNode create(String body) {
		ApiResponse created = post("/api/v1/schedules", body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json();
	}

	private List<JsonNode> expenses(String category) {
		List<JsonNode> found = new ArrayList<>();
		for (JsonNode row : get("/api/v1/expense").json()) {
			if (row.get("category").asString().equals(category)) {
				found.add(row);
			}
		}
		found.sort((a, b) -> a.get("date").asString().compareTo(b.get("date").asString()));
		return found;
	}

	@Test
	void theIssuesRentIsPostedOnEveryMonthEndExactlyOnceAsOrdinaryExpenses() {
		String rent = unique("Rent");
		JsonNode schedule = create("{\"kind\": \"expense\", \"template\": {\"business\": \"Landlord\", \"category\": \""
				+ rent + "\", \"amount\": \"4500.00\", \"account\": \"Bank\", \"currency\": \"ILS\", \"notes\": null},"
				+ " \"rrule\": \"FREQ=MONTHLY;BYMONTHDAY=-1\", \"start\": \"2031-01-31\", \"end\": null, \"count\": null,"
				+ " \"weekend\": \"keep\", \"mode\": \"auto\"}");
		int id = schedule.get("id").asInt();
		assertThat(schedule.get("status").asString()).isEqualTo("active");
		assertThat(schedule.get("next").get("date").asString()).isEqualTo("2031-01-31");
		assertThat(schedule.get("next").get("amount").decimalValue()).isEqualByComparingTo("4500.00");
		assertThat(schedule.get("template").has("date")).isFalse();

		assertThat(this.poster.postDue(LocalDate.parse("2031-01-30"))).isZero();
		this.poster.postDue(LocalDate.parse("2031-04-30"));
		this.poster.postDue(LocalDate.parse("2031-04-30"));
		List<JsonNode> posted = expenses(rent);
		assertThat(posted).extracting((row) -> row.get("date").asString())
			.containsExactly("2031-01-31", "2031-02-28", "2031-03-31", "2031-04-30");
		assertThat(posted.get(0).get("amount").decimalValue()).isEqualByComparingTo("4500.00");
		assertThat(posted.get(0).get("currency").asString()).isEqualTo("ILS");
		assertThat(posted.get(0).get("business").asString()).isEqualTo("Landlord");

		// each remembers its schedule and due date
		JsonNode occurrences = get("/api/v1/schedules/" + id + "/occurrences").json();
		assertThat(occurrences).hasSize(4);
		assertThat(occurrences.get(0).get("occurrence").asString()).isEqualTo("2031-04-30");
		assertThat(occurrences.get(0).get("status").asString()).isEqualTo("posted");
		assertThat(occurrences.get(0).get("entry_id").asInt()).isEqualTo(posted.get(3).get("id").asInt());

		// an entry deleted by hand is not posted again
		assertThat(delete("/api/v1/expense/" + posted.get(1).get("id").asInt()).status()).isEqualTo(200);
		this.poster.postDue(LocalDate.parse("2031-04-30"));
		assertThat(expenses(rent)).hasSize(3);

		ApiResponse read = get("/api/v1/schedules/" + id);
		assertThat(read.header("ETag")).isEqualTo("\"0\"");
		assertThat(read.json().get("posted").asInt()).isEqualTo(4);
		assertThat(read.json().get("next").get("date").asString()).isEqualTo("2031-05-31");
	}

	@Test
	void aTwelvePaymentPurchaseShowsThreeOfTwelveAndSumsToTheTotal() {
		String laptop = unique("Laptop");
		JsonNode plan = create("{\"kind\":\"expense\",\"template\":{\"business\":\"Store\",\"category\":\"" + laptop
				+ "\",\"account\":\"Visa\",\"notes\":\"Laptop\"},\"start\":\"2031-02-10\","
				+ "\"instalments\":{\"total\":\"1000.00\",\"count\":12,\"first_amount\":null}}");
		assertThat(plan.get("rrule").asString()).isEqualTo("FREQ=MONTHLY");
		assertThat(plan.get("count").asInt()).isEqualTo(12);
		assertThat(plan.get("instalments").get("total").decimalValue()).isEqualByComparingTo("1000.00");
		this.poster.postDue(LocalDate.parse("2032-12-31"));
		List<JsonNode> payments = expenses(laptop);
		assertThat(payments).hasSize(12);
		assertThat(
				payments.stream().map((p) -> p.get("amount").decimalValue()).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualByComparingTo("1000.00");
		assertThat(payments.get(0).get("amount").decimalValue()).isEqualByComparingTo("83.34");
		assertThat(payments.get(11).get("amount").decimalValue()).isEqualByComparingTo("83.33");
		assertThat(payments.get(2).get("notes").asString()).isEqualTo("Laptop · 3 of 12");
		assertThat(payments.get(11).get("date").asString()).isEqualTo("2032-01-10");
		JsonNode occurrences = get("/api/v1/schedules/" + plan.get("id").asInt() + "/occurrences").json();
		assertThat(occurrences.get(0).get("label").asString()).isEqualTo("12 of 12");
		assertThat(get("/api/v1/schedules/" + plan.get("id").asInt()).json().get("next").isNull()).isTrue();
	}

	@Test
	void dueItemsWaitForConfirmOrSkipAndShowUpcoming() {
		String phone = unique("Phone");
		LocalDate today = this.poster.today();
		JsonNode schedule = create("{\"kind\":\"expense\",\"template\":{\"category\":\"" + phone
				+ "\",\"amount\":50,\"account\":\"Card\"},\"rrule\":\"FREQ=DAILY\",\"start\":\"" + today.minusDays(3)
				+ "\",\"count\":6,\"mode\":\"confirm\",\"approximate\":true}");
		int id = schedule.get("id").asInt();
		this.poster.postDue(today);
		assertThat(expenses(phone)).isEmpty();
		JsonNode upcoming = get("/api/v1/upcoming?days=7").json();
		List<JsonNode> mine = new ArrayList<>();
		upcoming.forEach((item) -> {
			if (item.get("schedule_id").asInt() == id) {
				mine.add(item);
			}
		});
		assertThat(mine).extracting((item) -> item.get("status").asString())
			.containsExactly("due", "due", "due", "due", "to_confirm", "to_confirm");
		assertThat(mine.get(0).get("approximate").asBoolean()).isTrue();
		assertThat(mine.get(0).get("currency").asString()).isEqualTo("₪");
		assertThat(mine.get(0).get("category").asString()).isEqualTo(phone);

		String first = today.minusDays(3).toString();
		ApiResponse confirmed = post("/api/v1/schedules/" + id + "/occurrences/" + first + "/confirm",
				"{\"amount\":\"61.20\"}");
		assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
		assertThat(confirmed.json().get("status").asString()).isEqualTo("posted");
		assertThat(expenses(phone)).hasSize(1);
		assertThat(expenses(phone).get(0).get("amount").decimalValue()).isEqualByComparingTo("61.20");
		ApiResponse skipped = post("/api/v1/schedules/" + id + "/occurrences/" + today.minusDays(2) + "/skip", null);
		assertThat(skipped.status()).as(skipped.toString()).isEqualTo(200);
		assertThat(skipped.json().get("status").asString()).isEqualTo("skipped");
		// a future one can be skipped ahead of time, and nothing is handled twice
		assertThat(post("/api/v1/schedules/" + id + "/occurrences/" + today.plusDays(2) + "/skip", null).status())
			.isEqualTo(200);
		assertThat(post("/api/v1/schedules/" + id + "/occurrences/" + first + "/confirm", null).status())
			.isEqualTo(409);
		assertThat(post("/api/v1/schedules/" + id + "/occurrences/" + today.minusDays(2) + "/confirm", null).status())
			.isEqualTo(409);
		// a date the rule does not give
		assertThat(post("/api/v1/schedules/" + id + "/occurrences/" + today.plusDays(30) + "/confirm", null).status())
			.isEqualTo(404);
		this.poster.postDue(today.plusDays(10));
		assertThat(expenses(phone)).hasSize(1);
		JsonNode after = get("/api/v1/schedules/" + id + "/occurrences").json();
		assertThat(after).extracting((o) -> o.get("status").asString())
			.containsExactly("skipped", "due", "due", "due", "skipped", "posted");
	}

	@Test
	void pauseResumeEditAndEndWithIfMatch() {
		String gym = unique("Gym");
		LocalDate today = this.poster.today();
		JsonNode schedule = create("{\"kind\":\"expense\",\"template\":{\"category\":\"" + gym
				+ "\",\"amount\":30,\"account\":\"Card\"},\"rrule\":\"FREQ=DAILY\",\"start\":\"" + today.minusDays(5)
				+ "\"}");
		int id = schedule.get("id").asInt();
		String path = "/api/v1/schedules/" + id;
		ApiResponse paused = send("PATCH", path, "{\"status\":\"paused\"}", "application/json");
		assertThat(paused.status()).as(paused.toString()).isEqualTo(200);
		assertThat(paused.header("ETag")).isEqualTo("\"1\"");
		this.poster.postDue(today);
		assertThat(expenses(gym)).isEmpty();
		ApiResponse stale = sendWithIfMatch("PATCH", path, "{\"status\":\"active\"}", "\"0\"");
		assertThat(stale.status()).as(stale.toString()).isEqualTo(412);
		ApiResponse resumed = sendWithIfMatch("PATCH", path, "{\"status\":\"active\"}", "\"1\"");
		assertThat(resumed.status()).as(resumed.toString()).isEqualTo(200);
		// the days missed while paused are not posted; from today on they are
		this.poster.postDue(today);
		assertThat(expenses(gym)).extracting((row) -> row.get("date").asString()).containsExactly(today.toString());
		ApiResponse edited = patch(path,
				"{\"template\":{\"category\":\"" + gym + "\",\"amount\":35,\"account\":\"Card\"}}");
		assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
		this.poster.postDue(today.plusDays(1));
		assertThat(expenses(gym).get(1).get("amount").decimalValue()).isEqualByComparingTo("35.00");
		assertThat(patch(path, "{\"status\":\"ended\"}").json().get("next").isNull()).isTrue();
		this.poster.postDue(today.plusDays(5));
		assertThat(expenses(gym)).hasSize(2);
		assertThat(patch(path, "{}").status()).isEqualTo(422);
		assertThat(delete(path).status()).isEqualTo(200);
		assertThat(get(path).status()).isEqualTo(404);
		assertThat(expenses(gym)).hasSize(2);
	}

	private ApiResponse sendWithIfMatch(String method, String path, String body, String etag) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.method(method, HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "application/json")
			.header("If-Match", etag)
			.build();
		return send(request);
	}

	@Test
	void anIncomeAndTheCalendarFeedReadBackByAParser() {
		String salary = unique("Salary");
		LocalDate today = this.poster.today();
		create("{\"kind\":\"income\",\"template\":{\"category\":\"" + salary
				+ "\",\"amount\":\"12000.00\",\"account\":\"Bank\",\"currency\":\"ILS\"},"
				+ "\"rrule\":\"FREQ=MONTHLY\",\"start\":\"" + today.plusDays(1) + "\",\"weekend\":\"before\"}");
		String bills = unique("Netflix");
		create("{\"kind\":\"expense\",\"template\":{\"business\":\"Netflix\",\"category\":\"" + bills
				+ "\",\"amount\":\"49.90\",\"account\":\"Card\",\"currency\":\"ILS\"},"
				+ "\"rrule\":\"FREQ=MONTHLY\",\"start\":\"" + today.plusDays(2) + "\"}");
		ApiResponse feed = post("/api/v1/calendar/feed", null);
		assertThat(feed.status()).as(feed.toString()).isEqualTo(201);
		String path = feed.json().get("path").asString();
		ApiResponse ics = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build());
		assertThat(ics.status()).as(ics.toString()).isEqualTo(200);
		assertThat(ics.header("Content-Type")).startsWith("text/calendar");
		ICalendar calendar = Biweekly.parse(ics.body()).first();
		assertThat(calendar).isNotNull();
		assertThat(calendar.validate(biweekly.ICalVersion.V2_0).isEmpty())
			.as(calendar.validate(biweekly.ICalVersion.V2_0).toString())
			.isTrue();
		List<VEvent> netflix = calendar.getEvents()
			.stream()
			.filter((e) -> e.getSummary().getValue().startsWith("Netflix"))
			.toList();
		assertThat(netflix).hasSizeGreaterThanOrEqualTo(3);
		assertThat(netflix.get(0).getSummary().getValue()).isEqualTo("Netflix 49.90 ILS");
		assertThat(netflix.get(0).getDateStart().getValue().hasTime()).isFalse();
		assertThat(LocalDate.ofInstant(netflix.get(0).getDateStart().getValue().toInstant(), ZoneId.systemDefault()))
			.isEqualTo(today.plusDays(2));
		assertThat(calendar.getEvents()).anyMatch((e) -> e.getSummary().getValue().startsWith("Income: " + salary));

		// a new feed replaces the old; revoking ends it
		String newer = post("/api/v1/calendar/feed", null).json().get("path").asString();
		assertThat(get(path).status()).isEqualTo(404);
		assertThat(get(newer).status()).isEqualTo(200);
		assertThat(delete("/api/v1/calendar/feed").status()).isEqualTo(200);
		assertThat(get(newer).status()).isEqualTo(404);
		assertThat(delete("/api/v1/calendar/feed").status()).isEqualTo(404);
		assertThat(this.jdbc.sql("SELECT count(*) FROM calendar_feeds WHERE secret_sha256 = :s")
			.param("s", path.substring(path.lastIndexOf('/') + 1, path.length() - 4))
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void anIdempotencyKeyCreatesOnce() {
		String body = "{\"kind\":\"expense\",\"template\":{\"category\":\"Once\",\"amount\":1,\"account\":\"A\"},"
				+ "\"rrule\":\"FREQ=YEARLY\",\"start\":\"2031-06-01\"}";
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/schedules"))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString());
		ApiResponse first = send(request.build());
		ApiResponse again = send(request.build());
		assertThat(first.status()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.json().get("id").asInt()).isEqualTo(first.json().get("id").asInt());
	}

	@Test
	void badInputIsA422NamingTheField() {
		String template = "\"template\":{\"category\":\"X\",\"amount\":1,\"account\":\"A\"}";
		assertLoc(
				post("/api/v1/schedules",
						"{\"kind\":\"loan\"," + template + ",\"rrule\":\"FREQ=DAILY\",\"start\":\"2031-01-01\"}"),
				"body", "kind");
		assertLoc(
				post("/api/v1/schedules",
						"{\"kind\":\"expense\"," + template + ",\"rrule\":\"every day\",\"start\":\"2031-01-01\"}"),
				"body", "rrule");
		assertLoc(
				post("/api/v1/schedules",
						"{\"kind\":\"expense\"," + template + ",\"rrule\":\"FREQ=HOURLY\",\"start\":\"2031-01-01\"}"),
				"body", "rrule");
		assertLoc(post("/api/v1/schedules",
				"{\"kind\":\"expense\",\"template\":{\"category\":\"X\",\"account\":\"A\"},\"rrule\":\"FREQ=DAILY\","
						+ "\"start\":\"2031-01-01\"}"),
				"body", "template", "amount");
		assertLoc(
				post("/api/v1/schedules",
						"{\"kind\":\"expense\"," + template + ",\"rrule\":\"FREQ=DAILY\",\"start\":\"2031-02-30\"}"),
				"body", "start");
		assertLoc(
				post("/api/v1/schedules",
						"{\"kind\":\"expense\"," + template
								+ ",\"rrule\":\"FREQ=DAILY\",\"start\":\"2031-01-01\",\"weekend\":\"sometimes\"}"),
				"body", "weekend");
		assertLoc(
				post("/api/v1/schedules",
						"{\"kind\":\"expense\"," + template
								+ ",\"rrule\":\"FREQ=DAILY\",\"start\":\"2031-01-01\",\"end\":\"2030-01-01\"}"),
				"body", "end");
		assertLoc(post("/api/v1/schedules", "{\"kind\":\"expense\"," + template
				+ ",\"rrule\":\"FREQ=DAILY\",\"start\":\"" + this.poster.today().minusYears(2) + "\"}"), "body",
				"start");
		assertLoc(
				post("/api/v1/schedules",
						"{\"kind\":\"expense\"," + template
								+ ",\"start\":\"2031-01-01\",\"instalments\":{\"total\":1200,\"count\":0}}"),
				"body", "instalments");
		assertLoc(
				post("/api/v1/schedules",
						"{\"kind\":\"expense\"," + template
								+ ",\"rrule\":\"FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30\",\"start\":\"2031-01-01\"}"),
				"body", "rrule");
		assertLoc(
				post("/api/v1/schedules",
						"{\"kind\":\"expense\"," + template
								+ ",\"rrule\":\"FREQ=DAILY\",\"start\":\"2031-01-01\",\"count\":5000}"),
				"body", "count");
		assertThat(post("/api/v1/schedules", "{bad").status()).isEqualTo(422);
		assertLoc(get("/api/v1/upcoming?days=0"), "query", "days");
		assertLoc(get("/api/v1/upcoming?days=367"), "query", "days");
		assertLoc(get("/api/v1/upcoming?days=abc"), "query", "days");
		assertThat(get("/api/v1/upcoming?days=366").status()).isEqualTo(200);
		assertLoc(post("/api/v1/schedules/1/occurrences/not-a-date/confirm", null), "path", "date");
		assertThat(get("/api/v1/schedules/abc").status()).isEqualTo(404);
		assertThat(get("/api/v1/schedules/999999").status()).isEqualTo(404);
		assertThat(get("/api/v1/calendar/nonsense.ics").status()).isEqualTo(404);
	}

	private static void assertLoc(ApiResponse response, String... loc) {
		assertThat(response.status()).as(response.toString()).isEqualTo(422);
		List<String> found = new ArrayList<>();
		response.json().get("detail").get(0).get("loc").forEach((part) -> found.add(part.asString()));
		assertThat(found).as(response.toString()).containsExactly(loc);
	}

}
