package dev.homebudget.imports;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The kind of statement an upload is, told from its content (never only its name): OFX
 * 1.x (SGML) and 2.x (XML), QFX (OFX with Intuit's extra tags, read as OFX), QIF, ISO
 * 20022 CAMT.053 (and its siblings camt.052 and camt.054, whose entries have the same
 * layout), or else CSV/TSV read through a mapping. Files that are plainly not a statement
 * (binary, PDF, zip, XML of another kind) are refused.
 */
enum StatementFormat {

	/** CSV or TSV (the mapping's delimiter decides which is stored). */
	CSV("csv"),
	/** OFX 1.x SGML, OFX 2.x XML and QFX. */
	OFX("ofx"),
	/** Quicken Interchange Format. */
	QIF("qif"),
	/** ISO 20022 bank-to-customer statement (camt.053). */
	CAMT053("camt053"),
	/** ISO 20022 bank-to-customer account report (camt.052, often intraday). */
	CAMT052("camt052"),
	/** ISO 20022 bank-to-customer debit/credit notification (camt.054). */
	CAMT054("camt054");

	/** How much of the file's start is looked at. */
	private static final int SNIFF = 8192;

	private static final Pattern QIF_START = Pattern.compile("^!(type:|account|option:|clear:)",
			Pattern.CASE_INSENSITIVE);

	private final String code;

	StatementFormat(String code) {
		this.code = code;
	}

	/** The name stored with a batch and answered as its {@code format}. */
	String code() {
		return this.code;
	}

	/** The name a person knows the format by, for messages ("CAMT.053"). */
	String label() {
		return switch (this) {
			case CSV -> "CSV";
			case OFX -> "OFX";
			case QIF -> "QIF";
			case CAMT053 -> "CAMT.053";
			case CAMT052 -> "CAMT.052";
			case CAMT054 -> "CAMT.054";
		};
	}

	/** Whether the file describes its own columns (no mapping or profile needed). */
	boolean selfDescribing() {
		return this != CSV;
	}

	/**
	 * Tells the format from the file's first bytes.
	 * @throws dev.homebudget.web.RequestValidationException (422 on {@code file}) for a
	 * file that is not a statement
	 */
	static StatementFormat detect(byte[] bytes) {
		String start = sniff(bytes);
		if (start.indexOf('\0') >= 0 || start.startsWith("%PDF") || start.startsWith("PK\u0003\u0004")
				|| start.startsWith("\u00d0\u00cf\u0011\u00e0")) {
			throw CsvStatement.unreadable(
					"This is not a statement file (a binary file, PDF, spreadsheet or archive?); upload CSV, TSV, "
							+ "OFX, QFX, QIF or CAMT.053/052/054");
		}
		String head = start.strip();
		String upper = head.toUpperCase(Locale.ROOT);
		if (upper.startsWith("OFXHEADER:") || upper.startsWith("<OFX>")) {
			return OFX;
		}
		if (QIF_START.matcher(head).find()) {
			return QIF;
		}
		if (head.startsWith("<")) {
			if (upper.contains("<?OFX") || upper.contains("<OFX>") || upper.contains("<OFX ")) {
				return OFX;
			}
			if (head.contains("camt.053") || head.contains("BkToCstmrStmt>")) {
				return CAMT053;
			}
			if (head.contains("camt.052") || head.contains("BkToCstmrAcctRpt>")) {
				return CAMT052;
			}
			if (head.contains("camt.054") || head.contains("BkToCstmrDbtCdtNtfctn>")) {
				return CAMT054;
			}
			if (head.contains("urn:iso:std:iso:20022")) {
				throw CsvStatement.unreadable("This ISO 20022 file is not a bank statement, account report or "
						+ "debit/credit notification (camt.053, camt.052, camt.054); payment files are not read");
			}
			if (head.startsWith("<?xml") || head.startsWith("<!") || upper.startsWith("<HTML")) {
				throw CsvStatement
					.unreadable("This XML or HTML file is neither an OFX nor an ISO 20022 (camt) statement");
			}
		}
		return CSV;
	}

	/**
	 * The first bytes as text, enough to find the markers (all ASCII): UTF-16 by its byte
	 * order mark, else one byte per character.
	 */
	private static String sniff(byte[] bytes) {
		int length = Math.min(bytes.length, SNIFF);
		if (length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
			return new String(bytes, 2, length - 2, StandardCharsets.UTF_16LE);
		}
		if (length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
			return new String(bytes, 2, length - 2, StandardCharsets.UTF_16BE);
		}
		int offset = (length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
				&& (bytes[2] & 0xFF) == 0xBF) ? 3 : 0;
		return new String(bytes, offset, length - offset, StandardCharsets.ISO_8859_1);
	}

}
