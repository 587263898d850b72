package dev.homebudget.ops;

import java.io.IOException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One log line per request: method, path (never the query, which may carry data), status,
 * duration and a request id. The id is the caller's {@code X-Request-Id} when it is short
 * and plain (a proxy's id ties both logs together), otherwise a new one; it is echoed in
 * the response and put in the MDC as {@code request_id}, so every line logged while
 * serving the request carries it in JSON logs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestLogFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Request-Id";

	static final String MDC_KEY = "request_id";

	private static final Logger log = LoggerFactory.getLogger("dev.homebudget.request");

	private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	// Probes and scrapes every few seconds would drown the requests worth reading.
	private static final Set<String> QUIET = Set.of(MetricsController.PATH, "/api/v1/health/live",
			"/api/v1/health/ready");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = requestId(request.getHeader(HEADER));
		response.setHeader(HEADER, id);
		MDC.put(MDC_KEY, id);
		long start = System.nanoTime();
		int status = 500;
		try {
			chain.doFilter(request, response);
			status = response.getStatus();
		}
		finally {
			long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
			String path = request.getRequestURI();
			log.atLevel(QUIET.contains(path) ? Level.DEBUG : Level.INFO)
				.addKeyValue("http_method", request.getMethod())
				.addKeyValue("url_path", path)
				.addKeyValue("http_status", status)
				.addKeyValue("duration_ms", millis)
				.log("{} {} {} {} ms request_id={}", request.getMethod(), path, status, millis, id);
			MDC.remove(MDC_KEY);
		}
	}

	static String requestId(String header) {
		if (header != null && SANE_ID.matcher(header).matches()) {
			return header;
		}
		return UUID.randomUUID().toString();
	}

}
