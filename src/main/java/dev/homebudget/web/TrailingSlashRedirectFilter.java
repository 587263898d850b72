package dev.homebudget.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The original answered {@code /api/v1/expense/} with a 307 to {@code /api/v1/expense};
 * clients that learned that keep working. 307 keeps the method and body of the request.
 */
@Component
class TrailingSlashRedirectFilter extends OncePerRequestFilter {

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !(path.startsWith("/api/") && path.endsWith("/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String uri = request.getRequestURI();
		String target = uri.replaceAll("/+$", "");
		if (request.getQueryString() != null) {
			target = target + "?" + request.getQueryString();
		}
		response.setStatus(HttpStatus.TEMPORARY_REDIRECT.value());
		response.setHeader(HttpHeaders.LOCATION, target);
	}

}
