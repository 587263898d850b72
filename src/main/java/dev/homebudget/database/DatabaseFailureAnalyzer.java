package dev.homebudget.database;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Turns database startup failures into Spring Boot's short "APPLICATION FAILED TO START"
 * report instead of a stack trace: the messages are written for the person running the
 * application.
 */
class DatabaseFailureAnalyzer implements FailureAnalyzer {

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof EmbeddedPostgresException) {
				return new FailureAnalysis("The embedded PostgreSQL server could not start: " + cause.getMessage(),
						"Fix the problem described above, or set DATABASE_URL to use an external PostgreSQL server.",
						cause);
			}
			if (cause instanceof DatabaseUrl.InvalidDatabaseUrlException) {
				return new FailureAnalysis(cause.getMessage(),
						"Set DATABASE_URL to postgresql://user:password@host:5432/database (percent-encode special "
								+ "characters in the password) or to a jdbc:postgresql: URL, or leave it empty to run "
								+ "the embedded server.",
						cause);
			}
		}
		return null;
	}

}
