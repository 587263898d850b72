package dev.homebudget.ops;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * {@code http_requests_total{method,endpoint,status_code}} and
 * {@code http_request_duration_seconds{method,endpoint}}. The endpoint label is the
 * matched route with every path variable written {@code {id}}; a request no route matched
 * is {@code unmatched}, so scanners probing random paths cannot grow the label set.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class HttpMetricsFilter extends OncePerRequestFilter {

	static final String UNMATCHED = "unmatched";

	private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
			"TRACE");

	private static final Pattern VARIABLE = Pattern.compile("\\{[^}]*}");

	private static final Duration[] BUCKETS = MetricsConfiguration.HTTP_BUCKETS.toArray(Duration[]::new);

	private final MeterRegistry registry;

	// Meters and labels are looked up once per label set instead of built per request:
	// the label sets are few (routes x methods x statuses), the requests are many.
	private final Map<String, Counter> counters = new ConcurrentHashMap<>();

	private final Map<String, Timer> timers = new ConcurrentHashMap<>();

	private static final Map<String, String> ENDPOINTS = new ConcurrentHashMap<>();

	HttpMetricsFilter(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// Prometheus scraping every 15 s would otherwise dominate the request rate.
		return MetricsController.PATH.equals(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long start = System.nanoTime();
		int status = 500;
		try {
			chain.doFilter(request, response);
			status = response.getStatus();
		}
		finally {
			record(request, status, System.nanoTime() - start);
		}
	}

	private void record(HttpServletRequest request, int status, long nanos) {
		String method = METHODS.contains(request.getMethod()) ? request.getMethod() : "OTHER";
		String endpoint = endpoint(request);
		String route = method + " " + endpoint;
		this.counters
			.computeIfAbsent(route + " " + status,
					(key) -> Counter.builder("http.requests")
						.description("HTTP requests by method, route and status")
						.tags("method", method, "endpoint", endpoint, "status_code", Integer.toString(status))
						.register(this.registry))
			.increment();
		this.timers
			.computeIfAbsent(route,
					(key) -> Timer.builder("http.request.duration")
						.description("HTTP request duration by method and route")
						.tags("method", method, "endpoint", endpoint)
						.serviceLevelObjectives(BUCKETS)
						.register(this.registry))
			.record(nanos, TimeUnit.NANOSECONDS);
	}

	static String endpoint(HttpServletRequest request) {
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		if (pattern == null) {
			return UNMATCHED;
		}
		String route = pattern.toString();
		// The catch-all of static resources matches anything: as good as no route.
		if (route.isEmpty() || route.equals("/**")) {
			return UNMATCHED;
		}
		return ENDPOINTS.computeIfAbsent(route, (template) -> VARIABLE.matcher(template).replaceAll("{id}"));
	}

}
