package dev.homebudget.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Reads request bodies as JSON trees. Parsing is done here rather than by data binding so
 * that numbers keep their exact decimal text, so that {@code NaN} and {@code Infinity}
 * can be refused with a clear message instead of a parse error, and so that every failure
 * has the original's 422 shape.
 */
public final class JsonBodies {

	/** The one sentence every non-JSON body gets (415), wherever it is refused. */
	static final String NOT_JSON = "Content-Type must be application/json";

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private JsonBodies() {
	}

	/**
	 * Parses a body sent with the given Content-Type (null when the header is absent,
	 * which the original treated as JSON).
	 */
	public static JsonNode read(byte[] body, String contentType) {
		requireJsonContentType(contentType);
		if (body == null || body.length == 0) {
			throw missingBody();
		}
		String text;
		try {
			text = strictUtf8(body);
		}
		catch (CharacterCodingException ex) {
			throw invalidJson(0, "body is not valid UTF-8");
		}
		if (text.isBlank()) {
			throw missingBody();
		}
		try {
			JsonNode node = MAPPER.readTree(text);
			if (node == null || node.isNull() || node.isMissingNode()) {
				throw missingBody();
			}
			return node;
		}
		catch (StreamConstraintsException ex) {
			throw invalidJson(0, "the document exceeds the size or nesting limits");
		}
		catch (StreamReadException ex) {
			TokenStreamLocation location = ex.getLocation();
			long offset = (location != null && location.getCharOffset() >= 0) ? location.getCharOffset() : 0;
			throw invalidJson(offset, ex.getOriginalMessage());
		}
		catch (JacksonException ex) {
			throw invalidJson(0, ex.getOriginalMessage());
		}
	}

	/** Decodes UTF-8, refusing malformed bytes instead of replacing them with U+FFFD. */
	public static String strictUtf8(byte[] bytes) throws CharacterCodingException {
		return StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT)
			.decode(ByteBuffer.wrap(bytes))
			.toString();
	}

	/**
	 * The body must be a JSON object; anything else is the original's
	 * "model_attributes_type".
	 */
	public static JsonNode requireObject(JsonNode body) {
		if (!body.isObject()) {
			throw new RequestValidationException(new ValidationIssue("model_attributes_type", List.of("body"),
					"Input should be a valid dictionary or object to extract fields from", body, null));
		}
		return body;
	}

	private static void requireJsonContentType(String contentType) {
		if (contentType == null || contentType.isBlank()) {
			return;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			boolean json = "application".equals(type.getType())
					&& ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
			if (json) {
				return;
			}
		}
		catch (InvalidMediaTypeException ex) {
			// fall through to the same refusal as any other non-JSON type
		}
		throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, NOT_JSON);
	}

	private static RequestValidationException missingBody() {
		return new RequestValidationException(
				new ValidationIssue("missing", List.of("body"), "Field required", null, null));
	}

	private static RequestValidationException invalidJson(long offset, String error) {
		String reason = (error == null) ? "invalid JSON" : firstLine(error);
		return new RequestValidationException(new ValidationIssue("json_invalid", List.of("body", offset),
				"JSON decode error", JsonNodeFactory.instance.objectNode(), Map.of("error", reason)));
	}

	private static String firstLine(String message) {
		int newline = message.indexOf('\n');
		return (newline < 0) ? message : message.substring(0, newline);
	}

}
