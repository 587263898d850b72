package dev.homebudget.ledger;

import java.io.FilterInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import dev.homebudget.web.ApiException;
import dev.homebudget.web.RequestValidationException;
import dev.homebudget.web.ValidationIssue;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
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

	/**
	 * Starts a CSV download of {@code id}, the fields and then {@code moreColumns} (text
	 * defused as every other cell), written to the response a page of rows at a time, so
	 * that an export of any size is never held whole. Nothing is written before the first
	 * page, so a failure to read it still gets the usual error answer; a failure after it
	 * can only cut the file short.
	 */
	public static Download download(HttpServletResponse response, String fileName, List<EntryField> fields,
			List<String> moreColumns) {
		List<String> header = new ArrayList<>();
		header.add("id");
		fields.forEach((field) -> header.add(field.jsonName()));
		header.addAll(moreColumns);
		return new Download(response, fileName, header);
	}

	/** A CSV download being written; see {@link #download}. */
	public static final class Download {

		private final HttpServletResponse response;

		private final String fileName;

		private final List<String> header;

		private CSVPrinter printer;

		private Download(HttpServletResponse response, String fileName, List<String> header) {
			this.response = response;
			this.fileName = fileName;
			this.header = header;
		}

		/** Writes one page of rows, each by column name. */
		public void rows(List<Map<String, Object>> rows) throws IOException {
			start();
			for (Map<String, Object> row : rows) {
				List<Object> cells = new ArrayList<>(this.header.size());
				for (String column : this.header) {
					Object value = row.get(column);
					cells.add((value instanceof String text) ? defuse(text) : (value == null) ? "" : value.toString());
				}
				this.printer.printRecord(cells);
			}
		}

		/** Completes the file (a header alone when there were no rows). */
		public void finish() throws IOException {
			start();
			this.printer.flush();
		}

		private void start() throws IOException {
			if (this.printer != null) {
				return;
			}
			this.response.setStatus(HttpServletResponse.SC_OK);
			this.response.setContentType(MEDIA_TYPE);
			this.response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + this.fileName + "\"");
			this.printer = new CSVPrinter(
					new OutputStreamWriter(this.response.getOutputStream(), StandardCharsets.UTF_8), FORMAT);
			this.printer.printRecord(this.header);
		}

	}

	/**
	 * What went wrong with an upload's CSV syntax or encoding, as one sentence of our own
	 * (never a library's message or class): a 422 on {@code ["body"]}.
	 */
	static RequestValidationException unreadable(String sentence) {
		return new RequestValidationException(
				new ValidationIssue("csv_invalid", List.of("body"), "CSV could not be read: " + sentence, null, null));
	}

	/**
	 * Reads an upload row by row from the request stream, handing each data row to
	 * {@code each} before the next one is read, so that neither the body nor its rows are
	 * ever held whole. Columns are matched by header name (case-insensitive); {@code id}
	 * and unknown columns are ignored; a missing required column is a 422 on
	 * {@code ["body","header"]}. The optional text columns {@code moreColumns}
	 * (lower-case names) are read into the row's object: absent column = absent key,
	 * empty cell = null, else the text.
	 * @param maxRows the most data rows read; one more is a 413 and nothing more is read
	 * @throws IOException when reading the request itself failed (the client went away,
	 * or the body is over the size limit): never a CSV problem, which is a 422
	 */
	public static void read(InputStream body, String contentType, List<EntryField> fields, List<String> moreColumns,
			int maxRows, Consumer<Row> each) throws IOException {
		requireCsv(contentType);
		Source source = new Source(body);
		RecordReader text = new RecordReader(new InputStreamReader(source,
				StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)));
		CSVParser parser;
		try {
			if (!text.skipByteOrderMark()) {
				throw new RequestValidationException(
						new ValidationIssue("missing", List.of("body"), "Field required", null, null));
			}
			parser = CSVParser.parse(text,
					FORMAT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).get());
		}
		catch (IOException | IllegalArgumentException | IllegalStateException | UncheckedIOException ex) {
			throw problem(source, text, ex, 1, "the header row (line 1) must name each column once");
		}
		try (parser) {
			Map<String, Integer> header = parser.getHeaderMap();
			List<String> names = header.keySet().stream().map((name) -> name.strip().toLowerCase(Locale.ROOT)).toList();
			List<ValidationIssue> missing = new ArrayList<>();
			for (EntryField field : fields) {
				if (field.requiredOnCreate() && !names.contains(field.jsonName())) {
					missing.add(new ValidationIssue("missing", List.of("body", "header"),
							"Column '" + field.jsonName() + "' is required", CsvImports.shortened(names), null));
				}
			}
			if (!missing.isEmpty()) {
				throw new RequestValidationException(missing);
			}
			int rows = 0;
			long lastLine = parser.getCurrentLineNumber();
			Iterator<CSVRecord> records = parser.iterator();
			while (true) {
				text.startRecord();
				CSVRecord record;
				try {
					if (!records.hasNext()) {
						break;
					}
					record = records.next();
				}
				catch (UncheckedIOException | IllegalStateException ex) {
					throw problem(source, text, ex, lastLine + 1,
							"a quoted field must end with a quote followed by a comma or the end of the line");
				}
				if (++rows > maxRows) {
					throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "The file has more than " + maxRows
							+ " rows; split it into files of at most " + maxRows + " rows (budget.import.max-rows)");
				}
				lastLine = parser.getCurrentLineNumber();
				each.accept(new Row(lastLine, object(record, header, fields, moreColumns)));
			}
		}
	}

	/**
	 * The 422 for a failed read, or the reading failure itself when it came from the
	 * request rather than from its content.
	 */
	private static RuntimeException problem(Source source, RecordReader text, Exception ex, long line, String syntax)
			throws IOException {
		if (source.failure != null) {
			throw source.failure;
		}
		Throwable cause = (ex instanceof UncheckedIOException unchecked) ? unchecked.getCause() : ex;
		if (cause instanceof CharacterCodingException) {
			return unreadable("the file is not UTF-8");
		}
		if (text.tooLong) {
			return unreadable("line " + line + " is longer than " + RecordReader.MAX_RECORD_CHARS
					+ " characters (a row of that length is not a budget entry)");
		}
		return unreadable("line " + line + " is not valid CSV: " + syntax);
	}

	/**
	 * The request body, remembering a failure to read it (which is not the content's
	 * fault and must not become a 422).
	 */
	private static final class Source extends FilterInputStream {

		IOException failure;

		Source(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			try {
				return super.read();
			}
			catch (IOException ex) {
				this.failure = ex;
				throw ex;
			}
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			try {
				return super.read(buffer, offset, length);
			}
			catch (IOException ex) {
				this.failure = ex;
				throw ex;
			}
		}

	}

	/**
	 * The decoded text, refusing a record (a line, or several when a quoted field spans
	 * lines) of more than {@value #MAX_RECORD_CHARS} characters, so that one endless cell
	 * cannot fill the memory. The parser reads ahead in blocks, so the count is that of
	 * the characters read since the record began, give or take one block.
	 */
	private static final class RecordReader extends FilterReader {

		static final int MAX_RECORD_CHARS = 65_536;

		private static final int READ_AHEAD = 8_192;

		private long sinceRecord;

		boolean tooLong;

		RecordReader(Reader in) {
			super(in);
		}

		/** Skips a leading byte order mark; false for an empty body. */
		boolean skipByteOrderMark() throws IOException {
			this.in = new PushbackReader(this.in, 1);
			int first = this.in.read();
			if (first < 0) {
				return false;
			}
			if (first != '\ufeff') {
				((PushbackReader) this.in).unread(first);
			}
			return true;
		}

		void startRecord() {
			this.sinceRecord = 0;
		}

		@Override
		public int read() throws IOException {
			int c = super.read();
			if (c >= 0) {
				count(1);
			}
			return c;
		}

		@Override
		public int read(char[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws IOException {
			this.sinceRecord += n;
			if (this.sinceRecord > MAX_RECORD_CHARS + READ_AHEAD) {
				this.tooLong = true;
				throw new IOException("record too long");
			}
		}

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

}
