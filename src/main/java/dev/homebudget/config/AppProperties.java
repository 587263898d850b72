package dev.homebudget.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the original's {@code Settings} class: {@code ENV}, {@code HOST} and
 * {@code PORT} (see application.yml for the environment variables).
 *
 * @param env deployment environment; config/show answers only when it is {@code dev}.
 * Unset (or empty): {@code dev} in single-user mode, as the original, and
 * {@code production} in sign-in mode, which other people's accounts may reach
 * @param host address the HTTP server binds to (loopback unless set: single-user mode
 * refuses any other)
 * @param port HTTP port
 */
@ConfigurationProperties("budget.app")
public record AppProperties(String env, String host, int port) {

	public AppProperties {
		env = (env == null || env.isEmpty()) ? null : env;
		host = (host == null) ? "127.0.0.1" : host;
	}

	/** {@code ENV}, or the default of the auth mode when it is not set. */
	public String env(boolean signInMode) {
		if (this.env != null) {
			return this.env;
		}
		return signInMode ? "production" : "dev";
	}

	/**
	 * As the original: case-insensitive and not trimmed, so {@code "Dev"} is dev and
	 * {@code " dev"} is not.
	 */
	public boolean isDevMode(boolean signInMode) {
		return "dev".equalsIgnoreCase(env(signInMode));
	}

}
