package dev.homebudget.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.regex.Pattern;

import dev.homebudget.web.InvalidValue;
import tools.jackson.databind.JsonNode;

/**
 * Money rules: exact decimals (never binary floating point), two decimal places rounded
 * half away from zero as PostgreSQL's NUMERIC(10,2) does, and the column's range.
 */
public final class Amounts {

	/** Exclusive bound of NUMERIC(10,2): amounts lie strictly between -1e8 and 1e8. */
	public static final BigDecimal LIMIT = new BigDecimal("100000000");

	private static final int SCALE = 2;

	private static final int MAX_TEXT_LENGTH = 1000;

	private static final Pattern NUMBER_TEXT = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

	private static final Pattern NON_FINITE_TEXT = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

	private Amounts() {
	}

	/**
	 * Reads an amount from a JSON value: a number, or a string holding one (the
	 * original's lax mode accepted {@code "50.5"} and {@code " 7.25 "}). Booleans are
	 * refused.
	 */
	public static BigDecimal fromJson(JsonNode node) throws InvalidValue {
		if (node == null || node.isNull() || node.isBoolean() || node.isContainer()) {
			throw new InvalidValue("float_type", "Input should be a valid number");
		}
		if (node.isNumber()) {
			if (node.isDouble() || node.isFloat()) {
				double value = node.doubleValue();
				if (Double.isNaN(value) || Double.isInfinite(value)) {
					throw notFinite();
				}
			}
			return normalize(node.decimalValue());
		}
		if (node.isString()) {
			return fromText(node.stringValue());
		}
		throw new InvalidValue("float_type", "Input should be a valid number");
	}

	/** Parses an amount from text, e.g. a PATCH value or a CSV cell. */
	public static BigDecimal fromText(String raw) throws InvalidValue {
		String text = raw.strip();
		if (NON_FINITE_TEXT.matcher(text).matches()) {
			throw notFinite();
		}
		if (text.length() > MAX_TEXT_LENGTH || !NUMBER_TEXT.matcher(text).matches()) {
			throw new InvalidValue("float_parsing",
					"Input should be a valid number, unable to parse string as a number");
		}
		try {
			return normalize(new BigDecimal(text));
		}
		catch (NumberFormatException ex) {
			return outOfIntExponent(text);
		}
	}

	/**
	 * {@link BigDecimal} refuses exponents beyond the int range; such a number is either
	 * zero (a zero mantissa or a huge negative exponent) or far outside the column's
	 * range.
	 */
	private static BigDecimal outOfIntExponent(String text) throws InvalidValue {
		int exponentAt = text.toLowerCase().indexOf('e');
		String mantissa = text.substring(0, exponentAt);
		boolean zeroMantissa = mantissa.chars().noneMatch((c) -> c >= '1' && c <= '9');
		if (zeroMantissa || text.charAt(exponentAt + 1) == '-') {
			return BigDecimal.ZERO.setScale(SCALE);
		}
		throw mantissa.startsWith("-") ? tooSmall() : tooLarge();
	}

	/** Rounds to two decimals (half away from zero) and checks the column's range. */
	public static BigDecimal normalize(BigDecimal value) throws InvalidValue {
		int integerDigits = value.precision() - value.scale();
		if (integerDigits > 9) {
			// checked before rounding so that 1e100000000 never gets expanded
			throw (value.signum() < 0) ? tooSmall() : tooLarge();
		}
		if (value.scale() - value.precision() >= SCALE + 1) {
			// |value| < 0.001 rounds to zero; skip setScale on huge negative exponents
			return BigDecimal.ZERO.setScale(SCALE);
		}
		BigDecimal rounded = value.setScale(SCALE, RoundingMode.HALF_UP);
		if (rounded.compareTo(LIMIT) >= 0) {
			throw tooLarge();
		}
		if (rounded.compareTo(LIMIT.negate()) <= 0) {
			throw tooSmall();
		}
		return (rounded.signum() == 0) ? BigDecimal.ZERO.setScale(SCALE) : rounded;
	}

	private static InvalidValue notFinite() {
		return new InvalidValue("finite_number", "Input should be a finite number");
	}

	private static InvalidValue tooLarge() {
		return new InvalidValue("less_than", "Input should be less than 100000000", Map.of("lt", 100000000));
	}

	private static InvalidValue tooSmall() {
		return new InvalidValue("greater_than", "Input should be greater than -100000000", Map.of("gt", -100000000));
	}

}
