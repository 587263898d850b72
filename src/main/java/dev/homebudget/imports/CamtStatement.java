package dev.homebudget.imports;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an ISO 20022 bank-to-customer statement (camt.053), account report (camt.052) or
 * debit/credit notification (camt.054), any version (elements are found by their local
 * names; the three carry the same {@code Acct} and {@code Ntry} in {@code Stmt},
 * {@code Rpt} and {@code Ntfctn}) with the JDK's StAX reader, DTDs and external entities
 * switched off: a document type declaration is refused, so no entity can reach a file or
 * the network. Prowide's ISO 20022 library was not used: it brings the model of every ISO
 * 20022 message (tens of megabytes) for the few fields needed here.
 * <p>
 * Each {@code Ntry} is a row: {@code CdtDbtInd} DBIT an expense, CRDT an income;
 * {@code Amt@Ccy} its currency; the booking date (else the value date); the
 * counterparty's name ({@code RltdPties/Cdtr} for a debit, {@code Dbtr} for a credit) as
 * payee and the unstructured remittance information ({@code RmtInf/Ustrd}) as memo. The
 * bank's id is the first of {@code NtryRef}, {@code AcctSvcrRef}, the transaction's
 * {@code AcctSvcrRef} and {@code EndToEndId} ({@code NOTPROVIDED} is not an id). A batch
 * entry whose {@code TxDtls} each carry an amount, together the entry's, becomes one row
 * per transaction, identified by its own {@code AcctSvcrRef}, else the entry's id and
 * {@code /n} (its place in the batch), else its {@code EndToEndId}; any other batch is
 * one row. An entry that is not booked ({@code Sts} PDNG or INFO) is an error row.
 */
final class CamtStatement {

	private static final Pattern XML_ENCODING = Pattern.compile("^\\s*<\\?xml[^>]*encoding=[\"']([A-Za-z0-9_\\-]+)");

	private static final String NOT_PROVIDED = "NOTPROVIDED";

	private CamtStatement() {
	}

	/**
	 * An element read into memory: one account or one entry at a time, never the file.
	 */
	private record Node(String name, Map<String, String> attributes, StringBuilder text, List<Node> children) {

		Node child(String name) {
			for (Node child : this.children) {
				if (child.name.equals(name)) {
					return child;
				}
			}
			return null;
		}

		List<Node> all(String name) {
			List<Node> found = new ArrayList<>();
			for (Node child : this.children) {
				if (child.name.equals(name)) {
					found.add(child);
				}
			}
			return found;
		}

		/** The text at a path of child names, stripped; null when absent or empty. */
		String at(String... path) {
			Node node = this;
			for (String step : path) {
				node = node.child(step);
				if (node == null) {
					return null;
				}
			}
			String value = node.text.toString().strip();
			return value.isEmpty() ? null : value;
		}

		Node node(String... path) {
			Node node = this;
			for (String step : path) {
				node = node.child(step);
				if (node == null) {
					return null;
				}
			}
			return node;
		}

	}

	static XMLInputFactory factory() {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
		factory.setProperty(XMLInputFactory.IS_COALESCING, true);
		return factory;
	}

	static CsvStatement.Parsed parse(byte[] bytes, StatementFormat format, String uploadAccount,
			StatementOptions options, int maxRows) {
		String label = format.label();
		String text = StatementRows.text(bytes, charset(bytes, options), label);
		List<CsvStatement.ParsedRow> rows = new ArrayList<>();
		XMLStreamReader reader = null;
		try {
			reader = factory().createXMLStreamReader(new StringReader(text));
			String account = null;
			String accountCurrency = null;
			boolean statement = false;
			while (reader.hasNext()) {
				int event = reader.next();
				if (event == XMLStreamConstants.DTD) {
					throw CsvStatement.unreadable("The " + label
							+ " file has a DOCTYPE declaration, which ISO 20022 files " + "never need; it is not read");
				}
				if (event == XMLStreamConstants.ENTITY_REFERENCE) {
					throw CsvStatement
						.unreadable("The " + label + " file refers to an entity (&" + reader.getLocalName()
								+ ";) at line " + reader.getLocation().getLineNumber() + "; it is not read");
				}
				if (event != XMLStreamConstants.START_ELEMENT) {
					continue;
				}
				switch (reader.getLocalName()) {
					// a statement, a report or a notification: the same accounts and
					// entries
					case "Stmt", "Rpt", "Ntfctn" -> {
						statement = true;
						account = null;
						accountCurrency = null;
					}
					case "Acct" -> {
						Node acct = read(reader);
						account = (acct.at("Id", "IBAN") != null) ? acct.at("Id", "IBAN") : acct.at("Id", "Othr", "Id");
						accountCurrency = acct.at("Ccy");
					}
					case "Ntry" -> {
						Node entry = read(reader);
						entry(entry, account, accountCurrency, uploadAccount, options, rows, maxRows);
					}
					default -> {
						// balances, group header and summaries are not entries
					}
				}
			}
			if (!statement) {
				throw CsvStatement
					.unreadable("The " + label + " file has no statement, report or notification (Stmt, Rpt, Ntfctn)");
			}
		}
		catch (XMLStreamException ex) {
			int line = (ex.getLocation() != null) ? ex.getLocation().getLineNumber() : -1;
			throw CsvStatement.unreadable(
					"The " + label + " file is not well-formed XML" + ((line > 0) ? " (line " + line + ")" : ""));
		}
		finally {
			if (reader != null) {
				try {
					reader.close();
				}
				catch (XMLStreamException ex) {
					// nothing held open: the text is in memory
				}
			}
		}
		StatementRows.requireRows(rows, label);
		return new CsvStatement.Parsed(List.of(), rows);
	}

	/** Reads the current element (at its start) and everything in it. */
	private static Node read(XMLStreamReader reader) throws XMLStreamException {
		Node node = element(reader);
		List<Node> open = new ArrayList<>();
		open.add(node);
		while (!open.isEmpty()) {
			int event = reader.next();
			Node current = open.get(open.size() - 1);
			switch (event) {
				case XMLStreamConstants.START_ELEMENT -> {
					Node child = element(reader);
					current.children().add(child);
					open.add(child);
				}
				case XMLStreamConstants.END_ELEMENT -> open.remove(open.size() - 1);
				case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> current.text().append(reader.getText());
				case XMLStreamConstants.ENTITY_REFERENCE ->
					throw CsvStatement.unreadable("The ISO 20022 file refers to an entity (&" + reader.getLocalName()
							+ ";) at line " + reader.getLocation().getLineNumber() + "; it is not read");
				case XMLStreamConstants.END_DOCUMENT ->
					throw new XMLStreamException("unexpected end", reader.getLocation());
				default -> {
					// comments and processing instructions
				}
			}
		}
		return node;
	}

	private static Node element(XMLStreamReader reader) {
		Map<String, String> attributes = new HashMap<>();
		for (int i = 0; i < reader.getAttributeCount(); i++) {
			attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
		}
		return new Node(reader.getLocalName(), attributes, new StringBuilder(), new ArrayList<>());
	}

	private static void entry(Node entry, String account, String accountCurrency, String uploadAccount,
			StatementOptions options, List<CsvStatement.ParsedRow> rows, int maxRows) {
		String status = (entry.at("Sts", "Cd") != null) ? entry.at("Sts", "Cd") : entry.at("Sts");
		LocalDate date;
		try {
			date = date(entry);
		}
		catch (DateTimeParseException ex) {
			date = null;
		}
		boolean debit = "DBIT".equals(entry.at("CdtDbtInd"));
		Node amountNode = entry.child("Amt");
		String currency = (amountNode != null && amountNode.attributes().get("Ccy") != null)
				? amountNode.attributes().get("Ccy") : accountCurrency;
		BigDecimal amount = number(entry.at("Amt"));
		List<Node> transactions = new ArrayList<>();
		for (Node details : entry.all("NtryDtls")) {
			transactions.addAll(details.all("TxDtls"));
		}
		String entryId = first(entry.at("NtryRef"), entry.at("AcctSvcrRef"));
		if (status != null && !status.equals("BOOK")) {
			int line = rows.size() + 1;
			StatementRows.count(line, maxRows);
			rows.add(CsvStatement.ParsedRow.error(line, "The entry is not booked (status " + status
					+ ((entryId != null) ? ", reference " + entryId : "") + ")"));
			return;
		}
		if (transactions.size() > 1 && splits(transactions, amount, debit)) {
			for (int n = 0; n < transactions.size(); n++) {
				Node transaction = transactions.get(n);
				boolean txDebit = (transaction.at("CdtDbtInd") != null) ? "DBIT".equals(transaction.at("CdtDbtInd"))
						: debit;
				String id = first(transaction.at("Refs", "AcctSvcrRef"),
						(entryId != null) ? entryId + "/" + (n + 1) : null,
						provided(transaction.at("Refs", "EndToEndId")));
				Node txAmount = amountNode(transaction);
				String txCurrency = (txAmount.attributes().get("Ccy") != null) ? txAmount.attributes().get("Ccy")
						: currency;
				add(rows, maxRows, date, signed(number(txAmount.text().toString().strip()), txDebit), txCurrency,
						payee(transaction, txDebit), memo(transaction, entry), account, id, uploadAccount, options);
			}
			return;
		}
		Node single = (transactions.size() == 1) ? transactions.get(0) : null;
		String id = (single != null)
				? first(entryId, single.at("Refs", "AcctSvcrRef"), provided(single.at("Refs", "EndToEndId"))) : entryId;
		String payee = (single != null) ? payee(single, debit) : null;
		String memo = (single != null) ? memo(single, entry) : entry.at("AddtlNtryInf");
		if (single == null && transactions.size() > 1 && memo == null) {
			memo = "A batch of " + transactions.size() + " transactions";
		}
		add(rows, maxRows, date, signed(amount, debit), currency, payee, memo, account, id, uploadAccount, options);
	}

	private static void add(List<CsvStatement.ParsedRow> rows, int maxRows, LocalDate date, BigDecimal signed,
			String currency, String payee, String memo, String account, String id, String uploadAccount,
			StatementOptions options) {
		int line = rows.size() + 1;
		StatementRows.count(line, maxRows);
		rows.add(StatementRows.row(line,
				new StatementRows.Fields(date, signed, currency, payee, memo, null, account, id), uploadAccount,
				options));
	}

	/**
	 * Whether every transaction of a batch has an amount and they add up to the entry's.
	 */
	private static boolean splits(List<Node> transactions, BigDecimal amount, boolean debit) {
		if (amount == null) {
			return false;
		}
		BigDecimal total = BigDecimal.ZERO;
		for (Node transaction : transactions) {
			Node txAmount = amountNode(transaction);
			BigDecimal value = (txAmount != null) ? number(txAmount.text().toString().strip()) : null;
			if (value == null) {
				return false;
			}
			boolean txDebit = (transaction.at("CdtDbtInd") != null) ? "DBIT".equals(transaction.at("CdtDbtInd"))
					: debit;
			total = total.add(signed(value, txDebit));
		}
		return total.compareTo(signed(amount, debit)) == 0;
	}

	/**
	 * A transaction's amount: {@code Amt} (newer versions) or {@code AmtDtls/TxAmt/Amt}.
	 */
	private static Node amountNode(Node transaction) {
		Node amount = transaction.child("Amt");
		return (amount != null) ? amount : transaction.node("AmtDtls", "TxAmt", "Amt");
	}

	/** The counterparty: the creditor of a debit, the debtor of a credit. */
	private static String payee(Node transaction, boolean debit) {
		Node party = transaction.node("RltdPties", debit ? "Cdtr" : "Dbtr");
		if (party == null) {
			return null;
		}
		return first(party.at("Nm"), party.at("Pty", "Nm"));
	}

	private static String memo(Node transaction, Node entry) {
		Node remittance = transaction.child("RmtInf");
		if (remittance != null) {
			List<String> lines = new ArrayList<>();
			for (Node line : remittance.all("Ustrd")) {
				String text = line.text().toString().strip();
				if (!text.isEmpty()) {
					lines.add(text);
				}
			}
			if (!lines.isEmpty()) {
				return String.join(" ", lines);
			}
		}
		return first(transaction.at("AddtlTxInf"), entry.at("AddtlNtryInf"));
	}

	private static LocalDate date(Node entry) {
		String text = first(entry.at("BookgDt", "Dt"), entry.at("BookgDt", "DtTm"), entry.at("ValDt", "Dt"),
				entry.at("ValDt", "DtTm"));
		return (text != null) ? LocalDate.parse(text.substring(0, Math.min(10, text.length()))) : null;
	}

	private static BigDecimal number(String text) {
		if (text == null || !text.matches("\\d{1,18}(\\.\\d{1,5})?")) {
			return null;
		}
		return new BigDecimal(text);
	}

	private static BigDecimal signed(BigDecimal amount, boolean debit) {
		return (amount == null) ? null : debit ? amount.negate() : amount;
	}

	private static String provided(String reference) {
		return (reference == null || reference.equalsIgnoreCase(NOT_PROVIDED)) ? null : reference;
	}

	private static String first(String... values) {
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				return value;
			}
		}
		return null;
	}

	/** The declared encoding of the XML, used when the bytes are not UTF-8. */
	private static Charset charset(byte[] bytes, StatementOptions options) {
		String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1);
		Matcher declared = XML_ENCODING.matcher(head);
		if (declared.find()) {
			try {
				return Charset.forName(declared.group(1));
			}
			catch (IllegalArgumentException ex) {
				// an unknown name: the mapping's encoding, or UTF-8
			}
		}
		return options.encoding();
	}

}
