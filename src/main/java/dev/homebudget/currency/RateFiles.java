package dev.homebudget.currency;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.homebudget.ledger.Currencies;
import dev.homebudget.ledger.EntryDates;
import dev.homebudget.web.InvalidValue;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a file of exchange rates in one of two layouts, told apart by its header:
 * <ul>
 * <li>the European Central Bank's {@code eurofxref-hist.csv}: {@code Date,USD,JPY,...},
 * one row per day, each cell one euro in that currency ({@code N/A} or empty where there
 * is none);</li>
 * <li>a plain {@code date,currency,rate[,quote]}: one unit of {@code currency} in
 * {@code quote} (the household's base currency when there is no such column).</li>
 * </ul>
 * Rows that cannot be read are listed with their line and reason; the readable ones are
 * kept.
 */
final class RateFiles {

	/** Rates one file may hold (the ECB's full history is about 270,000). */
	static final int MAX_RATES = 1_000_000;

	/** Refused rows listed in an answer; the rest are only counted. */
	static final int MAX_LISTED = 100;

	private RateFiles() {
	}

	record Rejected(long line, String reason) {

	}

	record Read(List<ExchangeRates.NewRate> rates, List<Rejected> rejected, long rejectedCount) {

	}

	static Read read(Reader reader, String base) throws IOException, InvalidValue {
		CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
		List<ExchangeRates.NewRate> rates = new ArrayList<>();
		List<Rejected> rejected = new ArrayList<>();
		long[] rejectedCount = { 0 };
		try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
			var records = parser.iterator();
			if (!records.hasNext()) {
				throw new InvalidValue("value_error", "Value error, the file is empty");
			}
			List<String> header = records.next().toList().stream().map((cell) -> cell.strip()).toList();
			Map<String, Integer> plain = plainColumns(header);
			boolean ecb = !header.isEmpty() && header.get(0).equalsIgnoreCase("date") && plain == null;
			if (!ecb && plain == null) {
				throw new InvalidValue("value_error",
						"Value error, the header names neither the ECB layout (Date,USD,JPY,...) nor date,currency,rate[,quote]");
			}
			while (records.hasNext()) {
				CSVRecord record = records.next();
				long line = parser.getCurrentLineNumber();
				try {
					if (ecb) {
						readEcbRow(header, record, rates);
					}
					else {
						rates.add(readPlainRow(plain, record, base));
					}
				}
				catch (InvalidValue ex) {
					rejectedCount[0]++;
					if (rejected.size() < MAX_LISTED) {
						rejected.add(new Rejected(line, ex.getMessage()));
					}
				}
				if (rates.size() > MAX_RATES) {
					throw new InvalidValue("value_error",
							"Value error, a file may hold at most " + MAX_RATES + " rates; split it");
				}
			}
		}
		catch (java.io.UncheckedIOException ex) {
			// Commons CSV reports a malformed quote this way; say it without its class
			// names
			throw new InvalidValue("value_error", "Value error, the file is not valid CSV (a quote is not closed)");
		}
		return new Read(rates, rejected, rejectedCount[0]);
	}

	/** Column positions of the plain layout, or null when the header is not it. */
	private static Map<String, Integer> plainColumns(List<String> header) {
		Map<String, Integer> columns = new TreeMap<>();
		for (int i = 0; i < header.size(); i++) {
			columns.put(header.get(i).toLowerCase(Locale.ROOT), i);
		}
		return columns.containsKey("date") && columns.containsKey("currency") && columns.containsKey("rate") ? columns
				: null;
	}

	/**
	 * One day of the ECB layout: all of its rates, or none when a cell cannot be read (a
	 * rejected row keeps nothing of itself).
	 */
	private static void readEcbRow(List<String> header, CSVRecord record, List<ExchangeRates.NewRate> rates)
			throws InvalidValue {
		LocalDate day = EntryDates.parse(record.get(0).strip());
		List<ExchangeRates.NewRate> row = new ArrayList<>();
		for (int i = 1; i < Math.min(header.size(), record.size()); i++) {
			String code = header.get(i);
			String cell = record.get(i).strip();
			if (code.isEmpty() || cell.isEmpty() || cell.equalsIgnoreCase("N/A") || code.equals("EUR")) {
				continue;
			}
			if (!Currencies.isCode(code)) {
				throw new InvalidValue("value_error", "Value error, column '" + code + "' is not a currency code");
			}
			try {
				row.add(new ExchangeRates.NewRate(day, "EUR", code, rate(cell)));
			}
			catch (InvalidValue ex) {
				throw new InvalidValue("value_error",
						"Value error, column " + code + ": " + ex.getMessage().replaceFirst("^Value error, ", ""));
			}
		}
		rates.addAll(row);
	}

	private static ExchangeRates.NewRate readPlainRow(Map<String, Integer> columns, CSVRecord record, String base)
			throws InvalidValue {
		LocalDate day = EntryDates.parse(cell(record, columns.get("date")));
		String currency = code(cell(record, columns.get("currency")));
		String quote = columns.containsKey("quote") ? code(cell(record, columns.get("quote"))) : base;
		if (currency.equals(quote)) {
			throw new InvalidValue("value_error", "Value error, a rate is between two different currencies");
		}
		return new ExchangeRates.NewRate(day, currency, quote, rate(cell(record, columns.get("rate"))));
	}

	private static String cell(CSVRecord record, int index) throws InvalidValue {
		if (index >= record.size()) {
			throw new InvalidValue("value_error", "Value error, the row has too few columns");
		}
		return record.get(index).strip();
	}

	static String code(String text) throws InvalidValue {
		return Currencies.code(text)
			.orElseThrow(() -> new InvalidValue("value_error", "Value error, '" + text + "' is not a currency code"));
	}

	/** A positive decimal of at most 12 digits before and 12 after the point. */
	static BigDecimal rate(String text) throws InvalidValue {
		if (text.length() > 40 || !text.matches("[0-9]{1,12}(\\.[0-9]{1,12})?")) {
			throw new InvalidValue("value_error", "Value error, a rate is a positive decimal number such as 3.6512");
		}
		BigDecimal rate = new BigDecimal(text);
		if (rate.signum() <= 0) {
			throw new InvalidValue("value_error", "Value error, a rate is greater than 0");
		}
		return rate;
	}

}
