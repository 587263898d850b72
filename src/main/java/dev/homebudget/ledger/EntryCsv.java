package dev.homebudget.ledger;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import dev.homebudget.web.ApiException;
import dev.homebudget.web.JsonBodies;
import dev.homebudget.web.RequestValidationException;
import dev.homebudget.web.ValidationIssue;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * CSV export and import of entries (RFC 4180, UTF-8, header row). A row is turned into
 * the same JSON object a client would POST, so CSV rows obey exactly the API's rules.
 * Text that a spreadsheet would run as a formula is written with a leading apostrophe,
 * which import removes again.
 */
public final class EntryCsv {

	public static final String MEDIA_TYPE = "text/csv;charset=UTF-8";

	private static final Pattern FORMULA_START = Pattern.compile("^[=+\\-@\\t\\r]");

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

	private EntryCsv() {
	}

	/**
	 * One data row of an import: its line number (the header is line 1) and its object.
	 */
	public record Row(long line, ObjectNode object) {
	}

	/** Writes {@code id} and the fields as columns, one row per entry. */
	public static String write(List<EntryField> fields, List<Map<String, Object>> rows) {
		return write(fields, List.of(), rows);
	}

	/**
	 * Writes {@code id}, the fields and then {@code moreColumns} (text defused as every
	 * other cell), one row per entry.
	 */
	public static String write(List<EntryField> fields, List<String> moreColumns, List<Map<String, Object>> rows) {
		StringBuilder out = new StringBuilder();
		try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
			List<String> header = new ArrayList<>();
			header.add("id");
			fields.forEach((field) -> header.add(field.jsonName()));
			header.addAll(moreColumns);
			printer.printRecord(header);
			for (Map<String, Object> row : rows) {
				List<Object> cells = new ArrayList<>();
				for (String column : header) {
					Object value = row.get(column);
					cells.add((value instanceof String text) ? defuse(text) : (value == null) ? "" : value.toString());
				}
				printer.printRecord(cells);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	/**
	 * Reads an upload. Columns are matched by header name (case-insensitive); {@code id}
	 * and unknown columns are ignored; a missing required column is a 422 on
	 * {@code ["body","header"]}.
	 */
	public static List<Row> read(byte[] body, String contentType, List<EntryField> fields) {
		return read(body, contentType, fields, List.of());
	}

	/**
	 * As {@link #read(byte[], String, List)}, also reading the optional text columns
	 * {@code moreColumns} (lower-case names) into the row's object: absent column =
	 * absent key, empty cell = null, else the text.
	 */
	public static List<Row> read(byte[] body, String contentType, List<EntryField> fields, List<String> moreColumns) {
		requireCsv(contentType);
		String text = decode(body);
		List<Row> rows = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(new StringReader(text),
				FORMAT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).get())) {
			Map<String, Integer> header = parser.getHeaderMap();
			List<String> names = header.keySet().stream().map((name) -> name.strip().toLowerCase(Locale.ROOT)).toList();
			List<ValidationIssue> missing = new ArrayList<>();
			for (EntryField field : fields) {
				if (field.requiredOnCreate() && !names.contains(field.jsonName())) {
					missing.add(new ValidationIssue("missing", List.of("body", "header"),
							"Column '" + field.jsonName() + "' is required", names, null));
				}
			}
			if (!missing.isEmpty()) {
				throw new RequestValidationException(missing);
			}
			for (CSVRecord record : parser) {
				rows.add(new Row(parser.getCurrentLineNumber(), object(record, header, fields, moreColumns)));
			}
		}
		catch (IOException | IllegalArgumentException | IllegalStateException | UncheckedIOException ex) {
			throw new RequestValidationException(new ValidationIssue("csv_invalid", List.of("body"),
					"CSV could not be read: " + firstLine(ex.getMessage()), null, null));
		}
		return rows;
	}

	private static ObjectNode object(CSVRecord record, Map<String, Integer> header, List<EntryField> fields,
			List<String> moreColumns) {
		ObjectNode object = JsonNodeFactory.instance.objectNode();
		for (Map.Entry<String, Integer> column : header.entrySet()) {
			String name = column.getKey().strip().toLowerCase(Locale.ROOT);
			if (moreColumns.contains(name)) {
				String cell = (column.getValue() < record.size()) ? restore(record.get(column.getValue()).strip()) : "";
				if (cell.isEmpty()) {
					object.putNull(name);
				}
				else {
					object.put(name, cell);
				}
				continue;
			}
			EntryField field = EntryField.byJsonName(fields, name).orElse(null);
			if (field == null || column.getValue() >= record.size()) {
				continue;
			}
			String cell = restore(record.get(column.getValue()));
			if (!cell.isEmpty()) {
				object.put(name, cell);
			}
			else if (field.nullable()) {
				object.putNull(name);
			}
			else if (field == EntryField.CATEGORY || field == EntryField.ACCOUNT) {
				object.put(name, "");
			}
		}
		return object;
	}

	/** A cell a spreadsheet would run as a formula gets a leading apostrophe. */
	static String defuse(String text) {
		return FORMULA_START.matcher(text).find() ? "'" + text : text;
	}

	private static String restore(String cell) {
		return (cell.length() > 1 && cell.charAt(0) == '\'' && FORMULA_START.matcher(cell.substring(1)).find())
				? cell.substring(1) : cell;
	}

	private static void requireCsv(String contentType) {
		if (contentType != null && !contentType.isBlank()) {
			try {
				MediaType type = MediaType.parseMediaType(contentType);
				if (type.isCompatibleWith(MediaType.parseMediaType("text/csv"))
						|| type.isCompatibleWith(MediaType.TEXT_PLAIN)) {
					return;
				}
			}
			catch (InvalidMediaTypeException ex) {
				// refused below like any other type
			}
		}
		throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be text/csv");
	}

	private static String decode(byte[] body) {
		if (body == null || body.length == 0) {
			throw new RequestValidationException(
					new ValidationIssue("missing", List.of("body"), "Field required", null, null));
		}
		try {
			String text = JsonBodies.strictUtf8(body);
			return text.startsWith("\ufeff") ? text.substring(1) : text;
		}
		catch (CharacterCodingException ex) {
			throw new RequestValidationException(new ValidationIssue("csv_invalid", List.of("body"),
					"CSV could not be read: the file is not UTF-8", null, null));
		}
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "malformed CSV";
		}
		int newline = message.indexOf('\n');
		return (newline < 0) ? message : message.substring(0, newline);
	}

}
