package dev.homebudget.support;

import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Test-only routes over {@link SeamQueryRepository}; never part of the application. */
@RestController
@Hidden
class SeamQueryController {

	private final SeamQueryRepository queries;

	SeamQueryController(SeamQueryRepository queries) {
		this.queries = queries;
	}

	@GetMapping("/test-only/db/sleep")
	Map<String, String> sleep(@RequestParam double seconds) {
		this.queries.sleep(seconds);
		return Map.of("status", "slept");
	}

	@GetMapping("/test-only/db/bad-sql")
	Map<String, String> badSql() {
		this.queries.badSql();
		return Map.of("status", "unreachable");
	}

}
