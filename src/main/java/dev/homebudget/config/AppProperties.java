package dev.homebudget.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the original's {@code Settings} class: {@code ENV}, {@code HOST} and
 * {@code PORT} (see application.yml for the environment variables).
 *
 * @param env deployment environment; config/show answers only when it is {@code dev}
 * @param host address the HTTP server binds to (loopback unless set: single-user mode
 * refuses any other)
 * @param port HTTP port
 */
@ConfigurationProperties("budget.app")
public record AppProperties(String env, String host, int port) {

	public AppProperties {
		env = (env == null) ? "dev" : env;
		host = (host == null) ? "127.0.0.1" : host;
	}

	/**
	 * As the original: case-insensitive and not trimmed, so {@code "Dev"} is dev and
	 * {@code " dev"} is not.
	 */
	public boolean isDevMode() {
		return "dev".equalsIgnoreCase(this.env);
	}

}
