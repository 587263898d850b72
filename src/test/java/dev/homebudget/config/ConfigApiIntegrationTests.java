package dev.homebudget.config;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import dev.homebudget.database.EmbeddedPostgres;
import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** config/show with the original's settings (contract §1.10, §9.3). */
class ConfigApiIntegrationTests {

	/** A password with the characters that made the original show part of it. */
	static final String PASSWORD_WITH_HASH = "p@ss!word#123";

	static HttpResponse<String> get(int port, String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * The original's {@code postgresql://user:pass@host:port/db} form, pointing at a role
	 * whose password contains {@code @} and {@code #}, so the app must really connect
	 * with it.
	 */
	static String originalFormUrl() {
		String database = "config_dev";
		TestDatabase.jdbcUrl(database);
		EmbeddedPostgres server = TestDatabase.server();
		try (var connection = TestDatabase.dataSource(database).getConnection();
				var statement = connection.createStatement()) {
			statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'budget_app') THEN "
					+ "CREATE ROLE budget_app LOGIN SUPERUSER; END IF; END $$");
			statement.execute("ALTER ROLE budget_app PASSWORD '" + PASSWORD_WITH_HASH + "'");
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return "postgresql://budget_app:" + URLEncoder.encode(PASSWORD_WITH_HASH, StandardCharsets.UTF_8)
				+ "@127.0.0.1:" + server.port() + "/" + database;
	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "budget.app.env=dev", "budget.database.pool-size=10", "budget.app.host=127.0.0.1" })
	class InDevMode {

		@LocalServerPort
		int port;

		@DynamicPropertySource
		static void database(DynamicPropertyRegistry registry) {
			registry.add("budget.database.url", ConfigApiIntegrationTests::originalFormUrl);
		}

		@Test
		void shouldShowSettingsWithThePasswordMasked() throws Exception {
			HttpResponse<String> response = get(this.port, "/api/v1/config/show");
			assertThat(response.statusCode()).isEqualTo(200);
			JsonNode body = JsonMapper.builder().build().readTree(response.body());
			assertThat(body.propertyNames()).containsExactly("env", "database_url", "pool_size", "host", "port");
			assertThat(body.get("env").asString()).isEqualTo("dev");
			assertThat(body.get("pool_size").isInt()).isTrue();
			assertThat(body.get("pool_size").asInt()).isEqualTo(10);
			assertThat(body.get("host").asString()).isEqualTo("127.0.0.1");
			assertThat(body.get("port").isInt()).isTrue();
			String url = body.get("database_url").asString();
			assertThat(url).startsWith("postgresql://budget_app:****@127.0.0.1:").endsWith("/config_dev");
			assertThat(response.body()).doesNotContain("word").doesNotContain("123").doesNotContain("%23");
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "budget.app.env=prod")
	class InProduction {

		@LocalServerPort
		int port;

		@DynamicPropertySource
		static void database(DynamicPropertyRegistry registry) {
			registry.add("budget.database.url", () -> TestDatabase.jdbcUrl("config_prod"));
		}

		@Test
		void shouldRefuseOutsideDevMode() throws Exception {
			HttpResponse<String> response = get(this.port, "/api/v1/config/show");
			assertThat(response.statusCode()).isEqualTo(403);
			assertThat(response.body().toLowerCase()).contains("dev mode");
			assertThat(response.body())
				.isEqualTo("{\"detail\":\"Configuration display is only available in dev mode\"}");
		}

	}

}
