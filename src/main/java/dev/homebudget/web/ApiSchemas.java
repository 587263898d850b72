package dev.homebudget.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Request shapes of the v1 contract for the OpenAPI document. Bodies are read as JSON
 * trees (see {@link JsonBodies}), so these records only describe them.
 */
public final class ApiSchemas {

	private ApiSchemas() {
	}

	@Schema(name = "FieldUpdate", description = "Single-field update (PATCH)")
	public record FieldUpdate(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					description = "Field name, e.g. category") String field,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, types = {
					"string", "number", "null" },
					description = "New value; null clears business/notes and resets currency to ₪") Object value){
	}

	@Schema(name = "BulkDeleteRequest")
	public record BulkDeleteRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Integer> ids) {
	}

	@Schema(name = "ValidationError")
	public record ValidationError(String type, List<Object> loc, String msg, Object input,
			@Schema(nullable = true) Object ctx) {
	}

	@Schema(name = "HTTPValidationError")
	public record HttpValidationError(List<ValidationError> detail) {
	}

	@Schema(name = "ErrorDetail")
	public record ErrorDetail(String detail) {
	}

}
