package dev.homebudget.ops;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import dev.homebudget.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboards and Prometheus rules under {@code ops/} query only metrics the
 * running app exports, and only this app's scrape job. A renamed metric or a typo in a
 * dashboard fails here instead of showing an empty panel in production.
 */
class OpsFilesTests extends ApiTestSupport {

	private static final Path GRAFANA = Path.of("ops", "grafana");

	private static final Path PROMETHEUS = Path.of("ops", "prometheus");

	@Test
	void shouldQueryOnlyMetricsTheAppExports() throws IOException {
		// Every metric family appears once it has a sample: some traffic, a 404 and a
		// failing query.
		assertThat(get("/api/v1/expense").status()).isEqualTo(200);
		assertThat(get("/nothing/here").status()).isEqualTo(404);
		assertThat(get("/test-only/db/bad-sql").status()).isEqualTo(500);
		Set<String> exported = PrometheusText.names(get("/metrics").body());

		Map<String, String> expressions = expressions();
		assertThat(expressions).hasSizeGreaterThan(20);
		expressions.forEach((where, expression) -> {
			Set<String> names = PromQl.metricNames(expression);
			assertThat(names).as(where + ": " + expression).isNotEmpty();
			assertThat(exported).as(where + " queries a metric /metrics does not export: " + expression)
				.containsAll(names);
			assertThat(expression).as(where).contains("job=\"home-budget-backend\"");
		});
	}

	@Test
	void shouldShipTheThreeDashboardsWithTheirUids() throws IOException {
		Map<String, String> uids = new LinkedHashMap<>();
		for (Path file : dashboards()) {
			JsonNode dashboard = JSON.readTree(Files.readString(file));
			uids.put(file.getFileName().toString(), dashboard.get("uid").asString());
			assertThat(dashboard.get("templating").toString()).contains("\"datasource\"");
		}
		assertThat(uids).containsEntry("home-budget-overview.json", "home-budget-overview")
			.containsEntry("home-budget-api.json", "home-budget-api")
			.containsEntry("home-budget-db.json", "home-budget-db");
		JsonNode overview = JSON.readTree(Files.readString(GRAFANA.resolve("home-budget-overview.json")));
		List<String> titles = new ArrayList<>();
		overview.get("panels").forEach((panel) -> titles.add(panel.get("title").asString()));
		assertThat(titles).containsExactly("Request Rate by Endpoint", "Error Rate", "Request Latency (p50, p95, p99)",
				"Database Query Latency (p95)", "Request Distribution by Endpoint", "Database Errors", "Success Rate");
	}

	@Test
	void shouldHaveTheThreeAlertsWithTheirSeverities() throws IOException {
		Map<String, String> severities = new LinkedHashMap<>();
		for (Map<String, Object> rule : rules()) {
			@SuppressWarnings("unchecked")
			Map<String, Object> labels = (Map<String, Object>) rule.get("labels");
			severities.put((String) rule.get("alert"), (String) labels.get("severity"));
		}
		assertThat(severities).containsEntry("HomeBudgetHigh5xxRate", "critical")
			.containsEntry("HomeBudgetHighLatencyP95", "warning")
			.containsEntry("HomeBudgetDatabaseErrors", "warning");
	}

	@Test
	void shouldExtractMetricNamesAndCatchAnUnknownOne() {
		assertThat(PromQl.metricNames(
				"histogram_quantile(0.95, sum by (le, operation) (rate(db_query_duration_seconds_bucket{job=\"x\",a=~\"4..\"}[5m]))) > 2"))
			.containsExactly("db_query_duration_seconds_bucket");
		assertThat(PromQl.metricNames("100 * sum(rate(a_total{s=\"2\"}[5m])) / sum(increase(b_total[$__range]))"))
			.containsExactly("a_total", "b_total");
		// The negative control: a name the app does not export is found and would fail.
		assertThat(PrometheusText.names(get("/metrics").body()))
			.doesNotContainAnyElementsOf(PromQl.metricNames("rate(http_request_total[5m])"));
	}

	private static Map<String, String> expressions() throws IOException {
		Map<String, String> expressions = new LinkedHashMap<>();
		for (Path file : dashboards()) {
			collect(JSON.readTree(Files.readString(file)), file.getFileName().toString(), expressions);
		}
		for (Map<String, Object> rule : rules()) {
			expressions.put("alerts.yml " + rule.get("alert"), String.valueOf(rule.get("expr")));
		}
		return expressions;
	}

	private static void collect(JsonNode node, String where, Map<String, String> into) {
		if (node.isObject()) {
			if (node.has("expr")) {
				into.put(where + " #" + into.size(), node.get("expr").asString());
			}
			String title = node.has("title") ? where + " / " + node.get("title").asString() : where;
			node.values().forEach((child) -> collect(child, title, into));
		}
		else if (node.isArray()) {
			node.values().forEach((child) -> collect(child, where, into));
		}
	}

	private static List<Path> dashboards() throws IOException {
		try (Stream<Path> files = Files.list(GRAFANA)) {
			return files.filter((file) -> file.toString().endsWith(".json")).sorted().toList();
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> rules() throws IOException {
		List<Map<String, Object>> rules = new ArrayList<>();
		try (Reader reader = Files.newBufferedReader(PROMETHEUS.resolve("alerts.yml"))) {
			Map<String, Object> document = new Yaml().load(reader);
			for (Map<String, Object> group : (List<Map<String, Object>>) document.get("groups")) {
				rules.addAll((List<Map<String, Object>>) group.get("rules"));
			}
		}
		assertThat(rules).isNotEmpty();
		return rules;
	}

}
