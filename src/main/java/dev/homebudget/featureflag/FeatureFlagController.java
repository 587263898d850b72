package dev.homebudget.featureflag;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only list of the flags with their values and sources; change them with
 * {@code ./hbw flags}.
 */
@RestController
@Tag(name = "ops")
class FeatureFlagController {

	private final FeatureFlags flags;

	FeatureFlagController(FeatureFlags flags) {
		this.flags = flags;
	}

	@GetMapping(path = "/api/v1/feature-flags", produces = "application/json")
	@Operation(operationId = "listFeatureFlags", summary = "Every feature flag with its value and where it came from")
	List<FlagValue> list() {
		return this.flags.all(null);
	}

}
