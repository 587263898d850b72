package dev.homebudget.imports;

import java.nio.charset.Charset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.homebudget.ledger.Currencies;
import dev.homebudget.web.ValidationIssue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * How a bank's CSV or TSV file maps onto entries. A column is named by its header cell
 * (any case) or, in a file without a header row, by its 1-based position. Read from JSON
 * (an upload's {@code mapping} field, a saved profile) by {@link #read}, which answers
 * every bad field at once; {@link #toJson} writes it back.
 *
 * @param date the date column (required)
 * @param dateFormat a {@link DateTimeFormatter} pattern such as {@code dd/MM/yyyy}
 * @param amount the signed amount column, or null when debit and credit are used
 * @param debit the column of money going out (with {@code credit}, instead of amount)
 * @param credit the column of money coming in
 * @param positiveIsExpense the sign convention of {@code amount}: false (default) when a
 * negative amount is an expense
 * @param decimalComma whether {@code ,} is the decimal separator
 * @param thousands the thousands separator ({@code ""}, {@code ,}, {@code .}, {@code ' '}
 * or {@code '}), removed before reading
 * @param payee the payee (business) column
 * @param memo the memo column, kept as the entry's notes
 * @param category the category column
 * @param defaultCategory the category of rows without one
 * @param account the account column; the upload's {@code account} is used when absent
 * @param currency the currency column
 * @param defaultCurrency the currency of rows without one (an ISO code)
 * @param id the column of the bank's own transaction id
 * @param delimiter the field delimiter: {@code ,}, {@code ;} or a tab
 * @param header whether the first row names the columns
 * @param encoding the charset of a file that has no BOM and is not valid UTF-8
 */
record ImportMapping(Column date, String dateFormat, Column amount, Column debit, Column credit,
		boolean positiveIsExpense, boolean decimalComma, String thousands, Column payee, Column memo, Column category,
		String defaultCategory, Column account, Column currency, String defaultCurrency, Column id, char delimiter,
		boolean header, Charset encoding) {

	static final String DEFAULT_CATEGORY = "Uncategorized";

	private static final List<String> FIELDS = List.of("date", "date_format", "amount", "debit", "credit", "sign",
			"decimal", "thousands", "payee", "memo", "category", "default_category", "account", "currency",
			"default_currency", "id", "delimiter", "header", "encoding");

	/** A column: its header name (lower case) or its 1-based position. */
	record Column(String name, int position) {

		static Column of(JsonNode node) {
			if (node.isIntegralNumber() && node.canConvertToInt() && node.intValue() >= 1) {
				return new Column(null, node.intValue());
			}
			if (node.isString() && !node.stringValue().isBlank() && node.stringValue().length() <= 200) {
				return new Column(node.stringValue().strip().toLowerCase(java.util.Locale.ROOT), 0);
			}
			return null;
		}

		Object json() {
			return (this.name != null) ? this.name : this.position;
		}

		@Override
		public String toString() {
			return (this.name != null) ? "'" + this.name + "'" : "column " + this.position;
		}

	}

	DateTimeFormatter dateFormatter() {
		return DateTimeFormatter.ofPattern(this.dateFormat).withResolverStyle(ResolverStyle.STRICT);
	}

	/** Every column the mapping names, by field. */
	Map<String, Column> columns() {
		Map<String, Column> columns = new LinkedHashMap<>();
		put(columns, "date", this.date);
		put(columns, "amount", this.amount);
		put(columns, "debit", this.debit);
		put(columns, "credit", this.credit);
		put(columns, "payee", this.payee);
		put(columns, "memo", this.memo);
		put(columns, "category", this.category);
		put(columns, "account", this.account);
		put(columns, "currency", this.currency);
		put(columns, "id", this.id);
		return columns;
	}

	private static void put(Map<String, Column> columns, String field, Column column) {
		if (column != null) {
			columns.put(field, column);
		}
	}

	/**
	 * Reads a mapping; every problem is added to {@code issues} with {@code loc} starting
	 * with {@code prefix}.
	 * @return the mapping, or null when there were problems
	 */
	static ImportMapping read(JsonNode node, List<Object> prefix, List<ValidationIssue> issues) {
		if (node == null || !node.isObject()) {
			issues.add(new ValidationIssue("dict_type", prefix, "Input should be a valid dictionary", node, null));
			return null;
		}
		int before = issues.size();
		for (String name : node.propertyNames()) {
			if (!FIELDS.contains(name)) {
				issues.add(new ValidationIssue("extra_forbidden", loc(prefix, name),
						"Extra inputs are not permitted; a mapping has " + String.join(", ", FIELDS), node.get(name),
						null));
			}
		}
		Column date = column(node, "date", prefix, issues, true);
		String dateFormat = text(node, "date_format", "yyyy-MM-dd");
		if (dateFormat != null) {
			try {
				if (dateFormat.length() > 40) {
					throw new IllegalArgumentException();
				}
				DateTimeFormatter.ofPattern(dateFormat);
				dateFormat = dateFormat.replace("yyyy", "uuuu").replace("yy", "uu");
			}
			catch (IllegalArgumentException ex) {
				issues.add(new ValidationIssue("value_error", loc(prefix, "date_format"),
						"Value error, not a date pattern (e.g. dd/MM/yyyy, yyyy-MM-dd, MM/dd/yyyy)",
						node.get("date_format"), null));
			}
		}
		else {
			bad(issues, prefix, "date_format", node, "Input should be a valid string");
		}
		Column amount = column(node, "amount", prefix, issues, false);
		Column debit = column(node, "debit", prefix, issues, false);
		Column credit = column(node, "credit", prefix, issues, false);
		if (amount == null && (debit == null || credit == null) && !node.has("amount")) {
			issues.add(new ValidationIssue("missing", loc(prefix, "amount"),
					"Field required: an amount column, or both debit and credit columns", node, null));
		}
		else if (amount != null && (debit != null || credit != null)) {
			bad(issues, prefix, "amount", node, "Value error, name an amount column or debit and credit, not both");
		}
		String sign = text(node, "sign", "negative_is_expense");
		if (!"negative_is_expense".equals(sign) && !"positive_is_expense".equals(sign)) {
			issues.add(new ValidationIssue("enum", loc(prefix, "sign"),
					"Input should be 'negative_is_expense' or 'positive_is_expense'", node.get("sign"), null));
		}
		String decimal = text(node, "decimal", ".");
		if (!".".equals(decimal) && !",".equals(decimal)) {
			issues.add(new ValidationIssue("enum", loc(prefix, "decimal"), "Input should be '.' or ','",
					node.get("decimal"), null));
		}
		String thousands = text(node, "thousands", "");
		if (thousands == null || !List.of("", ",", ".", " ", "'").contains(thousands) || thousands.equals(decimal)) {
			issues.add(new ValidationIssue("enum", loc(prefix, "thousands"),
					"Input should be '', ',', '.', ' ' or \"'\", and not the decimal separator", node.get("thousands"),
					null));
		}
		Column payee = column(node, "payee", prefix, issues, false);
		Column memo = column(node, "memo", prefix, issues, false);
		Column category = column(node, "category", prefix, issues, false);
		String defaultCategory = text(node, "default_category", DEFAULT_CATEGORY);
		if (defaultCategory == null || defaultCategory.isBlank() || defaultCategory.length() > 100) {
			bad(issues, prefix, "default_category", node, "Value error, a category name of 1 to 100 characters");
		}
		Column account = column(node, "account", prefix, issues, false);
		Column currency = column(node, "currency", prefix, issues, false);
		String defaultCurrency = text(node, "default_currency", "ILS");
		String currencyCode = (defaultCurrency != null) ? Currencies.code(defaultCurrency).orElse(null) : null;
		if (currencyCode == null) {
			bad(issues, prefix, "default_currency", node, "Value error, not a currency (an ISO code such as EUR)");
		}
		Column id = column(node, "id", prefix, issues, false);
		String delimiter = text(node, "delimiter", ",");
		if (!",".equals(delimiter) && !";".equals(delimiter) && !"\t".equals(delimiter) && !"tab".equals(delimiter)) {
			issues.add(new ValidationIssue("enum", loc(prefix, "delimiter"), "Input should be ',', ';' or 'tab'",
					node.get("delimiter"), null));
		}
		JsonNode headerNode = node.get("header");
		boolean header = true;
		if (headerNode != null && !headerNode.isNull()) {
			if (!headerNode.isBoolean()) {
				bad(issues, prefix, "header", node, "Input should be a valid boolean");
			}
			header = headerNode.asBoolean();
		}
		Charset encoding = null;
		String charset = text(node, "encoding", "UTF-8");
		try {
			encoding = Charset.forName(charset);
		}
		catch (IllegalArgumentException ex) {
			bad(issues, prefix, "encoding", node, "Value error, not a known charset (e.g. UTF-8, windows-1255)");
		}
		if (!header) {
			for (Column column : new Column[] { date, amount, debit, credit, payee, memo, category, account, currency,
					id }) {
				if (column != null && column.name() != null) {
					bad(issues, prefix, "header", node,
							"Value error, a file without a header row names its columns by position (1, 2, ...)");
					break;
				}
			}
		}
		if (issues.size() > before) {
			return null;
		}
		return new ImportMapping(date, dateFormat, amount, debit, credit, "positive_is_expense".equals(sign),
				",".equals(decimal), thousands, payee, memo, category, defaultCategory.strip(), account, currency,
				currencyCode, id, ("tab".equals(delimiter) || "\t".equals(delimiter)) ? '\t' : delimiter.charAt(0),
				header, encoding);
	}

	/** The mapping as JSON, in the shape {@link #read} takes. */
	ObjectNode toJson() {
		ObjectNode node = JsonNodeFactory.instance.objectNode();
		columns().forEach((field, column) -> {
			if (column.name() != null) {
				node.put(field, column.name());
			}
			else {
				node.put(field, column.position());
			}
		});
		node.put("date_format", this.dateFormat.replace("uuuu", "yyyy").replace("uu", "yy"));
		node.put("sign", this.positiveIsExpense ? "positive_is_expense" : "negative_is_expense");
		node.put("decimal", this.decimalComma ? "," : ".");
		node.put("thousands", this.thousands);
		node.put("default_category", this.defaultCategory);
		node.put("default_currency", this.defaultCurrency);
		node.put("delimiter", (this.delimiter == '\t') ? "tab" : String.valueOf(this.delimiter));
		node.put("header", this.header);
		node.put("encoding", this.encoding.name());
		return node;
	}

	private static Column column(JsonNode node, String field, List<Object> prefix, List<ValidationIssue> issues,
			boolean required) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			if (required) {
				issues.add(new ValidationIssue("missing", loc(prefix, field), "Field required", node, null));
			}
			return null;
		}
		Column column = Column.of(value);
		if (column == null) {
			issues.add(new ValidationIssue("value_error", loc(prefix, field),
					"Value error, a column is a header name or a position from 1", value, null));
		}
		return column;
	}

	/** A string field, its default when absent, or null when not a string. */
	private static String text(JsonNode node, String field, String absent) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return absent;
		}
		return value.isString() ? value.stringValue() : null;
	}

	private static void bad(List<ValidationIssue> issues, List<Object> prefix, String field, JsonNode node,
			String message) {
		issues.add(new ValidationIssue(message.startsWith("Input") ? "type_error" : "value_error", loc(prefix, field),
				message, node.get(field), null));
	}

	private static List<Object> loc(List<Object> prefix, String field) {
		List<Object> loc = new ArrayList<>(prefix);
		loc.add(field);
		return List.copyOf(loc);
	}

}
