package dev.homebudget.web;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The one reader of hand-read JSON request bodies: a JSON object whose fields are taken
 * one by one, each failure collected as a v1 422 item at {@code ["body", <field>]}, and
 * all of them answered together by {@link #check()}, as the original's pydantic models
 * did. Parsing (415 for another Content-Type, 422 for bad JSON) is {@link JsonBodies}'.
 *
 * <pre class="code">
 * JsonObjectBody body = JsonObjectBody.read(bytes, contentType);
 * String name = body.text("name");
 * Integer hours = body.optionalInteger("expires_in_hours");
 * body.check();
 * </pre>
 *
 * A getter that records an issue returns null; callers use the values only after
 * {@link #check()} returned.
 */
public final class JsonObjectBody {

	private final JsonNode json;

	private final List<ValidationIssue> issues = new ArrayList<>();

	private JsonObjectBody(JsonNode json) {
		this.json = json;
	}

	/**
	 * A body that must be present and a JSON object (422 {@code model_attributes_type}).
	 */
	public static JsonObjectBody read(byte[] body, String contentType) {
		return new JsonObjectBody(JsonBodies.requireObject(JsonBodies.read(body, contentType)));
	}

	/** As {@link #read}, but an empty body is an empty object (every field absent). */
	public static JsonObjectBody readOptional(byte[] body, String contentType) {
		if (body == null || body.length == 0) {
			return new JsonObjectBody(JsonNodeFactory.instance.objectNode());
		}
		return read(body, contentType);
	}

	/** The whole object, for readers of nested shapes. */
	public JsonNode json() {
		return this.json;
	}

	/** Whether the field is present with a value other than null. */
	public boolean has(String name) {
		JsonNode value = this.json.get(name);
		return value != null && !value.isNull();
	}

	/** The field's node, or null when absent or null. */
	public JsonNode node(String name) {
		return has(name) ? this.json.get(name) : null;
	}

	/** A required string. */
	public String text(String name) {
		return has(name) ? optionalText(name) : missing(name);
	}

	/**
	 * A string, or null when absent or null. Text PostgreSQL could not store as it is (a
	 * NUL character, an unpaired surrogate) is refused here, for every field alike.
	 */
	public String optionalText(String name) {
		JsonNode value = node(name);
		if (value == null) {
			return null;
		}
		if (!value.isString()) {
			return issue(new ValidationIssue("string_type", List.of("body", name), "Input should be a valid string",
					value, null));
		}
		try {
			return StorableText.check(value.stringValue());
		}
		catch (InvalidValue ex) {
			return issue(ValidationIssue.of(ex, List.of("body", name), value));
		}
	}

	/** A required integer. */
	public Integer integer(String name) {
		return has(name) ? optionalInteger(name) : missing(name);
	}

	/** An integer, or null when absent or null. */
	public Integer optionalInteger(String name) {
		JsonNode value = node(name);
		if (value == null) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt()) {
			return issue(new ValidationIssue("int_type", List.of("body", name), "Input should be a valid integer",
					value, null));
		}
		return value.intValue();
	}

	/** A boolean, or null when absent or null. */
	public Boolean optionalBoolean(String name) {
		JsonNode value = node(name);
		if (value == null) {
			return null;
		}
		if (!value.isBoolean()) {
			return issue(new ValidationIssue("bool_type", List.of("body", name), "Input should be a valid boolean",
					value, null));
		}
		return value.booleanValue();
	}

	/**
	 * A required field read by a field rule: its {@link InvalidValue} becomes the field's
	 * 422 item.
	 */
	public <T> T field(String name, FieldReader<T> reader) {
		return has(name) ? optionalField(name, reader) : missing(name);
	}

	/** As {@link #field}, or null when absent or null. */
	public <T> T optionalField(String name, FieldReader<T> reader) {
		JsonNode value = node(name);
		if (value == null) {
			return null;
		}
		try {
			return reader.read(value);
		}
		catch (InvalidValue ex) {
			return issue(ValidationIssue.of(ex, List.of("body", name), value));
		}
	}

	/**
	 * Records that a present field's value breaks a rule of its meaning (422
	 * {@code value_error}).
	 */
	public void invalid(String name, String message, Object input) {
		issue(new ValidationIssue("value_error", List.of("body", name), message, input, null));
	}

	/** Records an issue found by the caller. */
	public <T> T issue(ValidationIssue issue) {
		this.issues.add(issue);
		return null;
	}

	/** Answers every issue recorded so far with one 422. */
	public void check() {
		if (!this.issues.isEmpty()) {
			throw new RequestValidationException(List.copyOf(this.issues));
		}
	}

	private <T> T missing(String name) {
		return issue(new ValidationIssue("missing", List.of("body", name), "Field required", this.json, null));
	}

	/** Reads one field's value; throws {@link InvalidValue} when it breaks the rule. */
	@FunctionalInterface
	public interface FieldReader<T> {

		T read(JsonNode value) throws InvalidValue;

	}

	/**
	 * A single 422 item for a field, outside a body being read (a rule checked later).
	 */
	public static RequestValidationException invalidField(String name, String message, Object input) {
		return new RequestValidationException(
				new ValidationIssue("value_error", List.of("body", name), message, input, null));
	}

}
