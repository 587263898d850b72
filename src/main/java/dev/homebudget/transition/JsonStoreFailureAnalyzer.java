package dev.homebudget.transition;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;

/**
 * Turns JSON store startup failures into Spring Boot's short "APPLICATION FAILED TO
 * START" report: a JSON file that cannot be used, a JSON directory held by another
 * process.
 */
public class JsonStoreFailureAnalyzer implements FailureAnalyzer, Ordered {

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof JsonStoreException store) {
				return new FailureAnalysis("The JSON store cannot be used: " + store.getMessage(), store.action(),
						store);
			}
		}
		return null;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
