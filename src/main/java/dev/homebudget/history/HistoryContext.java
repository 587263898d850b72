package dev.homebudget.history;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.homebudget.auth.CurrentUser;
import dev.homebudget.auth.SignedInUser;
import dev.homebudget.config.StorageMode;
import dev.homebudget.config.StorageProperties.StorageBackend;
import dev.homebudget.database.TransactionSettings;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.MDC;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who writes and from where, handed to each read-write transaction of a request as
 * transaction-local settings, which the history triggers record: the signed-in user (none
 * in single-user mode), the source ({@code api} for an API token or a client that is not
 * a browser, {@code web} for the browser app, {@code import} for a CSV import) and the
 * request id. Outside a request (the command line, the app's own tasks) nothing is set
 * and the triggers record {@code system}. In phases P0 and P1 nothing is set either:
 * entry writes do not reach PostgreSQL there, and a transaction must not take a
 * connection for it.
 */
@Component
class HistoryContext implements TransactionSettings {

	/** The MDC key of the request id ({@code RequestLogFilter}). */
	private static final String REQUEST_ID = "request_id";

	private final CurrentUser currentUser;

	private final StorageMode storage;

	HistoryContext(CurrentUser currentUser, StorageMode storage) {
		this.currentUser = currentUser;
		this.storage = storage;
	}

	@Override
	public Map<String, String> forWriteTransaction() {
		if (this.storage.phase().primary() != StorageBackend.POSTGRES) {
			return Map.of();
		}
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (!(attributes instanceof ServletRequestAttributes servlet)) {
			return Map.of();
		}
		HttpServletRequest request = servlet.getRequest();
		String method = request.getMethod();
		if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
			return Map.of();
		}
		Map<String, String> settings = new LinkedHashMap<>();
		SignedInUser user = this.currentUser.get().orElse(null);
		settings.put("hbw.actor_id", (user != null) ? Integer.toString(user.id()) : "");
		settings.put("hbw.actor_name", (user != null) ? user.username() : "");
		settings.put("hbw.source", source(request));
		String requestId = MDC.get(REQUEST_ID);
		settings.put("hbw.request_id", (requestId != null) ? requestId : "");
		return settings;
	}

	static String source(HttpServletRequest request) {
		String path = request.getRequestURI();
		if (path != null && (path.endsWith("/import") || path.startsWith("/api/v1/imports/"))) {
			return "import";
		}
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return "api";
		}
		// browsers send the fetch metadata headers on every request; scripts do not
		return (request.getHeader("Sec-Fetch-Site") != null) ? "web" : "api";
	}

}
