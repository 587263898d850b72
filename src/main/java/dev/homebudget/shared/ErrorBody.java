package dev.homebudget.shared;

/**
 * The v1 error body: {@code {"detail": ...}}, a string for handled errors or a list of
 * {@link ValidationIssue} for 422.
 */
public record ErrorBody(Object detail) {
}
