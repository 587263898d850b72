package dev.homebudget.ops;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Health probes. {@code /api/v1/health} (the original's) and {@code /live} deliberately
 * do not touch the database: a database outage must never make a liveness probe restart
 * the app. {@code /ready} does, so a load balancer stops sending traffic while it fails.
 */
@RestController
@Tag(name = "ops")
class HealthController {

	static final String RETRY_AFTER_SECONDS = "5";

	private final Readiness readiness;

	HealthController(Readiness readiness) {
		this.readiness = readiness;
	}

	@GetMapping(path = "/api/v1/health", produces = "application/json")
	@Operation(operationId = "health", summary = "Health check (process alive)")
	Map<String, String> health() {
		return Map.of("status", "ok");
	}

	@GetMapping(path = "/api/v1/health/live", produces = "application/json")
	@Operation(operationId = "liveness", summary = "Liveness (process only, never the database)")
	Map<String, String> live() {
		return Map.of("status", "alive");
	}

	@GetMapping(path = "/api/v1/health/ready", produces = "application/json")
	@Operation(operationId = "readiness",
			summary = "Readiness: database, migrations and identity sequences, each by name (503 when any fails)")
	ResponseEntity<Readiness.ReadinessReport> ready() {
		Readiness.ReadinessReport report = this.readiness.run();
		if (report.ready()) {
			return ResponseEntity.ok(report);
		}
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
			.body(report);
	}

}
