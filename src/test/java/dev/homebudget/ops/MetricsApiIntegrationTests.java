package dev.homebudget.ops;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.homebudget.support.ApiTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsApiIntegrationTests extends ApiTestSupport {

	@BeforeEach
	void traffic() {
		long id = post("/api/v1/expense",
				"{\"date\":\"2025-11-10\",\"category\":\"metrics\",\"amount\":1,\"account\":\"A\"}")
			.json()
			.get("expense")
			.get("id")
			.asLong();
		assertThat(patch("/api/v1/expense/" + id, "{\"field\":\"notes\",\"value\":\"m\"}").status()).isEqualTo(200);
		assertThat(get("/api/v1/income").status()).isEqualTo(200);
		assertThat(get("/api/v1/expense").status()).isEqualTo(200);
		assertThat(get("/no-such-path/12345").status()).isEqualTo(404);
		assertThat(get("/test-only/db/bad-sql").status()).isEqualTo(500);
	}

	@Test
	void shouldExportTheContractsHttpMetricsInPrometheusTextFormat() {
		ApiResponse response = get("/metrics");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Type").replace(" ", "")).startsWith("text/plain;version=0.0.4");
		List<String> samples = PrometheusText.samples(response.body());
		assertThat(samples).anyMatch(
				(line) -> line.startsWith("http_requests_total{") && line.contains("endpoint=\"/api/v1/expense/{id}\"")
						&& line.contains("method=\"PATCH\"") && line.contains("status_code=\"200\""));
		assertThat(samples).anyMatch((line) -> line.startsWith("http_requests_total{")
				&& line.contains("endpoint=\"unmatched\"") && line.contains("status_code=\"404\""));
		assertThat(samples).noneMatch((line) -> line.contains("no-such-path"));
		assertThat(samples)
			.noneMatch((line) -> line.startsWith("http_requests_total{") && line.contains("endpoint=\"/metrics\""));
		assertThat(buckets(samples, "http_request_duration_seconds_bucket{", "endpoint=\"/api/v1/expense/{id}\""))
			.containsExactly("0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf");
	}

	@Test
	void shouldExportDatabaseTimingsErrorsPoolAndJvmMetrics() {
		List<String> samples = PrometheusText.samples(get("/metrics").body());
		assertThat(buckets(samples, "db_query_duration_seconds_bucket{", "operation=\"expense.create\""))
			.containsExactly("0.001", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "+Inf");
		// both repositories inherit streamAll from one declaration; each keeps its own
		// name
		assertThat(samples).anyMatch((line) -> line.startsWith("db_query_duration_seconds_count{")
				&& line.contains("operation=\"expense.streamAll\""));
		assertThat(samples).anyMatch((line) -> line.startsWith("db_query_duration_seconds_count{")
				&& line.contains("operation=\"income.streamAll\""));
		assertThat(samples).anyMatch((line) -> line.startsWith("db_errors_total{")
				&& line.contains("operation=\"seamQuery.badSql\"") && line.contains("error_type=\"42P01\""));
		Set<String> names = PrometheusText.names(get("/metrics").body());
		assertThat(names).contains("http_requests_total", "http_request_duration_seconds_bucket",
				"http_request_duration_seconds_count", "http_request_duration_seconds_sum",
				"db_query_duration_seconds_bucket", "db_errors_total", "hikaricp_connections_active",
				"hikaricp_connections_idle", "hikaricp_connections_pending", "hikaricp_connections_max",
				"hikaricp_connections_timeout_total", "jvm_memory_used_bytes", "jvm_threads_live_threads",
				"process_uptime_seconds");
	}

	private static List<String> buckets(List<String> samples, String prefix, String label) {
		Set<Double> bounds = new TreeSet<>();
		samples.stream()
			.filter((line) -> line.startsWith(prefix) && line.contains(label))
			.map((line) -> line.replaceFirst(".*le=\"([^\"]+)\".*", "$1"))
			.forEach((le) -> bounds.add(le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le)));
		return bounds.stream()
			.map((bound) -> bound.isInfinite() ? "+Inf"
					: new java.math.BigDecimal(bound.toString()).stripTrailingZeros().toPlainString())
			.collect(Collectors.toList());
	}

}
