package dev.homebudget.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Cross-origin access to the API, off unless origins are listed in
 * {@code budget.http.cors-allowed-origins}. The original allowed every origin with
 * credentials; here an allowed origin is echoed exactly and credentials (cookies) are
 * never allowed: a cross-origin script signs in with an API token in the Authorization
 * header instead.
 */
@Configuration(proxyBeanMethods = false)
class CorsConfiguration implements WebMvcConfigurer {

	private final HttpProperties properties;

	CorsConfiguration(HttpProperties properties) {
		this.properties = properties;
	}

	@Override
	public void addCorsMappings(CorsRegistry registry) {
		if (this.properties.corsAllowedOrigins().isEmpty()) {
			return;
		}
		registry.addMapping("/api/**")
			.allowedOrigins(this.properties.corsAllowedOrigins().toArray(String[]::new))
			.allowedMethods("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")
			.allowedHeaders("Authorization", "Content-Type", "If-Match", "Idempotency-Key", "X-Request-Id")
			.exposedHeaders("ETag", "Link", "X-Next-Cursor", "Retry-After", "X-Request-Id")
			.allowCredentials(false)
			.maxAge(600);
	}

}
