package dev.homebudget.ops;

import java.util.Map;

import dev.homebudget.support.BehindAProxySupport;
import dev.homebudget.support.TokenCaller;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code budget.metrics.token} set, {@code /metrics} answers only a scraper that
 * sends it as a bearer token; an API token is not it.
 */
class MetricsTokenApiTests extends BehindAProxySupport {

	private ApiResponse metrics(Map<String, String> headers) {
		java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + "/metrics"));
		headers.forEach(request::header);
		return send(request.build());
	}

	private static void assertRefused(String what, ApiResponse response) {
		assertThat(response.status()).as(what + ": " + response).isEqualTo(401);
		assertThat(response.body()).as(what).isEqualTo("{\"detail\":\"Not authenticated\"}");
		assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
	}

	@Test
	void onlyTheMetricsTokenReadsTheMetrics() {
		assertRefused("no token", metrics(Map.of()));
		assertRefused("a wrong token", metrics(Map.of("Authorization", "Bearer " + METRICS_TOKEN + "x")));
		assertRefused("a shorter one", metrics(Map.of("Authorization", "Bearer metrics")));
		assertRefused("as a password", metrics(Map.of("Authorization", "Basic " + METRICS_TOKEN)));
		TokenCaller user = newUser("scraper");
		assertRefused("an API token", user.get("/metrics"));
		ApiResponse scraped = metrics(Map.of("Authorization", "Bearer " + METRICS_TOKEN));
		assertThat(scraped.status()).isEqualTo(200);
		assertThat(scraped.header("Content-Type").replace(" ", "")).startsWith("text/plain;version=0.0.4");
		assertThat(scraped.body()).contains("# TYPE hikaricp_connections");
		assertThat(scraped.headers().allValues("Set-Cookie")).isEmpty();
	}

}
