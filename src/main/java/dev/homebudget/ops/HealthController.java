package dev.homebudget.ops;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/health}: the process is alive. It deliberately does not touch the
 * database, as in the original, so that a database outage never makes it fail.
 */
@RestController
@Tag(name = "ops")
class HealthController {

	@GetMapping(path = "/api/v1/health", produces = "application/json")
	@Operation(operationId = "health", summary = "Health check (process alive)")
	Map<String, String> health() {
		return Map.of("status", "ok");
	}

}
