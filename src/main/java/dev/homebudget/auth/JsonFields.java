package dev.homebudget.auth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.homebudget.web.JsonBodies;
import dev.homebudget.web.RequestValidationException;
import dev.homebudget.web.ValidationIssue;
import tools.jackson.databind.JsonNode;

/** Required string fields of a small JSON body, refused with the v1 422 shape. */
final class JsonFields {

	private JsonFields() {
	}

	static Map<String, String> requireStrings(byte[] body, String contentType, String... names) {
		JsonNode json = JsonBodies.read(body, contentType);
		if (!json.isObject()) {
			throw new RequestValidationException(new ValidationIssue("model_attributes_type", List.of("body"),
					"Input should be a valid dictionary or object to extract fields from", json, null));
		}
		Map<String, String> values = new LinkedHashMap<>();
		List<ValidationIssue> issues = new ArrayList<>();
		for (String name : names) {
			JsonNode value = json.get(name);
			if (value == null || value.isNull()) {
				issues.add(new ValidationIssue("missing", List.of("body", name), "Field required", json, null));
			}
			else if (!value.isString()) {
				issues.add(new ValidationIssue("string_type", List.of("body", name), "Input should be a valid string",
						value, null));
			}
			else {
				values.put(name, value.stringValue());
			}
		}
		if (!issues.isEmpty()) {
			throw new RequestValidationException(issues);
		}
		return values;
	}

	static RequestValidationException invalid(String name, String message, Object input) {
		return new RequestValidationException(
				new ValidationIssue("value_error", List.of("body", name), message, input, null));
	}

}
