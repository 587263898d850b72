package dev.homebudget.report;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import dev.homebudget.ledger.EntryMonthTotals;
import dev.homebudget.support.ApiTestSupport;
import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kept month totals through the app's own write paths: random sequences of creates,
 * edits that move entries across months, categories and currencies, deletes, bulk
 * deletes, restores from the trash (single rows and whole bulk deletes), CSV imports and
 * bank statements committed and reverted; after every request the kept totals equal a
 * recomputation from the entries.
 */
class MonthTotalsApiTests extends ApiTestSupport {

	/**
	 * A database of its own: the categories it creates ("groceries" among them) would
	 * otherwise name other classes' entries in the shared one.
	 */
	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		registry.add(DATABASE_URL_PROPERTY, () -> TestDatabase.jdbcUrl("month_totals_api"));
	}

	private static final String[] CATEGORIES = { "Groceries", "Rent", "Fun", "groceries" };

	private static final String[] CURRENCIES = { "\u20aa", "USD", "EUR" };

	@Autowired
	JdbcClient jdbc;

	@Test
	void keptTotalsFollowEveryWritePath() {
		Random random = new Random(23);
		List<String> done = new ArrayList<>();
		for (int step = 0; step < 60; step++) {
			String kind = random.nextBoolean() ? "expense" : "income";
			done.add(step(random, kind));
			assertThat(EntryMonthTotals.differences(this.jdbc)).as(String.join("\n", done)).isEmpty();
		}
		assertThat(done).as("every write path was taken")
			.anyMatch((step) -> step.startsWith("move"))
			.anyMatch((step) -> step.startsWith("bulk delete"))
			.anyMatch((step) -> step.startsWith("restore {\"batch"))
			.anyMatch((step) -> step.startsWith("restore {\""))
			.anyMatch((step) -> step.startsWith("import"))
			.anyMatch((step) -> step.startsWith("statement imported and reverted"));
	}

	private String step(Random random, String kind) {
		List<Integer> ids = ids(kind);
		int choice = random.nextInt(100);
		if (ids.size() < 3 || choice < 25) {
			ApiResponse created = post("/api/v1/" + kind, body(random, kind));
			assertThat(created.status()).as(created.toString()).isEqualTo(200);
			return "create " + kind;
		}
		int id = ids.get(random.nextInt(ids.size()));
		if (choice < 45) {
			ApiResponse moved = put("/api/v1/" + kind + "/" + id, body(random, kind));
			assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
			return "move " + kind + " " + id;
		}
		if (choice < 55) {
			ApiResponse deleted = delete("/api/v1/" + kind + "/" + id);
			assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
			return "delete " + kind + " " + id;
		}
		if (choice < 65) {
			String some = ids.stream()
				.filter((any) -> random.nextInt(3) == 0)
				.limit(4)
				.map(String::valueOf)
				.collect(Collectors.joining(","));
			ApiResponse deleted = post("/api/v1/" + kind + "/bulk-delete", "{\"ids\":[" + some + "]}");
			assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
			return "bulk delete " + kind + " " + some;
		}
		if (choice < 82) {
			List<JsonNode> trash = new ArrayList<>();
			get("/api/v1/trash?limit=1000&kind=" + kind).json().forEach((row) -> {
				if (row.get("date").asString().startsWith("199")) {
					trash.add(row);
				}
			});
			if (trash.isEmpty()) {
				return "nothing in the trash";
			}
			JsonNode row = trash.get(random.nextInt(trash.size()));
			boolean wholeBatch = random.nextBoolean() && row.has("batch") && !row.get("batch").isNull();
			String body = wholeBatch ? "{\"batch\":\"" + row.get("batch").asString() + "\"}"
					: "{\"" + kind + "\":[" + row.get("id").asInt() + "]}";
			ApiResponse restored = post("/api/v1/trash/restore", body);
			assertThat(restored.status()).as(restored.toString()).isIn(200, 404);
			return "restore " + body;
		}
		if (choice < 90) {
			return statement(random);
		}
		StringBuilder csv = new StringBuilder(
				kind.equals("expense") ? "date,business,category,amount,account,currency,notes\n"
						: "date,category,amount,account,currency,notes\n");
		for (int i = 0; i < 3; i++) {
			csv.append(date(random))
				.append(kind.equals("expense") ? ",Shop," : ",")
				.append(CATEGORIES[random.nextInt(CATEGORIES.length)])
				.append(',')
				.append(random.nextInt(10000) / 100.0)
				.append(",Cash,")
				.append(CURRENCIES[random.nextInt(CURRENCIES.length)])
				.append(",\n");
		}
		ApiResponse imported = send("POST", "/api/v1/" + kind + "/import", csv.toString(), "text/csv");
		assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
		return "import " + kind + ":\n" + csv;
	}

	private static final String BOUNDARY = "----hbwMonthTotalsBoundary";

	/**
	 * A bank statement uploaded and committed (expenses and incomes at once), and half
	 * the time reverted again.
	 */
	private String statement(Random random) {
		StringBuilder file = new StringBuilder("Date,Amount,Payee,Memo\n");
		for (int i = 0; i < 3; i++) {
			file.append(date(random))
				.append(',')
				.append((random.nextInt(4) == 0) ? "" : "-")
				.append(1 + random.nextInt(9999) / 100.0)
				.append(",Payee ")
				.append(i)
				.append(",memo\n");
		}
		String mapping = "{\"date\":\"Date\",\"date_format\":\"yyyy-MM-dd\",\"amount\":\"Amount\","
				+ "\"payee\":\"Payee\",\"memo\":\"Memo\",\"default_currency\":\"USD\"}";
		String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"mapping\"\r\n\r\n" + mapping
				+ "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"account\"\r\n\r\nCard "
				+ random.nextInt(1000) + "\r\n--" + BOUNDARY
				+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"statement.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n" + file + "\r\n--" + BOUNDARY + "--\r\n";
		ApiResponse preview = sendBytes("POST", "/api/v1/imports", body.getBytes(StandardCharsets.UTF_8),
				"multipart/form-data; boundary=" + BOUNDARY);
		assertThat(preview.status()).as(preview.toString()).isEqualTo(201);
		int batch = preview.json().get("id").asInt();
		ApiResponse committed = post("/api/v1/imports/" + batch + "/commit", null);
		assertThat(committed.status()).as(committed.toString()).isEqualTo(200);
		assertThat(EntryMonthTotals.differences(this.jdbc)).as("statement committed:\n" + file).isEmpty();
		if (random.nextBoolean()) {
			ApiResponse reverted = post("/api/v1/imports/" + batch + "/revert", null);
			assertThat(reverted.status()).as(reverted.toString()).isEqualTo(200);
			return "statement imported and reverted:\n" + file;
		}
		return "statement imported:\n" + file;
	}

	private List<Integer> ids(String kind) {
		// only this test's rows (other tests share the database)
		return this.jdbc
			.sql("SELECT id FROM " + kind + "s WHERE household_id = 1 AND date >= '1991-01-01' AND date < '1993-01-01'"
					+ " ORDER BY id")
			.query(Integer.class)
			.list();
	}

	private static String body(Random random, String kind) {
		return "{\"date\":\"" + date(random) + "\"," + (kind.equals("expense") ? "\"business\":\"Shop\"," : "")
				+ "\"category\":\"" + CATEGORIES[random.nextInt(CATEGORIES.length)] + "\",\"amount\":"
				+ (1 + random.nextInt(50000)) / 100.0 + ",\"account\":\"Cash\",\"currency\":\""
				+ CURRENCIES[random.nextInt(CURRENCIES.length)] + "\"}";
	}

	private static LocalDate date(Random random) {
		return LocalDate.of(1991, 1, 1).plusDays(random.nextInt(400));
	}

}
