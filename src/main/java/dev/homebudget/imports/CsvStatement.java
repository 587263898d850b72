package dev.homebudget.imports;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.homebudget.ledger.Amounts;
import dev.homebudget.ledger.Currencies;
import dev.homebudget.web.ApiException;
import dev.homebudget.web.InvalidValue;
import dev.homebudget.web.RequestValidationException;
import dev.homebudget.web.StorableText;
import dev.homebudget.web.ValidationIssue;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.springframework.http.HttpStatus;

/**
 * Reads a CSV or TSV statement through a mapping (Commons CSV does the parsing): each
 * data row becomes a {@link ParsedRow}, either with its entry's fields or with the reason
 * it cannot be one. A file whose header lacks a mapped column is refused as a whole
 * (422); one with more than the row limit is refused with 413.
 */
final class CsvStatement {

	private CsvStatement() {
	}

	/**
	 * One data row of the file: its fields, or the error that stops it being an entry.
	 */
	record ParsedRow(int line, String error, String kind, LocalDate date, BigDecimal amount, String currency,
			String business, String notes, String category, String account, String bankId) {

		static ParsedRow error(int line, String reason) {
			return new ParsedRow(line, reason, null, null, null, null, null, null, null, null, null);
		}

		/** The payee text dedup compares: the business, or an income's notes. */
		String payeeText() {
			return "expense".equals(this.kind) ? this.business : this.notes;
		}

	}

	/** The header cells and the rows. */
	record Parsed(List<String> header, List<ParsedRow> rows) {

	}

	/**
	 * Parses the text.
	 * @param uploadAccount the upload's {@code account}, for a mapping without an account
	 * column
	 * @param maxRows the most data rows accepted (413 beyond)
	 */
	static Parsed parse(String text, ImportMapping mapping, String uploadAccount, int maxRows) {
		CSVFormat format = CSVFormat.DEFAULT.builder()
			.setDelimiter(mapping.delimiter())
			.setIgnoreEmptyLines(true)
			.setTrim(false)
			.get();
		List<ParsedRow> rows = new ArrayList<>();
		List<String> header = List.of();
		try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
			Iterator<CSVRecord> records = parser.iterator();
			Map<String, Integer> positions = new HashMap<>();
			if (mapping.header()) {
				if (!records.hasNext()) {
					throw unreadable("The file is empty: no header row");
				}
				CSVRecord first = records.next();
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < first.size(); i++) {
					String cell = first.get(i).strip();
					cells.add(cell);
					positions.putIfAbsent(cell.toLowerCase(Locale.ROOT), i);
				}
				header = List.copyOf(cells);
				List<ValidationIssue> issues = new ArrayList<>();
				mapping.columns().forEach((field, column) -> {
					if (column.name() != null && !positions.containsKey(column.name())) {
						issues.add(new ValidationIssue(
								"value_error", List.of("body", "mapping", field), "Value error, the file has no column "
										+ column + "; its header is: " + String.join(", ", cells),
								column.name(), null));
					}
				});
				if (!issues.isEmpty()) {
					throw new RequestValidationException(issues);
				}
			}
			Cells cells = new Cells(mapping, positions);
			int count = 0;
			while (records.hasNext()) {
				CSVRecord record;
				try {
					record = records.next();
				}
				catch (UncheckedIOException ex) {
					throw unreadable("The file is not valid " + (mapping.delimiter() == '\t' ? "TSV" : "CSV")
							+ " after row " + (count + (mapping.header() ? 1 : 0)) + " (an unclosed quote?)");
				}
				count++;
				if (count > maxRows) {
					throw new ApiException(HttpStatus.CONTENT_TOO_LARGE,
							"The file has more than " + maxRows + " rows; split it into smaller files");
				}
				int line = count + (mapping.header() ? 1 : 0);
				rows.add(row(line, record, cells, mapping, uploadAccount));
			}
		}
		catch (IOException ex) {
			throw unreadable("The file could not be read as CSV");
		}
		catch (IllegalStateException | UncheckedIOException ex) {
			throw unreadable(
					"The file is not valid " + (mapping.delimiter() == '\t' ? "TSV" : "CSV") + " (an unclosed quote?)");
		}
		return new Parsed(header, rows);
	}

	/**
	 * The cells of a header as profiles keep them: lower case, stripped, one separator.
	 */
	static String signature(List<String> header) {
		List<String> cells = new ArrayList<>();
		for (String cell : header) {
			cells.add(cell.strip().toLowerCase(Locale.ROOT));
		}
		return String.join("\u001f", cells);
	}

	/** The header cells of a signature. */
	static List<String> cells(String signature) {
		return signature.isEmpty() ? List.of() : List.of(signature.split("\u001f", -1));
	}

	/** The first row of a text read with a delimiter, or empty when it has none. */
	static List<String> firstRow(String text, char delimiter) {
		CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
		try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
			Iterator<CSVRecord> records = parser.iterator();
			if (!records.hasNext()) {
				return List.of();
			}
			return records.next().toList();
		}
		catch (IOException | IllegalStateException | UncheckedIOException ex) {
			return List.of();
		}
	}

	static RequestValidationException unreadable(String message) {
		return new RequestValidationException(
				new ValidationIssue("value_error", List.of("body", "file"), "Value error, " + message, null, null));
	}

	/** Finds a mapped column's cell in a record. */
	private record Cells(ImportMapping mapping, Map<String, Integer> positions) {

		/** The cell, stripped; null when the column is not mapped. */
		String get(CSVRecord record, ImportMapping.Column column) throws MissingCell {
			if (column == null) {
				return null;
			}
			int index = (column.name() != null) ? this.positions.get(column.name()) : column.position() - 1;
			if (index >= record.size()) {
				throw new MissingCell(column);
			}
			return record.get(index).strip();
		}

	}

	private static final class MissingCell extends Exception {

		private static final long serialVersionUID = 1L;

		MissingCell(ImportMapping.Column column) {
			super("The row has no " + column + " cell");
		}

	}

	private static ParsedRow row(int line, CSVRecord record, Cells cells, ImportMapping mapping, String uploadAccount) {
		try {
			String dateText = cells.get(record, mapping.date());
			LocalDate date;
			try {
				date = LocalDate.parse(dateText, mapping.dateFormatter());
			}
			catch (DateTimeParseException ex) {
				return ParsedRow.error(line, "Date '" + shorten(dateText) + "' does not match the format "
						+ mapping.dateFormat().replace("uuuu", "yyyy").replace("uu", "yy"));
			}
			BigDecimal signed;
			if (mapping.amount() != null) {
				String amountText = cells.get(record, mapping.amount());
				if (amountText.isEmpty()) {
					return ParsedRow.error(line, "The amount is empty");
				}
				signed = amount(amountText, mapping);
				if (mapping.positiveIsExpense()) {
					signed = signed.negate();
				}
			}
			else {
				String debit = cells.get(record, mapping.debit());
				String credit = cells.get(record, mapping.credit());
				if (!debit.isEmpty() && !credit.isEmpty()) {
					BigDecimal out = amount(debit, mapping);
					BigDecimal in = amount(credit, mapping);
					if (out.signum() != 0 && in.signum() != 0) {
						return ParsedRow.error(line, "Both debit and credit are filled");
					}
					signed = in.abs().subtract(out.abs());
				}
				else if (!debit.isEmpty()) {
					signed = amount(debit, mapping).abs().negate();
				}
				else if (!credit.isEmpty()) {
					signed = amount(credit, mapping).abs();
				}
				else {
					return ParsedRow.error(line, "Neither debit nor credit is filled");
				}
			}
			if (signed.signum() == 0) {
				return ParsedRow.error(line, "The amount is zero");
			}
			String kind = (signed.signum() < 0) ? "expense" : "income";
			String currencyText = cells.get(record, mapping.currency());
			String currency = mapping.defaultCurrency();
			if (currencyText != null && !currencyText.isEmpty()) {
				currency = Currencies.code(currencyText).orElse(null);
				if (currency == null) {
					return ParsedRow.error(line, "Currency '" + shorten(currencyText) + "' is not one (an ISO code)");
				}
			}
			String payee = text(cells.get(record, mapping.payee()), "payee", 255);
			String memo = text(cells.get(record, mapping.memo()), "memo", 2000);
			String category = text(cells.get(record, mapping.category()), "category", 100);
			if (category == null) {
				category = mapping.defaultCategory();
			}
			String account = text(cells.get(record, mapping.account()), "account", 100);
			if (account == null) {
				account = uploadAccount;
			}
			if (account == null) {
				return ParsedRow.error(line, "The account cell is empty and the upload names no account");
			}
			String bankId = text(cells.get(record, mapping.id()), "id", 255);
			String business = payee;
			String notes = memo;
			if (kind.equals("income")) {
				// incomes have no business: the payer's name leads the notes
				business = null;
				notes = (payee == null) ? memo : (memo == null) ? payee : payee + " — " + memo;
			}
			return new ParsedRow(line, null, kind, date, signed.abs(), currency, business, notes, category, account,
					bankId);
		}
		catch (MissingCell ex) {
			return ParsedRow.error(line, ex.getMessage());
		}
		catch (BadCell ex) {
			return ParsedRow.error(line, ex.getMessage());
		}
	}

	private static final class BadCell extends RuntimeException {

		private static final long serialVersionUID = 1L;

		BadCell(String message) {
			super(message, null, false, false);
		}

	}

	/** A text cell, null when empty. */
	private static String text(String cell, String field, int maxLength) {
		if (cell == null || cell.isEmpty()) {
			return null;
		}
		if (cell.length() > maxLength) {
			throw new BadCell("The " + field + " is longer than " + maxLength + " characters");
		}
		try {
			return StorableText.check(cell);
		}
		catch (InvalidValue ex) {
			throw new BadCell("The " + field + " holds characters that cannot be stored");
		}
	}

	/**
	 * A bank's amount: thousands separators and spaces removed, a decimal comma read,
	 * {@code (12.50)} and {@code 12.50-} negative, a leading currency sign ignored.
	 */
	static BigDecimal amount(String cell, ImportMapping mapping) {
		String text = cell.replace("\u00a0", "").replace("\u202f", "").strip();
		boolean negative = false;
		if (text.startsWith("(") && text.endsWith(")")) {
			negative = true;
			text = text.substring(1, text.length() - 1).strip();
		}
		if (text.endsWith("-")) {
			negative = !negative;
			text = text.substring(0, text.length() - 1).strip();
		}
		// a currency sign or code before or after the number
		text = text.replaceAll("^[^\\d+\\-.,]+|[^\\d.,]+$", "").strip();
		if (text.startsWith("-")) {
			negative = !negative;
			text = text.substring(1);
		}
		else if (text.startsWith("+")) {
			text = text.substring(1);
		}
		if (!mapping.thousands().isEmpty()) {
			text = text.replace(mapping.thousands(), "");
		}
		text = text.replace(" ", "");
		if (mapping.decimalComma()) {
			if (text.contains(".")) {
				throw new BadCell(
						"Amount '" + shorten(cell) + "' has a '.' but the mapping's decimal separator is ','");
			}
			text = text.replace(',', '.');
		}
		else if (text.contains(",")) {
			throw new BadCell("Amount '" + shorten(cell) + "' has a ',' (set decimal ',' or thousands ',')");
		}
		if (!text.matches("\\d+(\\.\\d+)?|\\.\\d+")) {
			throw new BadCell("Amount '" + shorten(cell) + "' is not a number");
		}
		BigDecimal value = new BigDecimal(text);
		if (value.scale() > 2 && value.stripTrailingZeros().scale() > 2) {
			throw new BadCell("Amount '" + shorten(cell) + "' has more than two decimals");
		}
		try {
			value = Amounts.normalize(value);
		}
		catch (InvalidValue ex) {
			throw new BadCell("Amount '" + shorten(cell) + "' is out of range (below 100,000,000)");
		}
		return negative ? value.negate() : value;
	}

	private static String shorten(String text) {
		return (text.length() > 40) ? text.substring(0, 40) + "…" : text;
	}

}
