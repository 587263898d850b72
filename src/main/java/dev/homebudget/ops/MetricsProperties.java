package dev.homebudget.ops;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may read {@code /metrics}.
 *
 * @param token blank (the default): everyone who reaches the port, as before; otherwise
 * scrapers must send {@code Authorization: Bearer <token>} (Prometheus:
 * {@code authorization: {credentials: ...}}), and everyone else gets 401
 */
@ConfigurationProperties("budget.metrics")
public record MetricsProperties(String token) {

	public MetricsProperties {
		token = (token == null || token.isBlank()) ? null : token.strip();
	}

}
