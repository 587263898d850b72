package dev.homebudget.web;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One item of a 422 body, shaped like the original's pydantic errors so that existing
 * clients keep parsing them: {@code type}, {@code loc}, {@code msg}, {@code input} and an
 * optional {@code ctx}.
 */
public record ValidationIssue(String type, List<Object> loc, String msg, Object input,
		@JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> ctx) {

	public static ValidationIssue of(InvalidValue problem, List<Object> loc, Object input) {
		return new ValidationIssue(problem.type(), loc, problem.getMessage(), input, problem.context());
	}

}
