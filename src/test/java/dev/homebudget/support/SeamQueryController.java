package dev.homebudget.support;

import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Test-only routes over {@link SeamQueryRepository}; never part of the application. */
@RestController
@Hidden
class SeamQueryController {

	private final SeamQueryRepository queries;

	private final TransactionTemplate transaction;

	SeamQueryController(SeamQueryRepository queries, PlatformTransactionManager transactionManager) {
		this.queries = queries;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/**
	 * Holds one pooled connection (in an open transaction) for the given time without a
	 * long statement, so statement_timeout does not end it: pool exhaustion on demand.
	 */
	@GetMapping("/test-only/db/hold")
	Map<String, String> hold(@RequestParam long millis) {
		this.transaction.executeWithoutResult((status) -> {
			this.queries.sleep(0);
			try {
				Thread.sleep(millis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		return Map.of("status", "held");
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
