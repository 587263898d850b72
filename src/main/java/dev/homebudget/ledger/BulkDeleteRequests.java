package dev.homebudget.ledger;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import dev.homebudget.web.InvalidValue;
import dev.homebudget.web.JsonBodies;
import dev.homebudget.web.RequestValidationException;
import dev.homebudget.web.ValidationIssue;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code {"ids": [...]}} as the original did: integers, or strings holding
 * integers; fractions, other strings and booleans are refused with 422. Duplicates count
 * once, and ids that cannot exist (outside the id column's range) are dropped rather than
 * refused, since a missing id is never an error for bulk delete.
 */
public final class BulkDeleteRequests {

	private static final Pattern INTEGER_TEXT = Pattern.compile("\\s*[+-]?\\d+\\s*");

	private BulkDeleteRequests() {
	}

	public static Set<Integer> readIds(JsonNode body) {
		JsonNode object = JsonBodies.requireObject(body);
		JsonNode ids = object.get("ids");
		if (ids == null) {
			throw new RequestValidationException(
					new ValidationIssue("missing", List.of("body", "ids"), "Field required", object, null));
		}
		if (!ids.isArray()) {
			throw new RequestValidationException(new ValidationIssue("list_type", List.of("body", "ids"),
					"Input should be a valid list", ids, null));
		}
		List<ValidationIssue> issues = new ArrayList<>();
		Set<Integer> result = new LinkedHashSet<>();
		int bad = 0;
		for (int i = 0; i < ids.size(); i++) {
			JsonNode item = ids.get(i);
			try {
				BigInteger id = toInteger(item);
				if (id.bitLength() < 32) {
					result.add(id.intValue());
				}
			}
			catch (InvalidValue ex) {
				if (++bad <= RequestValidationException.MAX_LISTED) {
					issues.add(new ValidationIssue(ex.type(), List.of("body", "ids", i), ex.getMessage(), item, null));
				}
			}
		}
		if (bad > RequestValidationException.MAX_LISTED) {
			issues.add(new ValidationIssue("too_many_errors", List.of("body", "ids"),
					"Only the first " + RequestValidationException.MAX_LISTED + " of " + bad + " bad ids are listed",
					null, null));
		}
		if (!issues.isEmpty()) {
			throw new RequestValidationException(issues);
		}
		return result;
	}

	private static boolean isNonFinite(JsonNode number) {
		return (number.isDouble() || number.isFloat()) && !Double.isFinite(number.doubleValue());
	}

	private static BigInteger toInteger(JsonNode item) throws InvalidValue {
		if (item.isIntegralNumber()) {
			return item.bigIntegerValue();
		}
		if (item.isNumber() && !isNonFinite(item)) {
			try {
				return item.decimalValue().toBigIntegerExact();
			}
			catch (ArithmeticException ex) {
				throw new InvalidValue("int_from_float",
						"Input should be a valid integer, got a number with a fractional part");
			}
		}
		if (item.isString() && item.stringValue().length() <= 100
				&& INTEGER_TEXT.matcher(item.stringValue()).matches()) {
			return new BigInteger(item.stringValue().strip());
		}
		if (item.isString()) {
			throw new InvalidValue("int_parsing",
					"Input should be a valid integer, unable to parse string as an integer");
		}
		throw new InvalidValue("int_type", "Input should be a valid integer");
	}

}
