package dev.homebudget.ledger;

import java.util.ArrayList;
import java.util.List;

import dev.homebudget.web.ApiException;
import dev.homebudget.web.InvalidValue;
import dev.homebudget.web.JsonBodies;
import dev.homebudget.web.RequestValidationException;
import dev.homebudget.web.ValidationIssue;
import tools.jackson.databind.JsonNode;

/**
 * Turns v1 request bodies for one kind of entry into validated {@link EntryValues}.
 * Schema violations become 422 with pydantic-shaped items (POST, PUT); the meaning of a
 * PATCH is checked separately and fails with 400, as in the original. Unknown keys
 * (including {@code id} and {@code type}, which existing clients send) are ignored.
 */
public final class EntryRequestReader {

	private final List<EntryField> fields;

	public EntryRequestReader(List<EntryField> fields) {
		this.fields = List.copyOf(fields);
	}

	/**
	 * POST: required fields present and valid; currency defaults to ₪ when missing, null
	 * or empty.
	 */
	public EntryValues readCreate(JsonNode body) {
		JsonNode object = JsonBodies.requireObject(body);
		List<ValidationIssue> issues = new ArrayList<>();
		EntryValues.Builder values = EntryValues.builder();
		for (EntryField field : this.fields) {
			JsonNode node = object.get(field.jsonName());
			if (node == null && field.requiredOnCreate()) {
				issues.add(missing(field, object));
			}
			else if (field == EntryField.CURRENCY && isBlankOrAbsent(node)) {
				values.put(field, EntryField.DEFAULT_CURRENCY);
			}
			else if (node == null || (node.isNull() && field.nullable())) {
				values.put(field, null);
			}
			else {
				read(field, node, values, issues);
			}
		}
		return finish(values, issues);
	}

	/**
	 * PUT: only keys present in the body are applied (the original's PUT is a partial
	 * update). Nulls pass this stage; {@link #requireNotNull} refuses them for NOT NULL
	 * columns once the record is known to exist.
	 */
	public EntryValues readReplace(JsonNode body) {
		JsonNode object = JsonBodies.requireObject(body);
		List<ValidationIssue> issues = new ArrayList<>();
		EntryValues.Builder values = EntryValues.builder();
		for (EntryField field : this.fields) {
			JsonNode node = object.get(field.jsonName());
			if (node == null) {
				continue;
			}
			if (node.isNull()) {
				values.put(field, null);
			}
			else {
				read(field, node, values, issues);
			}
		}
		return finish(values, issues);
	}

	/** PUT: 400 for an explicit null in a field whose column is NOT NULL. */
	public static void requireNotNull(EntryValues values) {
		values.firstNullInRequiredField().ifPresent((field) -> {
			throw cannotBeNull(field);
		});
	}

	/** PATCH: checks the shape of {@code {"field", "value"}}. */
	public PatchRequest readPatch(JsonNode body) {
		JsonNode object = JsonBodies.requireObject(body);
		List<ValidationIssue> issues = new ArrayList<>();
		JsonNode field = object.get("field");
		if (field == null) {
			issues.add(new ValidationIssue("missing", List.of("body", "field"), "Field required", object, null));
		}
		else if (!field.isString()) {
			issues.add(new ValidationIssue("string_type", List.of("body", "field"), "Input should be a valid string",
					field, null));
		}
		JsonNode value = object.get("value");
		if (value == null) {
			issues.add(new ValidationIssue("missing", List.of("body", "value"), "Field required", object, null));
		}
		else if (value.isContainer()) {
			issues.add(new ValidationIssue("string_type", List.of("body", "value", "str"),
					"Input should be a valid string", value, null));
			issues.add(new ValidationIssue("float_type", List.of("body", "value", "float"),
					"Input should be a valid number", value, null));
		}
		if (!issues.isEmpty()) {
			throw new RequestValidationException(issues);
		}
		return new PatchRequest(field.stringValue(), value);
	}

	/**
	 * PATCH: the meaning of the field and value. Unknown fields and {@code id} are
	 * refused (the original silently ignored them, or changed the primary key); a null
	 * currency becomes ₪ as in the original.
	 */
	public EntryValues readPatchValue(PatchRequest patch) {
		EntryField field = EntryField.byJsonName(this.fields, patch.field())
			.orElseThrow(() -> ApiException.badRequest("Invalid field: " + patch.field()));
		JsonNode value = patch.value();
		EntryValues.Builder values = EntryValues.builder();
		if (value.isNull()) {
			if (field == EntryField.CURRENCY) {
				return values.put(field, EntryField.DEFAULT_CURRENCY).build();
			}
			if (!field.nullable()) {
				throw cannotBeNull(field);
			}
			return values.put(field, null).build();
		}
		try {
			return values.put(field, FieldRules.valueOf(field, value)).build();
		}
		catch (InvalidValue ex) {
			if (field == EntryField.DATE && value.isString()) {
				throw ApiException.badRequest(ex.getMessage());
			}
			throw ApiException.badRequest("Invalid " + field.jsonName() + ": " + ex.getMessage());
		}
	}

	private static ApiException cannotBeNull(EntryField field) {
		return ApiException.badRequest("Field '" + field.jsonName() + "' cannot be null");
	}

	private static void read(EntryField field, JsonNode node, EntryValues.Builder values,
			List<ValidationIssue> issues) {
		try {
			values.put(field, FieldRules.valueOf(field, node));
		}
		catch (InvalidValue ex) {
			String message = (field == EntryField.DATE && ex.type().equals("date_parsing"))
					? "Input should be a valid date in the format YYYY-MM-DD, " + ex.getMessage() : ex.getMessage();
			issues.add(new ValidationIssue(ex.type(), List.of("body", field.jsonName()), message, node, ex.context()));
		}
	}

	private static boolean isBlankOrAbsent(JsonNode node) {
		return node == null || node.isNull() || (node.isString() && node.stringValue().isEmpty());
	}

	private static ValidationIssue missing(EntryField field, JsonNode body) {
		return new ValidationIssue("missing", List.of("body", field.jsonName()), "Field required", body, null);
	}

	private static EntryValues finish(EntryValues.Builder values, List<ValidationIssue> issues) {
		if (!issues.isEmpty()) {
			throw new RequestValidationException(issues);
		}
		return values.build();
	}

}
