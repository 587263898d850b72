package dev.homebudget.auth;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;

/**
 * Turns auth startup failures into Spring Boot's short "APPLICATION FAILED TO START"
 * report: single-user mode on an address other computers can reach, or a
 * {@code budget.auth.*} value that cannot be read.
 */
class AuthFailureAnalyzer implements FailureAnalyzer, Ordered {

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof AuthSettingException setting) {
				return new FailureAnalysis(setting.getMessage(), setting.action(), setting);
			}
			if (cause instanceof BindException bind && bind.getName() != null
					&& bind.getName().toString().startsWith("budget.auth.")) {
				String name = bind.getName().toString();
				Object value = (bind.getProperty() != null) ? bind.getProperty().getValue() : null;
				return new FailureAnalysis(
						"The setting " + name
								+ ((value != null) ? " has the value '" + value + "', which is not allowed."
										: " has a value that is not allowed."),
						name.endsWith(".mode") ? "Set BUDGET_AUTH (budget.auth.mode) to single-user or sign-in."
								: "Correct " + name + ". See docs/operations.md, \"Sign-in mode and accounts\".",
						bind);
			}
		}
		return null;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
