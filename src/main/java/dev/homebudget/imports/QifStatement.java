package dev.homebudget.imports;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.homebudget.web.RequestValidationException;
import dev.homebudget.web.ValidationIssue;

/**
 * Reads a QIF (Quicken Interchange Format) file by hand: there is no maintained Java
 * library for it, and the format is a line per field ({@code D} date, {@code T} or
 * {@code U} amount, {@code P} payee, {@code M} memo, {@code L} category) with {@code ^}
 * ending each transaction. Bank, cash, credit card and other-asset/liability sections are
 * read; category, class and memorised lists are skipped; investment sections are refused.
 * Split lines ({@code S}, {@code E}, {@code $}) are ignored: the transaction's total is
 * one row with its main category. A {@code !Account} block's {@code N} names the account
 * of the transactions that follow (unless the upload names one).
 * <p>
 * QIF dates come as {@code MM/dd/yyyy}, {@code MM/dd'yy} (an apostrophe: 2000s),
 * {@code dd/MM/yyyy} or {@code yyyy-MM-dd}. The day-month order is the mapping's
 * {@code date_format}, else told from the file: a first part above 12 means day first, a
 * second above 12 month first; a file where neither shows (every date could be read both
 * ways) is refused, asking for {@code date_format}, rather than guessed.
 */
final class QifStatement {

	private static final Pattern DATE = Pattern
		.compile("^(\\d{1,2})\\s*[/.\\-]\\s*(\\d{1,2})\\s*(['/.\\-])\\s*(\\d{2}|\\d{4})$");

	private static final Pattern ISO_DATE = Pattern.compile("^(\\d{4})\\s*[-/.]\\s*(\\d{1,2})\\s*[-/.]\\s*(\\d{1,2})$");

	private static final Pattern AMOUNT = Pattern.compile("^[+-]?(\\d{1,3}(,\\d{3})*|\\d+)(\\.\\d+)?$");

	private static final Pattern AMOUNT_COMMA = Pattern.compile("^[+-]?(\\d{1,3}(\\.\\d{3})*|\\d+)(,\\d{1,2})?$");

	private QifStatement() {
	}

	/** A transaction as the file gives it, before its date is read. */
	private record Record(int fileLine, String date, String amount, String payee, String memo, String category,
			String account) {

	}

	static CsvStatement.Parsed parse(byte[] bytes, String uploadAccount, StatementOptions options, int maxRows) {
		String text = StatementRows.text(bytes, options.encoding(), "QIF");
		List<Record> records = new ArrayList<>();
		String section = null;
		String account = null;
		boolean accountBlock = false;
		String[] lines = text.split("\r\n|\r|\n", -1);
		int start = 0;
		String date = null;
		String amount = null;
		String payee = null;
		String memo = null;
		String category = null;
		boolean any = false;
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty()) {
				continue;
			}
			if (line.startsWith("!")) {
				String header = line.toLowerCase(Locale.ROOT);
				if (header.startsWith("!account")) {
					accountBlock = true;
				}
				else if (header.startsWith("!type:")) {
					accountBlock = false;
					section = header.substring("!type:".length()).strip();
					if (section.startsWith("invst")) {
						throw CsvStatement.unreadable("QIF investment accounts (!Type:Invst, line " + (i + 1)
								+ ") are not read; export the bank or card account instead");
					}
				}
				// !Option: and !Clear: switches change nothing here
				continue;
			}
			char code = line.charAt(0);
			String value = line.substring(1).strip();
			if (accountBlock) {
				if (code == 'N') {
					account = value;
				}
				else if (code == '^') {
					accountBlock = false;
				}
				continue;
			}
			if (!transactions(section)) {
				continue;
			}
			if (!any) {
				start = i + 1;
				any = true;
			}
			switch (code) {
				case 'D' -> date = value;
				case 'T' -> amount = value;
				case 'U' -> amount = (amount == null) ? value : amount;
				case 'P' -> payee = value;
				case 'M' -> memo = value;
				case 'L' -> category = value;
				case '^' -> {
					records.add(new Record(start, date, amount, payee, memo, category, account));
					StatementRows.count(records.size(), maxRows);
					date = null;
					amount = null;
					payee = null;
					memo = null;
					category = null;
					any = false;
				}
				default -> {
					// N number, C cleared, A address, S/E/$/% split lines: not kept
				}
			}
		}
		if (any && (date != null || amount != null)) {
			// the last transaction without its closing ^
			records.add(new Record(start, date, amount, payee, memo, category, account));
			StatementRows.count(records.size(), maxRows);
		}
		if (section == null && records.isEmpty()) {
			throw CsvStatement.unreadable("The QIF file has no !Type: section of transactions");
		}
		String order = order(records, options);
		List<CsvStatement.ParsedRow> rows = new ArrayList<>(records.size());
		for (Record record : records) {
			int line = rows.size() + 1;
			LocalDate day;
			try {
				day = date(record.date(), order);
			}
			catch (DateTimeException | IllegalArgumentException ex) {
				rows.add(CsvStatement.ParsedRow.error(line,
						"Date '" + StatementRows.shorten(String.valueOf(record.date())) + "' (file line "
								+ record.fileLine() + ") is not a date"));
				continue;
			}
			BigDecimal signed;
			try {
				signed = amount(record.amount());
			}
			catch (NumberFormatException ex) {
				rows.add(CsvStatement.ParsedRow.error(line,
						"Amount '" + StatementRows.shorten(String.valueOf(record.amount())) + "' (file line "
								+ record.fileLine() + ") is not a number"));
				continue;
			}
			rows.add(StatementRows.row(line, new StatementRows.Fields(day, signed, null, record.payee(), record.memo(),
					category(record.category()), record.account(), null), uploadAccount, options));
		}
		StatementRows.requireRows(rows, "QIF");
		return new CsvStatement.Parsed(List.of(), rows);
	}

	/** Sections whose records are transactions (Bank, Cash, CCard, Oth A, Oth L). */
	private static boolean transactions(String section) {
		return section != null && (section.startsWith("bank") || section.startsWith("cash")
				|| section.startsWith("ccard") || section.startsWith("oth"));
	}

	/**
	 * The day-month order: the mapping's, else the one the file's dates show. Refuses a
	 * file whose dates show both, or neither while some could be read both ways.
	 */
	private static String order(List<Record> records, StatementOptions options) {
		if (options.dateOrder() != null) {
			return options.dateOrder();
		}
		boolean dayFirst = false;
		boolean monthFirst = false;
		boolean ambiguous = false;
		for (Record record : records) {
			Matcher matcher = (record.date() != null) ? DATE.matcher(record.date().strip()) : null;
			if (matcher == null || !matcher.matches()) {
				continue;
			}
			int first = Integer.parseInt(matcher.group(1));
			int second = Integer.parseInt(matcher.group(2));
			dayFirst |= first > 12;
			monthFirst |= second > 12;
			ambiguous |= first != second && first <= 12 && second <= 12;
		}
		if (dayFirst && monthFirst) {
			throw dateFormat("The QIF file's dates mix day-first and month-first orders; name the order in the "
					+ "mapping's date_format (MM/dd/yyyy or dd/MM/yyyy)");
		}
		if (dayFirst) {
			return "DMY";
		}
		if (monthFirst || !ambiguous) {
			return "MDY";
		}
		throw dateFormat("The QIF file's dates could be month-first (MM/dd/yyyy) or day-first (dd/MM/yyyy) and "
				+ "none shows which; name it in the mapping, e.g. {\"date_format\":\"dd/MM/yyyy\"}");
	}

	private static RequestValidationException dateFormat(String message) {
		return new RequestValidationException(new ValidationIssue("value_error",
				List.of("body", "mapping", "date_format"), "Value error, " + message, null, null));
	}

	private static LocalDate date(String text, String order) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("no date");
		}
		String date = text.strip();
		Matcher iso = ISO_DATE.matcher(date);
		if (iso.matches()) {
			return LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
					Integer.parseInt(iso.group(3)));
		}
		Matcher matcher = DATE.matcher(date);
		if (!matcher.matches() || order.equals("YMD")) {
			throw new IllegalArgumentException("not a date");
		}
		int first = Integer.parseInt(matcher.group(1));
		int second = Integer.parseInt(matcher.group(2));
		int year = Integer.parseInt(matcher.group(4));
		if (matcher.group(4).length() == 2) {
			// Quicken writes an apostrophe before the year of the 2000s; otherwise pivot
			// at 70
			year += (matcher.group(3).equals("'") || year < 70) ? 2000 : 1900;
		}
		return order.equals("DMY") ? LocalDate.of(year, second, first) : LocalDate.of(year, first, second);
	}

	/**
	 * A QIF amount: {@code -1,234.56} (comma thousands), or {@code -1.234,56} (a decimal
	 * comma, as some European programs write).
	 */
	static BigDecimal amount(String text) {
		if (text == null || text.isBlank()) {
			throw new NumberFormatException("empty");
		}
		String amount = text.replace(" ", "").replace("\u00a0", "");
		if (AMOUNT.matcher(amount).matches()) {
			return new BigDecimal(amount.replace(",", ""));
		}
		if (AMOUNT_COMMA.matcher(amount).matches()) {
			return new BigDecimal(amount.replace(".", "").replace(',', '.'));
		}
		throw new NumberFormatException("not a number");
	}

	/**
	 * The category of an {@code L} line: without its {@code /class}; a transfer
	 * ({@code [Account]}) has none.
	 */
	private static String category(String text) {
		if (text == null) {
			return null;
		}
		String category = text;
		int slash = category.indexOf('/');
		if (slash >= 0) {
			category = category.substring(0, slash);
		}
		category = category.strip();
		if (category.startsWith("[") && category.endsWith("]")) {
			return null;
		}
		return category.isEmpty() ? null : category;
	}

}
