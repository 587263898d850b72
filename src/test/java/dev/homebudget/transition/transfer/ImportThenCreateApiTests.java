package dev.homebudget.transition.transfer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import javax.sql.DataSource;

import dev.homebudget.support.TestDatabase;
import dev.homebudget.transition.JsonLedgerFormat;
import dev.homebudget.transition.LedgerFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * T3: after an import wrote explicit ids, entries created through the API take the next
 * id of each table, with no duplicate key, and readiness finds the sequences ahead.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportThenCreateApiTests {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@TempDir
	Path temp;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("budget.database.url", () -> TestDatabase.jdbcUrl("json_import_api"));
	}

	@Test
	void entriesCreatedAfterAnImportTakeTheNextIdOfEachTable() throws Exception {
		LocalDate last = LocalDate.of(2025, 12, 31);
		Files.write(this.temp.resolve("expenses.json"), JsonLedgerFormat.write(LedgerFile.EXPENSES,
				HouseholdData.expenses(5000, 11, last.minusYears(10), last)));
		Files.write(this.temp.resolve("incomes.json"),
				JsonLedgerFormat.write(LedgerFile.INCOMES, HouseholdData.incomes(1000, 11, last.minusYears(10), last)));
		JsonImporter.Report report = new JsonImporter(this.dataSource).importFrom(this.temp,
				JsonImporter.Options.defaults(), new JsonImporter.Listener() {
				});
		assertThat(report.verification().clean()).isTrue();
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		int maxExpense = jdbc.sql("SELECT max(id) FROM expenses").query(Integer.class).single();
		int maxIncome = jdbc.sql("SELECT max(id) FROM incomes").query(Integer.class).single();
		// the generated ledgers have gaps, as the original's deletes left them
		assertThat(maxExpense).isGreaterThan(5000);

		HttpResponse<String> expense = post("/api/v1/expense",
				"{\"date\":\"2026-01-02\",\"business\":\"SuperSal\",\"category\":\"Groceries\",\"amount\":158.16,\"account\":\"Cash\"}");
		HttpResponse<String> income = post("/api/v1/income",
				"{\"date\":\"2026-01-02\",\"category\":\"Salary\",\"amount\":8200.5,\"account\":\"Bank Leumi\",\"notes\":\"\"}");

		assertThat(expense.statusCode()).as(expense.body()).isEqualTo(200);
		assertThat(income.statusCode()).as(income.body()).isEqualTo(200);
		assertThat(json(expense).get("expense").get("id").asInt()).isEqualTo(maxExpense + 1);
		assertThat(json(income).get("income").get("id").asInt()).isEqualTo(maxIncome + 1);
		HttpResponse<String> ready = get("/api/v1/health/ready");
		assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
		assertThat(json(ready).get("checks").get("sequences").get("status").asString()).isEqualTo("up");
	}

	private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
		return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JsonMapper.builder().build().readTree(response.body());
	}

}
