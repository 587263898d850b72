package dev.homebudget.web;

import org.springframework.http.HttpStatus;

/**
 * A handled business error, rendered as the v1 body {@code {"detail": "<message>"}}.
 */
public class ApiException extends RuntimeException {

	private final HttpStatus status;

	public ApiException(HttpStatus status, String detail) {
		super(detail, null, false, false);
		this.status = status;
	}

	public HttpStatus status() {
		return this.status;
	}

	public String detail() {
		return getMessage();
	}

	public static ApiException badRequest(String detail) {
		return new ApiException(HttpStatus.BAD_REQUEST, detail);
	}

}
