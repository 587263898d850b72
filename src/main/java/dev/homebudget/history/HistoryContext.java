package dev.homebudget.history;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.homebudget.auth.CurrentUser;
import dev.homebudget.auth.SignedInUser;
import dev.homebudget.config.StorageMode;
import dev.homebudget.config.StorageProperties.StorageBackend;
import dev.homebudget.database.TransactionSettings;
import dev.homebudget.database.WriteOrigin;
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
 * a browser, {@code web} for the browser app, {@code import} for a CSV import,
 * {@code rule} for a rule applied to existing entries) and the request id; an API token's
 * user is named with the token ("dana (token: backup script)"). Outside a request, the
 * {@link WriteOrigin} the work names ({@code schedule} as the schedule's creator,
 * {@code cli} for the command line); with none, nothing is set and the triggers record
 * {@code system}. In phases P0 and P1 a request sets nothing: its entry writes do not
 * reach PostgreSQL there, and a transaction must not take a connection for it.
 */
@Component
class HistoryContext implements TransactionSettings {

	/** The length of history_events.actor_name. */
	private static final int MAX_ACTOR_NAME = 100;

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
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (!(attributes instanceof ServletRequestAttributes servlet)) {
			// work that names its origin writes to PostgreSQL in every phase (a command)
			return WriteOrigin.current().map(HistoryContext::settings).orElse(Map.of());
		}
		if (this.storage.phase().primary() != StorageBackend.POSTGRES) {
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
		settings.put("hbw.actor_name", (user != null) ? actorName(user) : "");
		settings.put("hbw.source", source(request));
		String requestId = MDC.get(REQUEST_ID);
		settings.put("hbw.request_id", (requestId != null) ? requestId : "");
		return settings;
	}

	/**
	 * A user, or a user's API token ("dana (token: backup script)"), as the history names
	 * them.
	 */
	static String actorName(SignedInUser user) {
		String name = user.tokenName()
			.map((token) -> user.username() + " (token: " + token + ")")
			.orElse(user.username());
		return (name.length() > MAX_ACTOR_NAME) ? name.substring(0, MAX_ACTOR_NAME - 1) + "\u2026" : name;
	}

	/**
	 * The settings of a write that no request makes (a schedule posting, the command
	 * line).
	 */
	private static Map<String, String> settings(WriteOrigin.Origin origin) {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("hbw.actor_id", (origin.actorId() != null) ? Integer.toString(origin.actorId()) : "");
		settings.put("hbw.actor_name", (origin.actorName() != null) ? origin.actorName() : "");
		settings.put("hbw.source", origin.source());
		settings.put("hbw.request_id", "");
		return settings;
	}

	static String source(HttpServletRequest request) {
		String path = request.getRequestURI();
		if (path != null && (path.endsWith("/import") || path.startsWith("/api/v1/imports/"))) {
			return "import";
		}
		if (path != null && path.startsWith("/api/v1/rules/") && path.endsWith("/apply")) {
			// a rule applied to existing entries: the rule made the change, for the
			// caller
			return "rule";
		}
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return "api";
		}
		// browsers send the fetch metadata headers on every request; scripts do not
		return (request.getHeader("Sec-Fetch-Site") != null) ? "web" : "api";
	}

}
