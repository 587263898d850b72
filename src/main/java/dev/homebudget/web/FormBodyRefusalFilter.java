package dev.homebudget.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API never takes form posts. The servlet container would parse such a body as
 * request parameters before the API sees it (and fail on bytes it cannot decode), so form
 * and multipart bodies are refused up front with 415, like any other non-JSON type; the
 * statement upload ({@link Uploads}) alone takes {@code multipart/form-data}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class FormBodyRefusalFilter extends OncePerRequestFilter {

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		if (type == null || !request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return true;
		}
		String lower = type.toLowerCase(Locale.ROOT);
		if (lower.startsWith("multipart/form-data") && Uploads.isStatementUpload(request)) {
			return true;
		}
		return !(lower.startsWith("application/x-www-form-urlencoded") || lower.startsWith("multipart/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ErrorBody.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, JsonBodies.NOT_JSON);
	}

}
