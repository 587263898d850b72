package dev.homebudget.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The v1 error body {@code {"detail": "..."}} written from the security filters, which
 * run before Spring MVC. Details are fixed sentences of ours: no JSON escaping needed.
 */
final class AuthResponses {

	static final String NOT_AUTHENTICATED = "Not authenticated";

	private AuthResponses() {
	}

	static void write(HttpServletResponse response, int status, String detail) throws IOException {
		response.setStatus(status);
		response.setHeader("Cache-Control", "no-store");
		// the stream, not the writer: a writer makes the container append a charset
		// (ISO-8859-1 by default), and the other API responses say plain application/json
		response.setContentType("application/json");
		response.getOutputStream().write(("{\"detail\":\"" + detail + "\"}").getBytes(StandardCharsets.UTF_8));
	}

	/** 401 for the API: no redirect, a Bearer challenge. */
	static void notAuthenticated(HttpServletResponse response) throws IOException {
		response.setHeader("WWW-Authenticate", "Bearer");
		write(response, HttpServletResponse.SC_UNAUTHORIZED, NOT_AUTHENTICATED);
	}

	static void tooManyRequests(HttpServletResponse response, long retryAfterSeconds, String detail)
			throws IOException {
		response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
		write(response, 429, detail);
	}

	static boolean isApi(HttpServletRequest request) {
		return path(request).startsWith("/api/");
	}

	static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}
