package dev.homebudget.imports;

import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.webcohesion.ofx4j.domain.data.MessageSetType;
import com.webcohesion.ofx4j.domain.data.ResponseEnvelope;
import com.webcohesion.ofx4j.domain.data.banking.BankStatementResponse;
import com.webcohesion.ofx4j.domain.data.banking.BankStatementResponseTransaction;
import com.webcohesion.ofx4j.domain.data.banking.BankingResponseMessageSet;
import com.webcohesion.ofx4j.domain.data.common.StatementResponse;
import com.webcohesion.ofx4j.domain.data.common.Transaction;
import com.webcohesion.ofx4j.domain.data.creditcard.CreditCardResponseMessageSet;
import com.webcohesion.ofx4j.domain.data.creditcard.CreditCardStatementResponse;
import com.webcohesion.ofx4j.domain.data.creditcard.CreditCardStatementResponseTransaction;
import com.webcohesion.ofx4j.io.AggregateUnmarshaller;
import com.webcohesion.ofx4j.io.DefaultStringConversion;
import com.webcohesion.ofx4j.io.OFXParseException;

/**
 * Reads an OFX statement with OFX4J: OFX 1.x (SGML, the header's CHARSET naming a Windows
 * code page) and 2.x (XML), QFX being OFX with Intuit's extra tags (ignored). Every bank
 * and credit card statement in the file is read; each STMTTRN becomes a row: TRNAMT's
 * sign decides expense (negative) or income, FITID is the bank's id, NAME (else the
 * payee's name, else MEMO) the payee, MEMO the memo, the transaction's CURRENCY (else the
 * statement's CURDEF) its currency, ACCTID its account unless the upload names one.
 * DTPOSTED's date is taken as written, whatever its time and zone.
 */
final class OfxStatement {

	private static final Pattern CHARSET = Pattern.compile("(?im)^\\s*CHARSET:\\s*([A-Za-z0-9_\\-]+)");

	private static final Pattern ENCODING = Pattern.compile("(?im)^\\s*ENCODING:\\s*([A-Za-z0-9_\\-]+)");

	private static final Pattern XML_ENCODING = Pattern.compile("^\\s*<\\?xml[^>]*encoding=[\"']([A-Za-z0-9_\\-]+)");

	private static final Pattern DATE = Pattern.compile("^\\s*(\\d{8})");

	private OfxStatement() {
	}

	static CsvStatement.Parsed parse(byte[] bytes, String uploadAccount, StatementOptions options, int maxRows) {
		String text = StatementRows.text(bytes, charset(bytes, options), "OFX");
		if (text.contains("<!DOCTYPE") || text.contains("<!ENTITY")) {
			// OFX needs no document type; refusing one keeps external entities out of
			// reach
			throw CsvStatement.unreadable("The OFX file has a DOCTYPE or ENTITY declaration, which OFX files never "
					+ "need; it is not read");
		}
		ResponseEnvelope envelope;
		try {
			AggregateUnmarshaller<ResponseEnvelope> unmarshaller = new AggregateUnmarshaller<>(ResponseEnvelope.class);
			unmarshaller.setConversion(new DatesAsWritten());
			envelope = unmarshaller.unmarshal(new StringReader(text));
		}
		catch (OFXParseException | RuntimeException ex) {
			throw CsvStatement.unreadable("The file is not valid OFX" + reason(ex));
		}
		List<StatementResponse> statements = new ArrayList<>();
		if (envelope.getMessageSet(MessageSetType.banking) instanceof BankingResponseMessageSet banking
				&& banking.getStatementResponses() != null) {
			for (BankStatementResponseTransaction transaction : banking.getStatementResponses()) {
				if (transaction.getMessage() != null) {
					statements.add(transaction.getMessage());
				}
			}
		}
		if (envelope.getMessageSet(MessageSetType.creditcard) instanceof CreditCardResponseMessageSet cards
				&& cards.getStatementResponses() != null) {
			for (CreditCardStatementResponseTransaction transaction : cards.getStatementResponses()) {
				if (transaction.getMessage() != null) {
					statements.add(transaction.getMessage());
				}
			}
		}
		if (statements.isEmpty()) {
			throw CsvStatement.unreadable(
					"The OFX file holds no bank or credit card statement (investment " + "statements are not read)");
		}
		List<CsvStatement.ParsedRow> rows = new ArrayList<>();
		for (StatementResponse statement : statements) {
			String account = account(statement);
			if (statement.getTransactionList() == null || statement.getTransactionList().getTransactions() == null) {
				continue;
			}
			for (Transaction transaction : statement.getTransactionList().getTransactions()) {
				int line = rows.size() + 1;
				StatementRows.count(line, maxRows);
				String currency = (transaction.getCurrency() != null && transaction.getCurrency().getCode() != null)
						? transaction.getCurrency().getCode() : statement.getCurrencyCode();
				String payee = transaction.getName();
				String memo = transaction.getMemo();
				if (isBlank(payee) && transaction.getPayee() != null) {
					payee = transaction.getPayee().getName();
				}
				if (isBlank(payee)) {
					payee = memo;
					memo = null;
				}
				rows.add(StatementRows.row(line, new StatementRows.Fields(date(transaction.getDatePosted()),
						transaction.getBigDecimalAmount(), currency, payee, memo, null, account, transaction.getId()),
						uploadAccount, options));
			}
		}
		StatementRows.requireRows(rows, "OFX");
		return new CsvStatement.Parsed(List.of(), rows);
	}

	/**
	 * The charset of a file without a BOM that is not valid UTF-8: the OFX 1 header's
	 * CHARSET (a Windows code page number, or ISO-8859-1), the XML declaration's
	 * encoding, the mapping's encoding, else windows-1252 (OFX 1's usual one).
	 */
	private static Charset charset(byte[] bytes, StatementOptions options) {
		String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1);
		Matcher xml = XML_ENCODING.matcher(head);
		if (xml.find()) {
			return known(xml.group(1), options);
		}
		Matcher encoding = ENCODING.matcher(head);
		if (encoding.find() && encoding.group(1).equalsIgnoreCase("UTF-8")) {
			return StandardCharsets.UTF_8;
		}
		Matcher charset = CHARSET.matcher(head);
		if (charset.find()) {
			String name = charset.group(1);
			if (name.matches("\\d{3,4}")) {
				return known("windows-" + name, options);
			}
			if (!name.equalsIgnoreCase("NONE")) {
				return known(name, options);
			}
		}
		return (options.encoding() != null) ? options.encoding() : Charset.forName("windows-1252");
	}

	private static Charset known(String name, StatementOptions options) {
		try {
			return Charset.forName(name);
		}
		catch (IllegalArgumentException ex) {
			return (options.encoding() != null) ? options.encoding() : Charset.forName("windows-1252");
		}
	}

	private static String account(StatementResponse statement) {
		if (statement instanceof BankStatementResponse bank && bank.getAccount() != null) {
			return bank.getAccount().getAccountNumber();
		}
		if (statement instanceof CreditCardStatementResponse card && card.getAccount() != null) {
			return card.getAccount().getAccountNumber();
		}
		return null;
	}

	private static LocalDate date(Date posted) {
		return (posted != null) ? posted.toInstant().atZone(ZoneOffset.UTC).toLocalDate() : null;
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

	/** The parser's complaint when it is about the file, not about the program. */
	private static String reason(Exception ex) {
		String message = ex.getMessage();
		if (message == null || message.isBlank() || message.length() > 200 || message.contains("Exception")
				|| message.matches("(?s).*\\b(com|java|javax|org)\\.[a-z].*")) {
			return "";
		}
		return ": " + message.strip();
	}

	/**
	 * OFX dates ({@code 20260105}, {@code 20260105120000.000[-5:EST]}) as the date they
	 * name, at midnight UTC: the file's calendar date, whatever its time zone.
	 */
	private static final class DatesAsWritten extends DefaultStringConversion {

		private static final DateTimeFormatter DIGITS = DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT)
			.withResolverStyle(java.time.format.ResolverStyle.STRICT);

		@Override
		protected Date parseDate(String value) {
			Matcher digits = DATE.matcher((value != null) ? value : "");
			if (!digits.find()) {
				throw new IllegalArgumentException(
						"Date '" + StatementRows.shorten(String.valueOf(value)) + "' is not an OFX date (YYYYMMDD...)");
			}
			try {
				LocalDate date = LocalDate.parse(digits.group(1), DIGITS);
				return Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant());
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException(
						"Date '" + StatementRows.shorten(value) + "' is not an OFX date (YYYYMMDD...)");
			}
		}

	}

}
