package dev.homebudget.support;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only routes that fail on purpose, to prove that failures never leak internals.
 * Lives in test sources, so the application never has it.
 */
@RestController
@Hidden
class FailureSeamController {

	@GetMapping("/test-only/unexpected-failure")
	String unexpected() {
		throw new IllegalStateException("org.postgresql.util.PSQLException: ERROR: secret SQL text SQLState 42P01");
	}

	@GetMapping("/test-only/database-down")
	String databaseDown() {
		throw new DataAccessResourceFailureException("Connection to 127.0.0.1:5432 refused; jdbc:postgresql://x");
	}

}
