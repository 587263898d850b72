package dev.homebudget.web;

import java.util.List;

/**
 * The request does not match the schema; rendered as 422 {@code {"detail": [issues]}}.
 */
public class RequestValidationException extends RuntimeException {

	/**
	 * Items listed in one answer; beyond them one more item says how many there were, so
	 * that a body of many bad values cannot make an answer many times its size.
	 */
	public static final int MAX_LISTED = 100;

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

	/**
	 * The items to answer: all of them, or the first {@value #MAX_LISTED} and one that
	 * counts them all.
	 */
	public List<ValidationIssue> listed() {
		if (this.issues.size() <= MAX_LISTED + 1) {
			return this.issues;
		}
		List<ValidationIssue> listed = new java.util.ArrayList<>(this.issues.subList(0, MAX_LISTED));
		listed.add(new ValidationIssue("too_many_errors", List.of("body"),
				"Only the first " + MAX_LISTED + " of " + this.issues.size() + " problems are listed", null, null));
		return listed;
	}

}
