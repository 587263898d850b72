package dev.homebudget.ops;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /metrics}: Prometheus text exposition, at the root as the original's plan
 * placed it. Kept out of the OpenAPI document, which describes the JSON API only.
 */
@RestController
@Hidden
class MetricsController {

	static final String PATH = "/metrics";

	static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

	private final PrometheusMeterRegistry registry;

	MetricsController(PrometheusMeterRegistry registry) {
		this.registry = registry;
	}

	@GetMapping(PATH)
	ResponseEntity<String> metrics() {
		return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE).body(this.registry.scrape());
	}

}
