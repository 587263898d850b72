package dev.homebudget.imports;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import dev.homebudget.ledger.Amounts;
import dev.homebudget.ledger.Currencies;
import dev.homebudget.web.ApiException;
import dev.homebudget.web.InvalidValue;
import dev.homebudget.web.StorableText;

import org.springframework.http.HttpStatus;

/**
 * What the OFX, QIF and CAMT.053 readers share: the text of the file, the row limit, and
 * turning one transaction's fields into a {@link CsvStatement.ParsedRow} by the same
 * rules as a CSV row (the sign decides expense or income, zero and out-of-range amounts
 * are error rows, an income's payee leads its notes).
 */
final class StatementRows {

	private StatementRows() {
	}

	/** One transaction as a statement states it. */
	record Fields(LocalDate date, BigDecimal signed, String currency, String payee, String memo, String category,
			String account, String bankId) {

	}

	/**
	 * The file's text: a BOM's encoding, else UTF-8 when valid, else {@code fallback}
	 * (the file's own declaration or the mapping's {@code encoding}).
	 * @param format the format's name for the message
	 */
	static String text(byte[] bytes, Charset fallback, String format) {
		Charset charset = (fallback != null) ? fallback : StandardCharsets.UTF_8;
		return StatementText.decode(bytes, charset)
			.map(StatementText.Decoded::text)
			.orElseThrow(
					() -> CsvStatement
						.unreadable("The " + format + " file is not valid UTF-8"
								+ (charset.equals(StandardCharsets.UTF_8)
										? "; name its encoding in the mapping's encoding "
												+ "(e.g. {\"encoding\":\"windows-1255\"})"
										: " nor " + charset.name())));
	}

	/** Refuses the n-th transaction beyond the limit (413, nothing staged). */
	static void count(int count, int maxRows) {
		if (count > maxRows) {
			throw new ApiException(HttpStatus.CONTENT_TOO_LARGE,
					"The file has more than " + maxRows + " transactions; split it into smaller files");
		}
	}

	/** The row of a transaction, or an error row saying why it cannot be an entry. */
	static CsvStatement.ParsedRow row(int line, Fields fields, String uploadAccount, StatementOptions options) {
		try {
			if (fields.date() == null) {
				return CsvStatement.ParsedRow.error(line, "The transaction has no date");
			}
			if (fields.signed() == null) {
				return CsvStatement.ParsedRow.error(line, "The transaction has no amount");
			}
			BigDecimal amount = fields.signed().abs();
			if (amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
				return CsvStatement.ParsedRow.error(line,
						"Amount " + fields.signed().toPlainString() + " has more than two decimals");
			}
			try {
				amount = Amounts.normalize(amount);
			}
			catch (InvalidValue ex) {
				return CsvStatement.ParsedRow.error(line,
						"Amount " + fields.signed().toPlainString() + " is out of range (below 100,000,000)");
			}
			if (amount.signum() == 0) {
				return CsvStatement.ParsedRow.error(line, "The amount is zero");
			}
			String kind = (fields.signed().signum() < 0) ? "expense" : "income";
			String currency = options.defaultCurrency();
			if (fields.currency() != null && !fields.currency().isBlank()) {
				currency = Currencies.code(fields.currency().strip()).orElse(null);
				if (currency == null) {
					return CsvStatement.ParsedRow.error(line,
							"Currency '" + shorten(fields.currency()) + "' is not one (an ISO code)");
				}
			}
			String payee = text(fields.payee(), "payee", 255);
			String memo = text(fields.memo(), "memo", 2000);
			String category = text(fields.category(), "category", 100);
			if (category == null) {
				category = options.defaultCategory();
			}
			String account = (uploadAccount != null) ? uploadAccount : text(fields.account(), "account", 100);
			if (account == null) {
				return CsvStatement.ParsedRow.error(line, "The file names no account and neither does the upload");
			}
			String bankId = text(fields.bankId(), "transaction id", 255);
			String business = payee;
			String notes = memo;
			if (kind.equals("income")) {
				// incomes have no business: the payer's name leads the notes
				business = null;
				notes = (payee == null) ? memo : (memo == null) ? payee : payee + " — " + memo;
			}
			return new CsvStatement.ParsedRow(line, null, kind, fields.date(), amount, currency, business, notes,
					category, account, bankId);
		}
		catch (BadField ex) {
			return CsvStatement.ParsedRow.error(line, ex.getMessage());
		}
	}

	/** Refuses a file without transactions. */
	static void requireRows(List<CsvStatement.ParsedRow> rows, String format) {
		if (rows.isEmpty()) {
			throw CsvStatement.unreadable("The " + format + " file has no transactions");
		}
	}

	private static final class BadField extends RuntimeException {

		private static final long serialVersionUID = 1L;

		BadField(String message) {
			super(message, null, false, false);
		}

	}

	/** A text field, stripped and with runs of spaces kept; null when empty. */
	private static String text(String value, String field, int maxLength) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		if (text.length() > maxLength) {
			throw new BadField("The " + field + " is longer than " + maxLength + " characters");
		}
		try {
			return StorableText.check(text);
		}
		catch (InvalidValue ex) {
			throw new BadField("The " + field + " holds characters that cannot be stored");
		}
	}

	static String shorten(String text) {
		return (text.length() > 40) ? text.substring(0, 40) + "…" : text;
	}

}
