package dev.homebudget.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;

/**
 * The v1 error body: {@code {"detail": ...}}, a string for handled errors or a list of
 * {@link ValidationIssue} for 422.
 */
public record ErrorBody(Object detail) {

	/**
	 * Writes {@code {"detail": "<detail>"}} from a servlet filter, before Spring MVC (and
	 * its message converters) is involved. The detail is a fixed sentence of ours, so it
	 * needs no JSON escaping.
	 */
	static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		response.setStatus(status.value());
		response.setContentType("application/json");
		response.getWriter().write("{\"detail\":\"" + detail + "\"}");
	}

}
