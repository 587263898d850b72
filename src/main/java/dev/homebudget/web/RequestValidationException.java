package dev.homebudget.web;

import java.util.List;

/**
 * The request does not match the schema; rendered as 422 {@code {"detail": [issues]}}.
 */
public class RequestValidationException extends RuntimeException {

	private final List<ValidationIssue> issues;

	public RequestValidationException(List<ValidationIssue> issues) {
		super("Request validation failed", null, false, false);
		this.issues = List.copyOf(issues);
	}

	public RequestValidationException(ValidationIssue issue) {
		this(List.of(issue));
	}

	public List<ValidationIssue> issues() {
		return this.issues;
	}

}
