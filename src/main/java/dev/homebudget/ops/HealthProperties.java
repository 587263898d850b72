package dev.homebudget.ops;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Health endpoint settings.
 *
 * @param details who sees the readiness details (each check's {@code reason} and
 * {@code duration_ms}); the others get the status and each check's up or down only
 */
@ConfigurationProperties("budget.health")
public record HealthProperties(@DefaultValue("loopback") Details details) {

	/** Who sees readiness details. */
	public enum Details {

		/** Every caller. */
		ALWAYS,
		/** Callers from a loopback address (127.0.0.0/8, ::1) only. */
		LOOPBACK,
		/** Nobody. */
		NEVER

	}

}
