package dev.homebudget.ops;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /metrics}: Prometheus text exposition, at the root as the original's plan
 * placed it. Kept out of the OpenAPI document, which describes the JSON API only. With
 * {@code budget.metrics.token} set, only a caller sending it as a bearer token gets the
 * metrics (they name routes, tables and the traffic of the household); everyone else gets
 * 401 with the v1 body. That secret is not an API token: bearer requests to this path
 * bypass the token filter chain.
 */
@RestController
@Hidden
class MetricsController {

	static final String PATH = "/metrics";

	static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

	private final PrometheusMeterRegistry registry;

	private final byte[] tokenHash;

	MetricsController(PrometheusMeterRegistry registry, MetricsProperties properties) {
		this.registry = registry;
		this.tokenHash = (properties.token() != null) ? sha256(properties.token()) : null;
	}

	@GetMapping(PATH)
	ResponseEntity<String> metrics(
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		if (!authorized(authorization)) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
				.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
				.header(HttpHeaders.CACHE_CONTROL, "no-store")
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"detail\":\"Not authenticated\"}");
		}
		return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE).body(this.registry.scrape());
	}

	/** Compared as hashes, so the time taken tells nothing about the secret. */
	private boolean authorized(String authorization) {
		if (this.tokenHash == null) {
			return true;
		}
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return false;
		}
		return MessageDigest.isEqual(this.tokenHash, sha256(authorization.substring(7).strip()));
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
