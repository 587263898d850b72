package dev.homebudget.transition;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.homebudget.ledger.Amounts;
import dev.homebudget.ledger.EntryDates;
import dev.homebudget.ledger.EntryField;
import dev.homebudget.ledger.FieldRules;
import dev.homebudget.web.InvalidValue;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The original's file format (contract §2): one JSON array of flat objects, written by
 * Python's {@code json.dump(data, f, indent=2)} with ASCII escaping and no trailing
 * newline, amounts as JSON numbers, the id last.
 * <p>
 * Reading is exact: numbers are taken from their decimal text, never through a double. A
 * file that is not UTF-8, not JSON or not an array is corrupt as a whole; a record that
 * breaks a field rule (the JSON era stored anything: {@code "bad"} dates, string amounts,
 * float ids) is rejected on its own, with its position, id and reason, so that the caller
 * decides what a rejection means.
 */
public final class JsonLedgerFormat {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private static final BigInteger MAX_ID = BigInteger.valueOf(Integer.MAX_VALUE);

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private JsonLedgerFormat() {
	}

	/**
	 * The records of a file, the ones that could not be used, and the amounts read as the
	 * cent a float stood for ({@link Normalisation}).
	 */
	public record Parsed(List<JsonEntry> entries, List<Rejection> rejections, List<Normalisation> normalisations) {

		public Parsed {
			entries = List.copyOf(entries);
			rejections = List.copyOf(rejections);
			normalisations = List.copyOf(normalisations);
		}

		public Parsed(List<JsonEntry> entries, List<Rejection> rejections) {
			this(entries, rejections, List.of());
		}

	}

	/**
	 * An amount written with float noise ({@code 8.299999999999999}: the JSON era's
	 * Python stored the sum of floats) and read as the cent it stands for ({@code 8.30}).
	 * {@code position} counts records from 1.
	 */
	public record Normalisation(int position, int id, String written, BigDecimal amount) {

		@Override
		public String toString() {
			return "record " + this.position + " (id " + this.id + "): amount " + this.written + " read as "
					+ this.amount.toPlainString() + " (float noise)";
		}

	}

	/**
	 * How far a written amount may lie from a cent and still be that cent: float noise.
	 * One binary float operation leaves an error of an ulp or two, far below this for
	 * every amount the column holds (below 1e8, an ulp is under 1.5e-8), while a real
	 * third decimal ({@code 12.345}) is at least 0.001 away.
	 */
	static final BigDecimal FLOAT_NOISE = new BigDecimal("1e-9");

	/**
	 * A record that breaks a rule. {@code position} counts records from 1; {@code id} is
	 * the record's id as written (null when it has none).
	 */
	public record Rejection(int position, String id, String reason) {

		@Override
		public String toString() {
			return "record " + this.position + ((this.id != null) ? " (id " + this.id + ")" : "") + ": " + this.reason;
		}

	}

	/**
	 * Parses a whole file. The records are read one by one from the token stream, never
	 * as one tree of the whole file: a ledger of 100,000 records is read several times
	 * faster, in a fraction of the memory.
	 * @throws JsonStoreException when the content as a whole is not a JSON array in UTF-8
	 */
	public static Parsed parse(LedgerFile ledger, byte[] content, Path source) {
		if (isBlankUtf8(content, source)) {
			throw new JsonStoreException(source, "is empty (a truncated write?); it was left untouched");
		}
		try (JsonParser parser = MAPPER.createParser(content)) {
			if (parser.nextToken() != JsonToken.START_ARRAY) {
				// a whole-file error; "not valid JSON" when it is not JSON at all
				parser.skipChildren();
				requireEnd(parser);
				throw new JsonStoreException(source, "does not hold a JSON array of records; it was left untouched");
			}
			Parsed parsed = records(ledger, parser);
			requireEnd(parser);
			return parsed;
		}
		catch (JacksonException ex) {
			throw new JsonStoreException(source,
					"is not valid JSON (" + ex.getOriginalMessage() + "); it was left untouched");
		}
	}

	/**
	 * Checks that the bytes are strictly valid UTF-8 (the parser alone would let some
	 * malformed sequences through) and says whether they hold only whitespace. Decoded in
	 * small chunks: a whole file's characters are never held at once.
	 */
	private static boolean isBlankUtf8(byte[] content, Path source) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(content);
		CharBuffer out = CharBuffer.allocate(8192);
		boolean blank = true;
		CoderResult result;
		do {
			result = decoder.decode(in, out, true);
			if (result.isError()) {
				throw new JsonStoreException(source, "is not valid UTF-8 text; it was left untouched");
			}
			blank = whitespaceOnly(out) && blank;
		}
		while (result.isOverflow());
		do {
			result = decoder.flush(out);
			blank = whitespaceOnly(out) && blank;
		}
		while (result.isOverflow());
		return blank;
	}

	/** Whether the decoded characters are all whitespace; empties the buffer. */
	private static boolean whitespaceOnly(CharBuffer decoded) {
		decoded.flip();
		boolean blank = true;
		while (blank && decoded.hasRemaining()) {
			blank = Character.isWhitespace(decoded.get());
		}
		decoded.clear();
		return blank;
	}

	private static Parsed records(LedgerFile ledger, JsonParser parser) {
		List<JsonEntry> entries = new ArrayList<>();
		List<Rejection> rejections = new ArrayList<>();
		List<Normalisation> normalisations = new ArrayList<>();
		Map<Integer, Integer> positionOfId = new HashMap<>();
		int position = 0;
		JsonToken token;
		while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
			position++;
			Map<String, Value> record = (token == JsonToken.START_OBJECT) ? fields(parser) : null;
			if (record == null) {
				parser.skipChildren();
			}
			try {
				JsonEntry entry = entry(ledger, record);
				Integer first = positionOfId.putIfAbsent(entry.id(), position);
				if (first != null) {
					throw new InvalidValue("duplicate_id", "duplicate id (first used by record " + first + ")");
				}
				entries.add(entry);
				// an accepted amount written with more than two places was float noise
				String written = record.get("amount").text().strip();
				if (new BigDecimal(written).stripTrailingZeros().scale() > 2) {
					normalisations.add(new Normalisation(position, entry.id(), written, entry.amount()));
				}
			}
			catch (InvalidValue ex) {
				rejections.add(new Rejection(position, rawId(record), ex.getMessage()));
			}
		}
		return new Parsed(entries, rejections, normalisations);
	}

	private static void requireEnd(JsonParser parser) {
		JsonToken trailing = parser.nextToken();
		if (trailing != null) {
			throw new StreamReadException(parser, "trailing content (" + trailing + ") after the top-level value");
		}
	}

	/**
	 * One value of a record as read from the stream: its token, its text (for strings,
	 * and as the original wrote a number or boolean) and, for a finite number, its exact
	 * decimal. Nested objects and arrays are skipped: no field holds one.
	 */
	private record Value(JsonToken token, String text, BigDecimal number) {

		boolean isNull() {
			return this.token == JsonToken.VALUE_NULL;
		}

		boolean isString() {
			return this.token == JsonToken.VALUE_STRING;
		}

		boolean isNumber() {
			return this.token == JsonToken.VALUE_NUMBER_INT || this.token == JsonToken.VALUE_NUMBER_FLOAT;
		}

		boolean isContainer() {
			return this.token == JsonToken.START_OBJECT || this.token == JsonToken.START_ARRAY;
		}

	}

	/**
	 * The fields of the object the parser is at; a repeated name keeps its last value.
	 */
	private static Map<String, Value> fields(JsonParser parser) {
		Map<String, Value> fields = new HashMap<>(16);
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			fields.put(name, value(parser, parser.nextToken()));
		}
		return fields;
	}

	private static Value value(JsonParser parser, JsonToken token) {
		return switch (token) {
			case VALUE_STRING -> new Value(token, parser.getString(), null);
			case VALUE_NUMBER_INT -> {
				BigDecimal number = new BigDecimal(parser.getBigIntegerValue());
				yield new Value(token, number.toString(), number);
			}
			case VALUE_NUMBER_FLOAT -> {
				if (parser.isNaN()) {
					// NaN, Infinity: JSON the original's Python wrote, but no number
					yield new Value(token, Double.toString(parser.getDoubleValue()), null);
				}
				BigDecimal number = parser.getDecimalValue();
				yield new Value(token, number.toString(), number);
			}
			case VALUE_TRUE, VALUE_FALSE -> new Value(token, parser.getString(), null);
			case START_OBJECT, START_ARRAY -> {
				parser.skipChildren();
				yield new Value(token, null, null);
			}
			default -> new Value(token, null, null);
		};
	}

	private static String rawId(Map<String, Value> record) {
		Value id = (record != null) ? record.get("id") : null;
		if (id == null || id.isContainer() || id.isNull()) {
			return null;
		}
		String text = id.text();
		return (text.length() > 40) ? text.substring(0, 40) + "..." : text;
	}

	private static JsonEntry entry(LedgerFile ledger, Map<String, Value> record) throws InvalidValue {
		if (record == null) {
			throw new InvalidValue("model_type", "not a JSON object");
		}
		int id = id(record.get("id"));
		LocalDate date = date(record.get("date"));
		String business = ledger.hasBusiness() ? optionalText(EntryField.BUSINESS, record) : null;
		String category = requiredText(EntryField.CATEGORY, record);
		BigDecimal amount = amount(record.get("amount"));
		String account = requiredText(EntryField.ACCOUNT, record);
		String currency = optionalText(EntryField.CURRENCY, record);
		if (currency == null || currency.isEmpty()) {
			currency = EntryField.DEFAULT_CURRENCY;
		}
		String notes = optionalText(EntryField.NOTES, record);
		return new JsonEntry(id, date, business, category, amount, account, currency, notes);
	}

	/**
	 * Ids are positive integers; {@code 50.0} (left by the JSON era's PATCH bug) is 50.
	 */
	private static int id(Value value) throws InvalidValue {
		if (value == null || value.isNull()) {
			throw new InvalidValue("missing", "id: missing");
		}
		if (!value.isNumber()) {
			throw new InvalidValue("int_type", "id: not a number");
		}
		BigInteger integral;
		try {
			if (value.number() == null) {
				throw new ArithmeticException("not finite");
			}
			integral = value.number().toBigIntegerExact();
		}
		catch (ArithmeticException ex) {
			throw new InvalidValue("int_from_float", "id: not a whole number");
		}
		if (integral.signum() <= 0 || integral.compareTo(MAX_ID) > 0) {
			throw new InvalidValue("greater_than", "id: must be between 1 and " + Integer.MAX_VALUE);
		}
		return integral.intValue();
	}

	private static LocalDate date(Value value) throws InvalidValue {
		if (value == null || !value.isString()) {
			throw new InvalidValue("string_type", "date: missing or not a string");
		}
		try {
			return EntryDates.parse(value.text());
		}
		catch (InvalidValue ex) {
			throw new InvalidValue(ex.type(), "date: " + ex.getMessage());
		}
	}

	/**
	 * Exactly the written decimal, at most two places: {@code 158.16} stays 158.16 and
	 * {@code 12.345} is refused rather than rounded. The one exception is float noise, a
	 * value within {@link #FLOAT_NOISE} of a cent ({@code 8.299999999999999}): that is
	 * the cent the user typed, and it is read as that cent (the caller reports it). The
	 * JSON era's PATCH stored strings verbatim, so numeric strings are accepted too.
	 */
	private static BigDecimal amount(Value value) throws InvalidValue {
		if (value == null || value.isNull()) {
			throw new InvalidValue("missing", "amount: missing");
		}
		BigDecimal number;
		try {
			if (value.isNumber()) {
				if (value.number() == null) {
					throw new InvalidValue("finite_number", "not a finite number");
				}
				number = value.number();
			}
			else if (value.isString()) {
				number = new BigDecimal(value.text().strip());
			}
			else {
				throw new InvalidValue("float_type", "not a number");
			}
			if (number.stripTrailingZeros().scale() > 2) {
				BigDecimal cent = number.setScale(2, RoundingMode.HALF_UP);
				if (number.subtract(cent).abs().compareTo(FLOAT_NOISE) > 0) {
					throw new InvalidValue("decimal_places", "more than 2 decimal places (" + number.toPlainString()
							+ "); fix the value by hand, it is never rounded");
				}
				number = cent;
			}
			return Amounts.normalize(number);
		}
		catch (NumberFormatException ex) {
			throw new InvalidValue("float_parsing", "amount: not a number");
		}
		catch (InvalidValue ex) {
			throw new InvalidValue(ex.type(), "amount: " + ex.getMessage());
		}
	}

	private static String requiredText(EntryField field, Map<String, Value> record) throws InvalidValue {
		String text = optionalText(field, record);
		if (text == null) {
			throw new InvalidValue("missing", field.jsonName() + ": missing");
		}
		return text;
	}

	private static String optionalText(EntryField field, Map<String, Value> record) throws InvalidValue {
		Value value = record.get(field.jsonName());
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw new InvalidValue("string_type", field.jsonName() + ": not a string");
		}
		try {
			return FieldRules.text(field, value.text());
		}
		catch (InvalidValue ex) {
			throw new InvalidValue(ex.type(), field.jsonName() + ": " + ex.getMessage());
		}
	}

	/** The file's bytes, exactly as the original's {@code json.dump(..., indent=2)}. */
	public static byte[] write(LedgerFile ledger, List<JsonEntry> entries) {
		return assemble(entries.stream().map((entry) -> record(ledger, entry)).toList());
	}

	/**
	 * One record as it appears in the file ({@code " {\n \"date\": ...\n }"}), for
	 * callers that keep the text of unchanged records between writes.
	 */
	static String record(LedgerFile ledger, JsonEntry entry) {
		StringBuilder out = new StringBuilder(200);
		out.append("  {");
		field(out, "date", true).append('"').append(entry.date()).append('"');
		if (ledger.hasBusiness()) {
			string(field(out, "business", false), entry.business());
		}
		string(field(out, "category", false), entry.category());
		field(out, "amount", false).append(pythonFloat(entry.amount()));
		string(field(out, "account", false), entry.account());
		string(field(out, "currency", false), entry.currency());
		string(field(out, "notes", false), entry.notes());
		field(out, "id", false).append(entry.id());
		out.append("\n  }");
		return out.toString();
	}

	/** The file's bytes from its records' text, in order. */
	static byte[] assemble(List<String> records) {
		if (records.isEmpty()) {
			return "[]".getBytes(StandardCharsets.US_ASCII);
		}
		int length = 4;
		for (String record : records) {
			length += record.length() + 2;
		}
		StringBuilder out = new StringBuilder(length);
		out.append('[');
		boolean first = true;
		for (String record : records) {
			out.append(first ? "\n" : ",\n").append(record);
			first = false;
		}
		out.append("\n]");
		return out.toString().getBytes(StandardCharsets.US_ASCII);
	}

	private static StringBuilder field(StringBuilder out, String name, boolean first) {
		return out.append(first ? "\n    \"" : ",\n    \"").append(name).append("\": ");
	}

	/**
	 * The amount as Python's {@code repr(float)} writes a two-decimal value: the shortest
	 * decimal, with {@code .0} when it is whole ({@code 100.0}, {@code 158.1}).
	 */
	static String pythonFloat(BigDecimal amount) {
		String plain = amount.stripTrailingZeros().toPlainString();
		return (plain.indexOf('.') < 0) ? plain + ".0" : plain;
	}

	/**
	 * A JSON string with {@code ensure_ascii}: every non-ASCII character as
	 * {@code \\uXXXX}.
	 */
	private static void string(StringBuilder out, String value) {
		if (value == null) {
			out.append("null");
			return;
		}
		out.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				default -> {
					if (c < 0x20 || c > 0x7e) {
						out.append("\\u");
						for (int shift = 12; shift >= 0; shift -= 4) {
							out.append(HEX[(c >> shift) & 0xf]);
						}
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

}
