package dev.homebudget.ops;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /}: the original's greeting, which scripts use to see that the app is up.
 */
@RestController
@Tag(name = "ops")
class RootController {

	@GetMapping(path = "/", produces = "application/json")
	@Operation(operationId = "root", summary = "Root")
	Map<String, String> root() {
		return Map.of("message", "Home Budget Web Backend running");
	}

}
