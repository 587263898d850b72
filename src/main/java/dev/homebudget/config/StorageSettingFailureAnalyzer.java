package dev.homebudget.config;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;

/**
 * Turns a bad storage setting into Spring Boot's short "APPLICATION FAILED TO START"
 * report: a storage switch with a value that names no phase. Ordered first, so that a bad
 * {@code budget.storage.*} value gets this report rather than the generic binding one.
 */
public class StorageSettingFailureAnalyzer implements FailureAnalyzer, Ordered {

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof StorageSettingException setting) {
				return new FailureAnalysis(setting.getMessage(), setting.action(), setting);
			}
			if (cause instanceof BindException bind && bind.getName() != null
					&& bind.getName().toString().startsWith("budget.storage.")) {
				return bindFailure(bind);
			}
		}
		return null;
	}

	private static FailureAnalysis bindFailure(BindException bind) {
		String name = bind.getName().toString();
		Object value = (bind.getProperty() != null) ? bind.getProperty().getValue() : null;
		String allowed = name.endsWith("primary") ? "json or postgres"
				: name.endsWith("dual-write") ? "true or false" : "a valid value";
		return new FailureAnalysis(
				"The setting " + name
						+ ((value != null) ? " has the value '" + value + "', which is not allowed."
								: " has a value that is not allowed."),
				"Set " + name + " to " + allowed + ", or remove it. See docs/storage-phases.md.", bind);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
