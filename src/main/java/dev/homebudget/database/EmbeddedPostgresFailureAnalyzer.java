package dev.homebudget.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a failed start of the embedded server (data directory in use, unreadable
 * credentials, a non-cluster directory, ...) into Boot's short "APPLICATION FAILED TO
 * START" report, so the user reads the one sentence that matters instead of a
 * bean-creation chain.
 */
class EmbeddedPostgresFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedPostgresException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedPostgresException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Fix the problem described above, or point the app at another data directory (BUDGET_DATA_DIR) "
						+ "or at an external database (DATABASE_URL).",
				cause);
	}

}
