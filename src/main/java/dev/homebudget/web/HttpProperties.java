package dev.homebudget.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * HTTP hardening settings.
 *
 * @param maxBodySize largest request body accepted; larger bodies get 413
 * @param maxImportSize largest body of a CSV import ({@code .../import})
 * @param corsAllowedOrigins origins allowed to call the API from a browser on another
 * origin; empty (the default) means same-origin only
 */
@ConfigurationProperties("budget.http")
public record HttpProperties(@DefaultValue("1MB") DataSize maxBodySize, @DefaultValue("20MB") DataSize maxImportSize,
		@DefaultValue("") List<String> corsAllowedOrigins) {

	public HttpProperties {
		corsAllowedOrigins = corsAllowedOrigins.stream().map(String::strip).filter((o) -> !o.isEmpty()).toList();
		for (String origin : corsAllowedOrigins) {
			if (origin.equals("*")) {
				throw new IllegalArgumentException(
						"budget.http.cors-allowed-origins must list origins explicitly; '*' is not allowed");
			}
		}
	}

}
